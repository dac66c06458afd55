/// Writes Gradescope's `results.json` for one submission: top-level `score`, `execution_time`,
/// `output` (Markdown), `tests[]` with one entry per question, and the variant in `extra_data`. A test's
/// output says right, wrong, invalid or missing (and the feedback the instructor chose); the expected
/// answer only with `--show-expected`.
public struct GradescopeReportWriter: Sendable {
    /// Who sees the tests: `hidden`, `after_due_date`, `after_published` or `visible`.
    public var visibility: String

    /// The visibilities Gradescope knows.
    public static let visibilities = ["visible", "hidden", "after_due_date", "after_published"]

    /// A writer whose tests have the given visibility.
    public init(visibility: String = "visible") { self.visibility = visibility }

    /// The results text for the first submission of the run (Gradescope grades one at a time).
    public func write(_ run: GradingRun) -> String {
        guard let submission = run.submissions.first else {
            return JSONValue.object([
                ("score", .number(0)), ("execution_time", .number(0)),
                ("output", .string("No answers file was given, so nothing could be graded.")),
                ("output_format", .string("md")), ("visibility", .string(visibility)), ("tests", .array([])),
            ]).rendered() + "\n"
        }
        return value(for: submission, run: run).rendered() + "\n"
    }

    /// The results object for one submission.
    public func value(for submission: SubmissionGrade, run: GradingRun) -> JSONValue {
        var summary: [String] = []
        if run.isPractice { summary.append("**Note:** " + MarkdownText.escaped(GradingRun.practiceNotice)) }
        summary.append("Score: \(QuizText.number(submission.score)) of \(QuizText.number(submission.maxScore)) for student \(MarkdownText.escaped(submission.student)).")
        if !submission.isUsable {
            summary.append("**Your answers file could not be used**, so every question counts as missing. Fix it and submit again:")
        }
        if !submission.problems.isEmpty {
            summary.append(submission.problems.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n"))
        }
        var lessonNumbers: [String: Int] = [:]
        var questionNumbers: [String: Int] = [:]
        let tests: [JSONValue] = submission.questions.map { result in
            let lessonNumber = lessonNumbers[result.lessonID] ?? (lessonNumbers.count + 1)
            lessonNumbers[result.lessonID] = lessonNumber
            let questionNumber = (questionNumbers[result.lessonID] ?? 0) + 1
            questionNumbers[result.lessonID] = questionNumber
            var extra: [(String, JSONValue)] = [("variant", .string(result.variant.id)), ("status", .string(result.status.rawValue))]
            if !result.variant.values.isEmpty {
                extra.append(("parameters", .object(result.variant.values.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })))
            }
            return .object([
                ("name", .string(result.questionID)),
                ("number", .string("\(lessonNumber).\(questionNumber)")),
                ("score", .number(result.points)),
                ("max_score", .number(result.counts ? result.maxPoints : 0)),
                ("status", .string(result.status == .correct ? "passed" : "failed")),
                ("output", .string(output(for: result, disclosure: run.disclosure))),
                ("output_format", .string("md")),
                ("tags", .array([.string(result.lessonID)])),
                ("visibility", .string(visibility)),
                ("extra_data", .object(extra)),
            ])
        }
        return .object([
            ("score", .number(submission.score)),
            ("execution_time", .number(run.executionTime.rounded(.up))),
            ("output", .string(summary.joined(separator: "\n\n"))),
            ("output_format", .string("md")),
            ("visibility", .string(visibility)),
            ("stdout_visibility", .string("hidden")),
            ("extra_data", .object([
                ("student", .string(submission.student)),
                ("file", .string(submission.file)),
                ("practice", .bool(run.isPractice)),
                ("variants", .object(submission.questions.map { ($0.questionID, .string($0.variant.id)) })),
            ])),
            ("tests", .array(tests)),
        ])
    }

    private func output(for result: QuestionResult, disclosure: Disclosure) -> String {
        let answer = result.given.map(MarkdownText.escaped) ?? ""
        let expected = disclosure.expected(result).map { " The expected answer is \(MarkdownText.escaped($0))." } ?? ""
        var text: String
        switch result.status {
        case .correct: text = "**Correct.** You answered \(answer)."
        case .wrong: text = "**Wrong.** You answered \(answer)." + expected
        case .missing: text = "**No answer.** An unanswered question scores 0." + expected
        case .invalid:
            let shown = result.given == nil ? "" : " You answered \(answer)."
            text = "**Not an answer to this question:** \(MarkdownText.escaped(result.message ?? "it could not be read"))." + shown + expected
        case .ungradable: text = "**Not graded:** \(MarkdownText.escaped(result.message ?? "the right answer cannot be computed"))."
        }
        if let feedback = disclosure.feedbackText(result) { text += "\n\n" + MarkdownText.escaped(feedback) }
        text += "\n\nVariant \(MarkdownText.escaped(result.variant.id))."
        return text
    }
}
