/// Why an experiment could not run, in one sentence that says what to do instead.
public struct ExperimentError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// True when the experiment was stopped by the user (Ctrl-C) rather than failing.
    public var interrupted: Bool
    public init(_ message: String, interrupted: Bool = false) {
        self.message = message
        self.interrupted = interrupted
    }
    public var description: String { message }
}
