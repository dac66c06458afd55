/// Writes PrairieLearn's external-grader results (`/grade/results/results.json`) for one submission:
/// `gradable`, `score` from 0 to 1, `message`, `output`, and `tests[]` with `name`, `description`,
/// `points`, `max_points`, `message` and `output`. An answers file that cannot be read is not gradable,
/// so PrairieLearn does not count the attempt and shows the message instead.
public struct PrairieLearnReportWriter: Sendable {
    /// A PrairieLearn results writer.
    public init() {}

    /// The results text for the first submission of the run (PrairieLearn grades one at a time).
    public func write(_ run: GradingRun) -> String {
        guard let submission = run.submissions.first else {
            return JSONValue.object([
                ("gradable", .bool(false)), ("score", .number(0)),
                ("message", .string("No answers file was found in the submission, so nothing could be graded.")),
                ("tests", .array([])),
            ]).rendered() + "\n"
        }
        return value(for: submission, run: run).rendered() + "\n"
    }

    /// The results object for one submission.
    public func value(for submission: SubmissionGrade, run: GradingRun) -> JSONValue {
        var message = "Score: \(QuizText.number(submission.score)) of \(QuizText.number(submission.maxScore)) for student \(QuizText.visible(submission.student))."
        if run.isPractice { message = GradingRun.practiceNotice + " " + message }
        if !submission.isUsable { message = "Your answers file could not be used; fix it and submit again. " + message }
        let tests: [JSONValue] = submission.questions.map { result in
            var text = Self.statusText(result)
            if let expected = run.disclosure.expected(result) { text += " The expected answer is \(expected)." }
            var members: [(String, JSONValue)] = [
                ("name", .string(result.questionID)),
                ("description", .string("Lesson \(result.lessonID), variant \(result.variant.id)")),
                ("points", .number(result.points)),
                ("max_points", .number(result.counts ? result.maxPoints : 0)),
                ("message", .string(text)),
            ]
            if let feedback = run.disclosure.feedbackText(result) { members.append(("output", .string(feedback))) }
            return .object(members)
        }
        return .object([
            ("gradable", .bool(submission.isUsable)),
            ("score", .number(Self.rounded(submission.fraction))),
            ("message", .string(message)),
            ("output", .string(submission.problems.map { QuizText.visible($0) }.joined(separator: "\n"))),
            ("tests", .array(tests)),
        ])
    }

    static func statusText(_ result: QuestionResult) -> String {
        switch result.status {
        case .correct: return "Correct."
        case .wrong: return "Wrong."
        case .missing: return "No answer (scores 0)."
        case .invalid: return "Not an answer to this question: \(result.message ?? "it could not be read")."
        case .ungradable: return "Not graded: \(result.message ?? "the right answer cannot be computed")."
        }
    }

    /// A fraction rounded to four decimals, so the JSON stays short and exact enough.
    static func rounded(_ value: Double) -> Double { (min(max(value, 0), 1) * 10_000).rounded() / 10_000 }
}
