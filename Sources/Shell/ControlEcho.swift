#if canImport(Glibc)
import Glibc
#endif

/// While a command runs, the terminal does not echo Ctrl-C as `^C`: the command reports an
/// interrupt in its own words, and an echoed `^C` would push that line past the terminal's width.
enum ControlEcho {
    /// Runs `body` with the terminal's ECHOCTL flag off when `active` and standard input is a
    /// terminal, and puts the terminal's settings back afterwards.
    static func suppressed<T>(when active: Bool, _ body: () -> T) -> T {
        guard active, isatty(0) == 1 else { return body() }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHOCTL)
        _ = tcsetattr(0, TCSANOW, &quiet)
        defer { _ = tcsetattr(0, TCSANOW, &saved) }
        return body()
    }
}
