/// A student's answers file, read as far as it could be, with every problem found on the way.
///
/// The expected shape is YAML:
/// ```yaml
/// student: alice
/// lessons: [01-four-way-close]     # optional
/// answers:
///   01-four-way-close/who-waits: client
/// ```
public struct AnswersFile: Sendable {
    /// The path the file was read from, as given on the command line.
    public var path: String
    /// The student id (from `student:`, or the file name when that is missing).
    public var student: String
    /// The lessons the file says it answers, if it says.
    public var lessons: [String]?
    /// The answers by question id, in file order (a later duplicate replaces an earlier one).
    public var answers: [(id: String, value: AnswerValue)]
    /// One-line messages about the file, each naming the file (and the question when there is one).
    public var problems: [String]
    /// False when nothing could be read from the file: every question then counts as missing.
    public var isUsable: Bool

    /// Makes an answers file from its parts.
    public init(path: String, student: String, lessons: [String]? = nil,
                answers: [(id: String, value: AnswerValue)] = [], problems: [String] = [], isUsable: Bool = true) {
        self.path = path
        self.student = student
        self.lessons = lessons
        self.answers = answers
        self.problems = problems
        self.isUsable = isUsable
    }

    /// The answer to the question, if the file has one.
    public func answer(to questionID: String) -> AnswerValue? {
        answers.last { $0.id == questionID }?.value
    }
}
