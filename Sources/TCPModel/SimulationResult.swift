/// Everything one run of a scenario produced.
public struct SimulationResult: Sendable {
    public var profile: ProfileName
    /// True when every `expect` line held and the run reached its end (no work limit stopped it).
    public var passed: Bool
    public var outcomes: Set<Outcome>
    public var final: [EndpointRole: TCPState]
    /// States each endpoint passed through, in order, without repeats in a row.
    public var visited: [EndpointRole: [TCPState]]
    /// Flags of every segment each endpoint sent, in order.
    public var sent: [EndpointRole: [TCPFlags]]
    /// errno names reported to each endpoint's application (for example `ECONNRESET`).
    public var errors: [EndpointRole: [String]]
    /// Failed expectations as one-line messages.
    public var failures: [String]
    /// Why the run stopped before its end (a work limit: events, segments or virtual time), or nil
    /// when it ran to the end. Such a run also has the outcome `work-limit`.
    public var stopReason: String? = nil
    /// Everything that happened, in order (empty when the run did not record events).
    public var events: [SimulationEvent] = []
    /// How many events happened, recorded or not.
    public var eventCount: Int = 0
    /// Segments put on the wire, retransmissions included.
    public var transmissions: Int = 0
    /// Transmissions the explorer could lose (those no `drop` line took).
    public var losableTransmissions: Int = 0
    /// The segments lost on purpose by `Simulator.run(_:profile:losing:settle:)` or the explorer.
    public var lost: [String] = []
    /// The virtual time when the run ended, in milliseconds.
    public var endTimeMs: Int64 = 0
    /// The settings in force at the end (after `set` lines and the profile override).
    public var settings: ProfileSettings? = nil

    public init(profile: ProfileName, passed: Bool, outcomes: Set<Outcome>, final: [EndpointRole: TCPState],
                visited: [EndpointRole: [TCPState]], sent: [EndpointRole: [TCPFlags]],
                errors: [EndpointRole: [String]], failures: [String]) {
        self.profile = profile; self.passed = passed; self.outcomes = outcomes; self.final = final
        self.visited = visited; self.sent = sent; self.errors = errors; self.failures = failures
    }

    /// The outcomes in their canonical order (clean, reset, timeout, stale-data, open).
    public var sortedOutcomes: [Outcome] { outcomes.sorted() }
}
