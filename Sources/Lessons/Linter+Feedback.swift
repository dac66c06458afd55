import Foundation

/// Text a learner has read before a question is asked: the lesson summary (first step only), the
/// step's heading and the prose above the question.
struct ShownText: Sendable {
    /// What it is, for the message: "the lesson summary", "the step heading", "the step's prose".
    var what: String
    /// The text, read once: every variant of every later question is checked against it.
    var prepared: PreparedText
    var location: SourceLocation

    init(what: String, text: String, location: SourceLocation) {
        self.what = what; self.prepared = PreparedText(text); self.location = location
    }
}

extension Linter {
    /// The fewest targeted replies a prediction should have: one for each of its two most common
    /// wrong answers.
    static let minimumMistakeReplies = 2

    /// Checks a question's `mistakes:` against the right answer of one variant: none may be that answer
    /// or reveal it (each problem reported once, whichever variant shows it first).
    func checkMistakes(_ question: Question, answer: String, reported: inout Set<Int>,
                       into report: inout LintReport) {
        for (index, mistake) in question.mistakes.enumerated() where !reported.contains(2000 + index) {
            let at = mistake.location ?? question.location
            reported.insert(2000 + index)
            if AnswerChecker.check(mistake.answer, question: question, expected: answer) == .correct {
                report.diagnostics.append(Diagnostic(at: at, "the mistake '\(mistake.answer)' of '\(question.shortID)' is its right answer '\(answer)'"))
            } else if AnswerGiveaway.reveals(mistake.reply, answer: answer, kind: question.answerKind, prose: true) {
                report.diagnostics.append(Diagnostic(at: at, "the reply to the mistake '\(mistake.answer)' gives away the answer '\(answer)'; point at the segment or timer instead"))
            } else {
                reported.remove(2000 + index)
            }
        }
    }

    /// Warns when a prediction has replies for fewer than two wrong answers, or, for a choice, fewer
    /// than the choices that are wrong in every variant (`answers` holds each variant's right answer):
    /// a reply may never be for a variant's right answer, so a choice question can run out of them.
    func checkMistakeCount(_ question: Question, answers: [String], into report: inout LintReport) {
        guard question.kind == .predict, !answers.isEmpty else { return }
        var wanted = Self.minimumMistakeReplies
        if case .choice(let choices) = question.answerKind {
            let alwaysWrong = choices.filter { choice in
                !answers.contains { AnswerChecker.check(choice, question: question, expected: $0) == .correct }
            }
            wanted = min(wanted, alwaysWrong.count)
        }
        guard question.mistakes.count < wanted else { return }
        report.diagnostics.append(Diagnostic(.warning, at: question.location,
            "prediction '\(question.shortID)' has targeted replies for \(question.mistakes.count) wrong answer(s); give 'mistakes:' replies for at least the two most common"))
    }

    /// Reports text shown before the question that names its answer, once per text.
    func checkShownText(_ shown: [ShownText], question: Question, answer: String,
                        reported: inout Set<Int>, into report: inout LintReport) {
        for (index, item) in shown.enumerated() where !reported.contains(1000 + index) {
            guard AnswerGiveaway.reveals(item.prepared, answer: answer, kind: question.answerKind, prose: true) else { continue }
            reported.insert(1000 + index)
            report.diagnostics.append(Diagnostic(at: item.location,
                "\(item.what), shown before the question '\(question.shortID)', gives away its answer '\(answer)'"))
        }
    }
}
