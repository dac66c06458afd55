import Foundation

/// The saved terminal settings, for the crash handlers (which can use nothing else).
nonisolated(unsafe) private var savedTerminalSettings = termios()
nonisolated(unsafe) private var terminalIsTaken: Int32 = 0

/// Leaves the alternate screen, shows the cursor and puts the saved settings back, using only
/// calls that are safe in a signal handler.
private func restoreTerminalNow() {
    guard terminalIsTaken != 0 else { return }
    terminalIsTaken = 0
    let sequence: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
    _ = Foundation.write(1, sequence.utf8Start, sequence.utf8CodeUnitCount)
    _ = tcsetattr(0, TCSAFLUSH, &savedTerminalSettings)
}

/// Takes the terminal over for a full-screen view — the alternate screen, no echo, keys one at a
/// time, the cursor hidden — and gives it back exactly as it was: on `restore()`, at exit, and
/// when the process crashes (SIGSEGV, SIGABRT, a Swift trap). Ctrl-C stays a signal, which the
/// shell's handler turns into a flag the loop polls.
struct PresenterTerminal {
    /// Fails when standard input or output is not a terminal.
    static func take() -> Bool {
        guard isatty(0) == 1, isatty(1) == 1, tcgetattr(0, &savedTerminalSettings) == 0 else { return false }
        var raw = savedTerminalSettings
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(0, TCSAFLUSH, &raw) == 0 else { return false }
        terminalIsTaken = 1
        StandardOutput.write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
        atexit { restoreTerminalNow() }
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(crash) { number in
                restoreTerminalNow()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        return true
    }

    /// Gives the terminal back. Safe to call more than once.
    static func restore() {
        restoreTerminalNow()
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(crash, SIG_DFL) }
    }

    /// The terminal's size now.
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (80, 24)
    }

    /// Waits up to `milliseconds` for key bytes and returns those that came (empty on timeout or
    /// when a signal interrupted the wait).
    static func readKeys(timeout milliseconds: Int32) -> [UInt8] {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = Foundation.read(0, &buffer, buffer.count)
        return count > 0 ? Array(buffer.prefix(count)) : []
    }

    /// Draws whole lines at the top of the screen, replacing what was there.
    static func frame(_ lines: [String]) -> String {
        var text = "\u{1B}[H"
        for (index, line) in lines.enumerated() {
            text += "\u{1B}[\(index + 1);1H" + line + "\u{1B}[K"
        }
        return text + "\u{1B}[0m"
    }
}
