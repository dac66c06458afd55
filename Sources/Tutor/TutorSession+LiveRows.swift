import Lessons

extension TutorSession {
    /// A question that a live experiment measures, as a row beside the kernel's finding: the
    /// learner's last answer and the simulation's.
    mutating func liveRow(_ question: Question) -> LiveComparison.Row {
        var finding = ""
        if case .experiment(_, let key, _) = question.source { finding = key }
        var tolerance = 0.0
        if case .number(let allowed) = question.answerKind { tolerance = allowed }
        let simulated = try? expectedAnswer(question)
        return LiveComparison.Row(finding: finding,
                                  prediction: shownPrediction(progress[lesson: question.lessonID].questions[question.id]?.lastAnswer,
                                                              question, simulated: simulated),
                                  simulated: simulated, tolerance: tolerance)
    }

    /// The learner's answer as the comparison shows it: in the simulation's spelling when it was right
    /// (`close_wait` → `CLOSE_WAIT`), a choice's own words for its number or letter, else as typed.
    func shownPrediction(_ raw: String?, _ question: Question, simulated: String?) -> String? {
        guard let raw else { return nil }
        if let simulated, AnswerKey.verdict(raw, for: question, expected: simulated).isCorrect { return simulated }
        if case .choice(let choices) = question.answerKind, let choice = AnswerChecker.pickedChoice(raw, from: choices) {
            return choice
        }
        return raw
    }
}
