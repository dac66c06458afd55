/// The timers a simulated endpoint runs.
public enum TimerKind: String, Sendable, Codable, CaseIterable {
    case retransmit
    case timeWait = "time-wait"
    case finWait2 = "fin-wait-2"
    /// The delayed-ACK timer: an ACK is owed and waits for data or a FIN to ride on (fact 33).
    case delayedAck = "delayed-ack"
}

/// What happened to a timer.
public enum TimerAction: String, Sendable, Codable {
    case start, restart, cancel, expire
}

/// Why a segment never arrived.
public enum DropReason: String, Sendable, Codable {
    /// A `drop` line in the scenario lost it.
    case scenario
    /// The explorer lost it on purpose.
    case explore
    /// A delayed copy outlived the MSL, so the network discarded it.
    case expired
}

/// One thing that happened during a run, at a virtual time.
public struct SimulationEvent: Sendable {
    /// Virtual milliseconds since the run started.
    public var timeMs: Int64
    public var kind: Kind

    public enum Kind: Sendable {
        /// A segment left an endpoint (`retransmission` when it repeats an earlier one).
        case send(Segment, retransmission: Bool)
        /// A segment arrived (`copy` when it is a delayed duplicate).
        case receive(Segment, copy: Bool)
        /// A segment was lost.
        case drop(Segment, reason: DropReason)
        case state(EndpointRole, from: TCPState, to: TCPState)
        case timer(EndpointRole, TimerKind, TimerAction, ms: Int64)
        /// An errno reported to the endpoint's application.
        case error(EndpointRole, errno: String)
        /// The result of an `expect` line.
        case expect(line: Int, text: String, passed: Bool, actual: String)
        /// A scenario line started running (shown in diagrams, left out of JSON).
        case step(line: Int, text: String)
        /// A remark about something the model decided (shown in diagrams, left out of JSON).
        case note(EndpointRole?, String)
    }
}
