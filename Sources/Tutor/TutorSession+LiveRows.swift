import Lessons

extension TutorSession {
    /// A question that a live experiment measures, as a row beside the kernel's finding: the
    /// learner's last answer and the simulation's.
    mutating func liveRow(_ question: Question) -> LiveComparison.Row {
        var finding = ""
        if case .experiment(_, let key, _) = question.source { finding = key }
        var tolerance = 0.0
        if case .number(let allowed) = question.answerKind { tolerance = allowed }
        return LiveComparison.Row(finding: finding,
                                  prediction: progress[lesson: question.lessonID].questions[question.id]?.lastAnswer,
                                  simulated: try? expectedAnswer(question), tolerance: tolerance)
    }
}
