import Lessons
import Rendering

/// What the tutor says to a wrong answer: the learner's own words, then the question's targeted reply
/// for that answer when the lesson has one (its `mistakes:` map), else what the simulation says about
/// that belief (`SimulatedBelief`), else a plain "not what TCP does".
struct WrongAnswerFeedback {
    var question: Question
    var given: String
    /// The run that decided the answer, when there was one.
    var evidence: AnswerEvidence = .none

    /// The targeted reply for this answer, if the lesson wrote one.
    var mistake: MistakeReply? { question.mistakeReply(for: given) }

    /// True when `text` (a hint) names the answer the learner just gave, so showing it adds nothing.
    func namesAnswer(_ text: String) -> Bool {
        AnswerGiveaway.reveals(text, answer: given, kind: question.answerKind)
    }

    /// The lines to show; `final` is the last attempt, after which the solution follows.
    func lines(final: Bool) -> [TutorLine] {
        if let reply = mistake?.reply ?? SimulatedBelief(evidence: evidence).reply(to: given) {
            return [.failure(UIText.text("tutor.wrong.reply", given, reply))] + (final ? [] : [.note(UIText.text("tutor.try-again"))])
        }
        return [.failure(UIText.text(final ? "tutor.wrong" : "tutor.wrong.try-again", given))]
    }
}
