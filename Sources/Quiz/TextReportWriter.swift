/// Writes a readable summary: one block per student with a line per question, then a class line. The
/// expected answer appears only when the run's disclosure allows it.
public struct TextReportWriter: Sendable {
    /// The words the report is written in.
    public var words: TextReportWords

    /// A text summary writer, in English unless other `words` are given.
    public init(words: TextReportWords = .english) { self.words = words }

    /// The report text, ending in a newline. Student text is shown with control characters made visible.
    public func write(_ run: GradingRun) -> String {
        var lines: [String] = []
        if run.isPractice { lines.append(words.notePrefix + words.practiceNotice) }
        for submission in run.submissions {
            let verdict = submission.passes(run.passMark) ? words.pass : words.fail
            let percent = Int((submission.fraction * 100).rounded())
            lines.append(TextReportWords.fill(words.submission, QuizText.visible(submission.student), QuizText.visible(submission.file),
                                              QuizText.number(submission.score), QuizText.number(submission.maxScore),
                                              String(percent), verdict))
            if !submission.isUsable {
                lines.append("  " + words.unusable)
            }
            for result in submission.questions {
                lines.append("  " + line(for: result, run.disclosure))
                if let feedback = run.disclosure.feedbackText(result) {
                    lines.append("          " + QuizText.visible(feedback))
                }
            }
            for problem in submission.problems {
                lines.append("  " + words.problemPrefix + QuizText.visible(problem))
            }
        }
        if run.submissions.count > 1 {
            let passed = run.submissions.filter { $0.passes(run.passMark) }.count
            lines.append(TextReportWords.fill(words.classLine, String(run.submissions.count), String(passed),
                                              String(Int((run.passMark * 100).rounded()))))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(for result: QuestionResult, _ disclosure: Disclosure) -> String {
        let points = "[\(QuizText.number(result.points))/\(QuizText.number(result.maxPoints))]"
        let given = result.given.map { "\"" + QuizText.visible(QuizText.clipped($0, to: 60)) + "\"" } ?? words.nothing
        let expected = disclosure.expected(result)
        let expectedText = expected.map { TextReportWords.fill(words.expectedAfterNone, QuizText.visible($0)) } ?? ""
        let expectedGiven = expected.map { TextReportWords.fill(words.expectedAfterAnswer, QuizText.visible($0)) } ?? ""
        let variant = TextReportWords.fill(words.variant, result.variant.id)
        let gave = TextReportWords.fill(words.gave, given)
        let id = result.questionID
        switch result.status {
        case .correct:
            return "\(words.correct)\(id) \(points) \(given)\(variant)"
        case .wrong:
            return "\(words.wrong)\(id) \(points) \(gave)\(expectedGiven)\(variant)"
        case .missing:
            return "\(words.missing)\(id) \(points) \(words.noAnswer)\(expectedText)\(variant)"
        case .invalid:
            return "\(words.invalid)\(id) \(points) \(gave): \(QuizText.visible(result.message ?? words.notAnAnswer))\(expectedText)\(variant)"
        case .ungradable:
            return "\(words.skipped)\(id) \(QuizText.visible(result.message ?? words.cannotBeGraded))\(variant)"
        }
    }
}
