/// One answer as read from an answers file.
public struct AnswerValue: Sendable, Equatable {
    /// What the student wrote, as text (a list of flags is joined with `|`), or nil when the value
    /// could not be read as an answer.
    public var text: String?
    /// Why the value is not a usable answer (for example a nested mapping), when `text` is nil.
    public var problem: String?
    /// The line of the answers file the value is on (1-based), or 0 when unknown.
    public var line: Int

    /// An answer the student wrote.
    public init(text: String, line: Int) {
        self.text = text
        self.problem = nil
        self.line = line
    }

    /// A value that is not an answer of any kind, with the reason.
    public init(problem: String, line: Int) {
        self.text = nil
        self.problem = problem
        self.line = line
    }
}
