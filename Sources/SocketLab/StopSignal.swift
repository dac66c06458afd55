#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag that long-running commands poll, so they can
/// close their sockets and restore the terminal before leaving.
public enum StopSignal {
    nonisolated(unsafe) private static var count: Int32 = 0

    /// Installs the handlers (without SA_RESTART, so a blocking call returns EINTR).
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in StopSignal.count &+= 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started us with these signals blocked; they must get through.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// True once a signal arrived.
    public static var raised: Bool { count > 0 }

    /// Forgets earlier signals.
    public static func reset() { count = 0 }
}
