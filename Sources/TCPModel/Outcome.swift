/// How a simulated run ended. A run can have several outcomes at once (for example `reset` and `open`).
public enum Outcome: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    /// Both endpoints reached CLOSED through the closing handshake.
    case clean
    /// An RST ended a connection.
    case reset
    /// Retransmissions ran out.
    case timeout
    /// Bytes from an earlier incarnation were accepted as new data.
    case staleData = "stale-data"
    /// Something is still not CLOSED.
    case open
    /// The run hit one of the simulator's work limits (events, segments or virtual time) and was
    /// stopped before its end; its other outcomes describe the moment it stopped.
    case workLimit = "work-limit"

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
