import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `lab NAME --watch`: after an experiment, keeps its network namespace (and so the kernel's
/// TIME_WAIT sockets it left behind) and narrates the loopback sockets that still have a timer,
/// once a second, until none is left, the learner presses Ctrl-C, or a cap passes. The caller
/// redraws each table in place; a child in a user namespace sends the same lines to its parent.
public enum LabWatch {
    /// The experiment option that asks for the watch (`watch=1`).
    public static let option = "watch"
    /// The heading that starts the watch, so that a renderer knows each table that follows replaces
    /// the one before.
    public static let heading = LabText("lab.watch.heading", "Watching the experiment's sockets until their timers run out (Ctrl-C stops)")
    /// The longest watch: Linux's 60 s TIME_WAIT and some slack.
    static let limitMilliseconds = 75_000

    /// Narrates the loopback sockets with a running timer until none is left or `shouldStop` is true.
    static func run(log: (LabLine) -> Void, shouldStop: () -> Bool, intervalMilliseconds: Int = 1_000) {
        log(.heading(heading))
        let end = LabSession.now() + limitMilliseconds
        while true {
            let rows = timedLoopbackRows()
            log(.sockets(rows.map(LabSocketRow.init)))
            if rows.isEmpty || LabSession.now() >= end { break }
            // Sleep in small slices so that Ctrl-C ends the watch within a tenth of a second.
            let wake = LabSession.now() + intervalMilliseconds
            while LabSession.now() < wake {
                if shouldStop() {
                    log(.note(LabText("lab.watch.stopped", "Stopped watching (Ctrl-C); the namespace goes away with its sockets.")))
                    return
                }
                usleep(50_000)
            }
        }
        log(.note(LabText("lab.watch.done", "No timer is left: every TIME_WAIT (and orphaned FIN_WAIT_2) of the experiment has ended.")))
    }

    /// Loopback sockets of this namespace whose timer is the time-wait one.
    static func timedLoopbackRows() -> [SocketEntry] {
        let entries = (try? SocketTable.read(directory: SocketTable.threadDirectory).entries) ?? []
        return entries.filter { $0.timer == .timeWait && $0.local.isLoopback && $0.remote.isLoopback }
    }
}
