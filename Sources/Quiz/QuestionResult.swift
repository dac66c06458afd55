import Lessons

/// The grade of one question in one submission.
public struct QuestionResult: Sendable {
    /// `LESSON-ID/QUESTION-ID`.
    public var questionID: String
    /// The lesson the question belongs to.
    public var lessonID: String
    /// How the answer was graded.
    public var status: QuestionStatus
    /// Points earned.
    public var points: Double
    /// Points the question is worth.
    public var maxPoints: Double
    /// What the student answered, as written, or nil when nothing was given.
    public var given: String?
    /// A canonical right answer (which would itself be graded correct), or nil when ungradable.
    public var expected: String?
    /// The student's variant of this question.
    public var variant: Variant
    /// Why the answer is invalid or the question ungradable; nil otherwise.
    public var message: String?
    /// The question's first hint for this variant (shown only with `--feedback hints`).
    public var hint: String?
    /// The question's explanation for this variant (shown only with `--feedback explain`).
    public var explanation: String?

    /// Makes a result from its parts.
    public init(questionID: String, lessonID: String, status: QuestionStatus, points: Double,
                maxPoints: Double, given: String?, expected: String?, variant: Variant, message: String? = nil) {
        self.questionID = questionID; self.lessonID = lessonID; self.status = status
        self.points = points; self.maxPoints = maxPoints; self.given = given; self.expected = expected
        self.variant = variant; self.message = message
    }

    /// True when the question counts towards the score.
    public var counts: Bool { status != .ungradable }
}
