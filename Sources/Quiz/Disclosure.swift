/// What a grade report tells the student besides right, wrong, invalid or missing and the points.
///
/// Reports are read by students (Gradescope shows results.json, CI logs are public to the class), so by
/// default no report contains an expected answer: a blank submission must not turn into an answer key.
public struct Disclosure: Sendable, Equatable {
    /// Which general text of the question a report adds to a question that was not answered right.
    public enum Feedback: String, Sendable, CaseIterable {
        /// Nothing beyond the status and the points.
        case none
        /// The question's first (vaguest) hint, which lint checks does not name the answer.
        case hints
        /// The question's explanation. It may name the answer: an instructor's choice after the deadline.
        case explain
    }

    /// True when reports show each question's expected answer (the instructor's `--show-expected`).
    public var showExpected: Bool
    /// The general feedback added to each question.
    public var feedback: Feedback

    /// A disclosure; the default shows no expected answer and no feedback text.
    public init(showExpected: Bool = false, feedback: Feedback = .none) {
        self.showExpected = showExpected
        self.feedback = feedback
    }

    /// The expected answer of a result when it may be shown, else nil.
    public func expected(_ result: QuestionResult) -> String? { showExpected ? result.expected : nil }

    /// The feedback text for a result, when one is asked for and the answer was not right.
    public func feedbackText(_ result: QuestionResult) -> String? {
        guard result.status != .correct else { return nil }
        switch feedback {
        case .none: return nil
        case .hints: return result.hint
        case .explain: return result.explanation
        }
    }
}
