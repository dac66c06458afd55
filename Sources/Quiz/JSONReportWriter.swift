/// Writes grades as JSON: `{"student", "score", "max_score", "questions": [...], "notes"}` per student,
/// and a list of those when several files were graded. `expected` is present only with `--show-expected`.
public struct JSONReportWriter: Sendable {
    /// A JSON report writer.
    public init() {}

    /// The report text, ending in a newline.
    public func write(_ run: GradingRun) -> String {
        let students = run.submissions.map { object(for: $0, run: run) }
        let value = students.count == 1 ? students[0] : JSONValue.array(students)
        return value.rendered() + "\n"
    }

    /// One student's grade as a JSON object.
    public func object(for submission: SubmissionGrade, run: GradingRun) -> JSONValue {
        .object([
            ("student", .string(submission.student)),
            ("file", .string(submission.file)),
            ("score", .number(submission.score)),
            ("max_score", .number(submission.maxScore)),
            ("passed", .bool(submission.passes(run.passMark))),
            ("practice", .bool(run.isPractice)),
            ("questions", .array(submission.questions.map { object(for: $0, disclosure: run.disclosure) })),
            ("messages", .array(submission.problems.map { .string($0) })),
            ("notes", .array(submission.notes.map { .string($0) })),
        ])
    }

    private func object(for result: QuestionResult, disclosure: Disclosure) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(result.questionID)),
            ("points", .number(result.points)),
            ("max_points", .number(result.maxPoints)),
            ("status", .string(result.status.rawValue)),
            ("given", .optional(result.given)),
            ("variant", .string(result.variant.id)),
        ]
        if let expected = disclosure.expected(result) { members.append(("expected", .string(expected))) }
        if let feedback = disclosure.feedbackText(result) { members.append(("feedback", .string(feedback))) }
        if !result.variant.values.isEmpty {
            members.append(("parameters", .object(result.variant.values.sorted { $0.key < $1.key }
                .map { ($0.key, .number($0.value)) })))
        }
        if let message = result.message { members.append(("message", .string(message))) }
        return .object(members)
    }
}
