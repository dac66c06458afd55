import CEditLine
import Foundation

/// Ctrl-C for the shell: a SIGINT handler that only raises a flag.
///
/// The handler is installed without `SA_RESTART`, so a blocking read (libedit's `el_gets` too) returns
/// early and the shell can drop the line being typed. While a command runs, the command polls
/// `ShellContext.interrupted()`, which reads this flag. Every call into the C side lives in this one
/// file on purpose: the shim's `static inline` functions are copied into each object file.
public enum InterruptSignal {
    /// Installs the handlers (SIGINT; SIGTERM and SIGHUP ask the shell to leave cleanly). Safe to
    /// call more than once.
    public static func install() {
        _ = twlab_install_sigint_handler()
        _ = twlab_install_sigterm_handler()
    }

    /// True once SIGTERM or SIGHUP arrived: the shell should save its history and leave.
    public static var terminationRequested: Bool { twlab_sigterm_raised() != 0 }

    /// True when Ctrl-C was pressed since the last `clear()`.
    public static var isRaised: Bool { twlab_sigint_raised() != 0 }

    /// Lowers the flag (before reading a line and before running a command).
    public static func clear() { twlab_sigint_clear() }
}
