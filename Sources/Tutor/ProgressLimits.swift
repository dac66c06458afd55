import Foundation
import Lessons

/// The ranges a `progress.json` written by twlab always stays in. A file outside them was edited by
/// hand or damaged; it is set aside like one that does not parse, so no later arithmetic on a step
/// or a counter can overflow.
enum ProgressLimits {
    /// No lesson has this many steps.
    static let steps = 0...10_000
    /// Attempts and hints per question.
    static let counter = 0...1_000_000
    /// Seconds spent on one question (the tutor counts at most 30 minutes per answer).
    static let seconds = 0.0...1e9
    /// Characters of a saved answer or variant name.
    static let textCharacters = 10_000

    /// The first value out of range, as "where: what", or nil when the progress is sound.
    static func firstProblem(in progress: Progress) -> String? {
        for (id, lesson) in progress.lessons.sorted(by: { $0.key < $1.key }) {
            let shownID = VisibleText.escaped(String(id.prefix(60)))
            if !steps.contains(lesson.step) {
                return "lesson '\(shownID)': step \(lesson.step) is outside \(steps.lowerBound)…\(steps.upperBound)"
            }
            for (questionID, question) in lesson.questions.sorted(by: { $0.key < $1.key }) {
                let at = "question '\(VisibleText.escaped(String(questionID.prefix(60))))'"
                if !counter.contains(question.attempts) {
                    return "\(at): attempts \(question.attempts) is outside \(counter.lowerBound)…\(counter.upperBound)"
                }
                if !counter.contains(question.hintsUsed) {
                    return "\(at): hintsUsed \(question.hintsUsed) is outside \(counter.lowerBound)…\(counter.upperBound)"
                }
                if !seconds.contains(question.secondsSpent) {
                    return "\(at): secondsSpent \(question.secondsSpent) is outside 0…\(Int(seconds.upperBound))"
                }
                if (question.lastAnswer?.count ?? 0) > textCharacters || (question.variant?.count ?? 0) > textCharacters {
                    return "\(at): a saved answer is longer than \(textCharacters) characters"
                }
            }
        }
        return nil
    }
}

extension Progress {
    /// The progress with control characters in its saved texts (answers, variants, the current
    /// lesson) made visible, since they are shown again later.
    var withVisibleTexts: Progress {
        var copy = self
        copy.currentLesson = currentLesson.map { VisibleText.escaped($0) }
        for (id, var lesson) in lessons {
            for (questionID, var question) in lesson.questions {
                question.lastAnswer = question.lastAnswer.map { VisibleText.escaped($0) }
                question.variant = question.variant.map { VisibleText.escaped($0) }
                lesson.questions[questionID] = question
            }
            copy.lessons[id] = lesson
        }
        return copy
    }
}

extension Int {
    /// `self + 1`, staying at `Int.max` instead of trapping.
    var incrementedSaturating: Int { self == .max ? self : self + 1 }
}
