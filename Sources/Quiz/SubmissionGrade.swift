/// The grade of one answers file.
public struct SubmissionGrade: Sendable {
    /// The answers file as given on the command line.
    public var file: String
    /// The student id the variants were made for.
    public var student: String
    /// Every selected question, in lesson order.
    public var questions: [QuestionResult]
    /// One-line messages about the file and its answers, each naming the file and the question.
    public var problems: [String]
    /// False when nothing could be read from the file.
    public var isUsable: Bool
    /// Short machine-readable flags for the instructor, such as `duplicate-student`.
    public var notes: [String] = []

    /// Makes a grade from its parts.
    public init(file: String, student: String, questions: [QuestionResult], problems: [String], isUsable: Bool) {
        self.file = file; self.student = student; self.questions = questions; self.problems = problems
        self.isUsable = isUsable
    }

    /// Points earned.
    public var score: Double { questions.reduce(0) { $0 + ($1.counts ? $1.points : 0) } }
    /// Points available (ungradable questions are left out).
    public var maxScore: Double { questions.reduce(0) { $0 + ($1.counts ? $1.maxPoints : 0) } }
    /// Score as a fraction of the maximum (1 when nothing could be graded).
    public var fraction: Double { maxScore > 0 ? score / maxScore : (isUsable ? 1 : 0) }
    /// True when the file is usable and the score reaches the pass mark (a fraction from 0 to 1).
    public func passes(_ passMark: Double) -> Bool { isUsable && fraction + 1e-9 >= passMark }
}
