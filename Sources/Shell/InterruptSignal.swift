import SocketLab

/// Ctrl-C for the shell: a thin view of `StopSignal`, the program's one interrupt mechanism.
///
/// The handler is installed without `SA_RESTART`, so a blocking read (libedit's `el_gets` too) returns
/// early and the shell can drop the line being typed. The session lowers the flag before it reads a
/// line and before each command starts, so an interrupt belongs to the command it stopped; while a
/// command runs, it polls `ShellContext.interrupted()`, which reads this flag.
public enum InterruptSignal {
    /// Installs the handlers (SIGINT; SIGTERM and SIGHUP ask the shell to leave cleanly). Safe to
    /// call more than once.
    public static func install() { StopSignal.install() }

    /// True once SIGTERM or SIGHUP arrived: the shell should save its history and leave.
    public static var terminationRequested: Bool { StopSignal.terminationRequested }

    /// True when Ctrl-C was pressed since the last `clear()`.
    public static var isRaised: Bool { StopSignal.raised }

    /// Lowers the flag (before reading a line and before running a command).
    public static func clear() { StopSignal.reset() }
}
