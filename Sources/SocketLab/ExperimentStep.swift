/// One narrated step of an experiment and what the kernel showed at that point.
public struct ExperimentStep: Sendable, Codable, Equatable {
    /// The narration, one line.
    public var text: String
    /// What was observed, keyed by a short name (for example `client` → `FIN_WAIT_2`).
    public var observed: [String: String]

    public init(text: String, observed: [String: String] = [:]) {
        self.text = text
        self.observed = observed
    }
}
