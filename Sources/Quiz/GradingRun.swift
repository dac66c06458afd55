/// Everything one `twlab quiz grade` call produced: one grade per answers file, and how it was made.
public struct GradingRun: Sendable {
    /// One grade per answers file, in the order given.
    public var submissions: [SubmissionGrade]
    /// The question ids graded, in order (the gradebook's columns).
    public var questionIDs: [String]
    /// True when variants came from the practice seed rather than a course secret.
    public var isPractice: Bool
    /// The fraction of the maximum score a submission needs to pass.
    public var passMark: Double
    /// Wall-clock seconds the grading took.
    public var executionTime: Double
    /// What the reports may show besides status and points (by default no expected answer).
    public var disclosure = Disclosure()

    /// Makes a run from its parts.
    public init(submissions: [SubmissionGrade], questionIDs: [String], isPractice: Bool, passMark: Double,
                executionTime: Double = 0, disclosure: Disclosure = Disclosure()) {
        self.submissions = submissions; self.questionIDs = questionIDs; self.isPractice = isPractice
        self.passMark = passMark; self.executionTime = executionTime; self.disclosure = disclosure
    }

    /// The sentence every report carries when the practice seed was used.
    public static let practiceNotice = "Practice variants: no --secret-file was given, so anyone can compute these variants; use this for self-checking only, not for grades."

    /// The process exit status: 2 when a file was unusable, 1 when one missed the pass mark, else 0.
    public var exitStatus: Int32 {
        if submissions.contains(where: { !$0.isUsable }) { return 2 }
        return submissions.allSatisfy { $0.passes(passMark) } ? 0 : 1
    }
}
