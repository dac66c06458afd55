#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C for the whole program: the one SIGINT handler, used by the shell (between and during its
/// commands) and by the one-shot commands (`twlab lab`, `twlab sockets --watch`).
///
/// The handler only raises flags. It is installed without `SA_RESTART`, so a blocking call (a read,
/// libedit's `el_gets`, a sleep) returns early with `EINTR`. An interrupt belongs to the command that
/// is running: whoever starts a command calls `reset()` first, so a Ctrl-C pressed at the prompt or
/// during an earlier command never stops a later one. SIGTERM and SIGHUP raise the interrupt too and
/// also ask the program to leave (`terminationRequested`).
public enum StopSignal {
    nonisolated(unsafe) private static var interrupts: Int32 = 0
    nonisolated(unsafe) private static var termination: Int32 = 0

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP. Safe to call more than once.
    public static func install() {
        // Touch the flags first, so the handler never runs a global's one-time initialiser.
        interrupts = 0
        _ = termination
        var interrupt = sigaction()
        interrupt.__sigaction_handler.sa_handler = { _ in StopSignal.interrupts = 1 }
        sigemptyset(&interrupt.sa_mask)
        interrupt.sa_flags = 0
        sigaction(SIGINT, &interrupt, nil)
        var terminate = sigaction()
        terminate.__sigaction_handler.sa_handler = { _ in
            StopSignal.termination = 1
            StopSignal.interrupts = 1
        }
        sigemptyset(&terminate.sa_mask)
        terminate.sa_flags = 0
        sigaction(SIGTERM, &terminate, nil)
        sigaction(SIGHUP, &terminate, nil)
        // A parent may have started us with these signals blocked; they must get through.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// True once Ctrl-C (or SIGTERM/SIGHUP) arrived since the last `reset()`.
    public static var raised: Bool { interrupts != 0 }

    /// True once SIGTERM or SIGHUP arrived: the program should save what it must and leave.
    public static var terminationRequested: Bool { termination != 0 }

    /// Forgets an earlier Ctrl-C (call it when a command starts). A pending termination stays.
    public static func reset() { interrupts = termination }
}
