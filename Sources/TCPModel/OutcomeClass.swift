/// One group of explored runs that ended the same way.
public struct OutcomeClass: Sendable {
    public var outcomes: Set<Outcome>
    public var count: Int
    /// One example run: the segments lost (described as `client->server FIN|ACK #1`, the first
    /// FIN|ACK the client sent) and the final states.
    public var exampleDropped: [String]
    public var exampleFinal: [EndpointRole: TCPState]

    public init(outcomes: Set<Outcome>, count: Int, exampleDropped: [String], exampleFinal: [EndpointRole: TCPState]) {
        self.outcomes = outcomes; self.count = count; self.exampleDropped = exampleDropped; self.exampleFinal = exampleFinal
    }

    /// The outcomes joined in canonical order, for example `reset+open`.
    public var label: String { outcomes.sorted().map(\.rawValue).joined(separator: "+") }
}

/// The result of rerunning a scenario for every way of losing up to K segments.
public struct Exploration: Sendable {
    /// How many runs were made (the run with no extra loss included).
    public var runs: Int
    public var classes: [OutcomeClass]
    /// Events processed over all runs.
    public var eventCount: Int = 0
    /// True when the exploration stopped early (interrupted or over its run budget).
    public var incomplete: Bool = false
    /// The run budget, when the exploration stopped because it reached it: only the first `runs`
    /// loss patterns were explored, and more exist.
    public var runLimit: Int?

    /// The one-line note for an exploration cut short by its run budget, or nil.
    public var runLimitNote: String? {
        guard let runLimit else { return nil }
        return "explored the first \(runLimit) loss patterns only (the limit); more exist, so a rare outcome may be missing — use a smaller K to see them all"
    }

    public init(runs: Int, classes: [OutcomeClass]) {
        self.runs = runs; self.classes = classes
    }

    /// How many runs had this outcome among theirs.
    public func count(of outcome: Outcome) -> Int {
        classes.filter { $0.outcomes.contains(outcome) }.reduce(0) { $0 + $1.count }
    }
}
