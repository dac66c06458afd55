/// Writes a readable summary: one block per student with a line per question, then a class line. The
/// expected answer appears only when the run's disclosure allows it.
public struct TextReportWriter: Sendable {
    /// A text summary writer.
    public init() {}

    /// The report text, ending in a newline. Student text is shown with control characters made visible.
    public func write(_ run: GradingRun) -> String {
        var lines: [String] = []
        if run.isPractice { lines.append("Note: " + GradingRun.practiceNotice) }
        for submission in run.submissions {
            let verdict = submission.passes(run.passMark) ? "pass" : "FAIL"
            let percent = Int((submission.fraction * 100).rounded())
            lines.append("\(QuizText.visible(submission.student)) (\(QuizText.visible(submission.file))): "
                         + "\(QuizText.number(submission.score))/\(QuizText.number(submission.maxScore)) (\(percent)%) \(verdict)")
            if !submission.isUsable {
                lines.append("  answers file unusable; every question counts as missing")
            }
            for result in submission.questions {
                lines.append("  " + line(for: result, run.disclosure))
                if let feedback = run.disclosure.feedbackText(result) {
                    lines.append("          " + QuizText.visible(feedback))
                }
            }
            for problem in submission.problems {
                lines.append("  note: " + QuizText.visible(problem))
            }
        }
        if run.submissions.count > 1 {
            let passed = run.submissions.filter { $0.passes(run.passMark) }.count
            lines.append("\(run.submissions.count) answers files, \(passed) passed (pass mark \(Int((run.passMark * 100).rounded()))%)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(for result: QuestionResult, _ disclosure: Disclosure) -> String {
        let points = "[\(QuizText.number(result.points))/\(QuizText.number(result.maxPoints))]"
        let given = result.given.map { "\"" + QuizText.visible(QuizText.clipped($0, to: 60)) + "\"" } ?? "nothing"
        let expectedText = disclosure.expected(result).map { "; expected " + QuizText.visible($0) } ?? ""
        let expected = disclosure.expected(result).map { ", expected " + QuizText.visible($0) } ?? ""
        let variant = "variant \(result.variant.id)"
        switch result.status {
        case .correct:
            return "ok      \(result.questionID) \(points) \(given) (\(variant))"
        case .wrong:
            return "wrong   \(result.questionID) \(points) gave \(given)\(expected) (\(variant))"
        case .missing:
            return "missing \(result.questionID) \(points) no answer\(expectedText) (\(variant))"
        case .invalid:
            return "invalid \(result.questionID) \(points) gave \(given): \(QuizText.visible(result.message ?? "not an answer"))\(expectedText) (\(variant))"
        case .ungradable:
            return "skipped \(result.questionID) \(QuizText.visible(result.message ?? "cannot be graded")) (\(variant))"
        }
    }
}
