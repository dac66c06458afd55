import Rendering
import Foundation
import Testing
import Lessons
import TCPModel
@testable import Tutor

/// Walks every shipped lesson answering each question three ways before getting it right: a near
/// miss (flags off by the ACK bit, a number in another unit, a choice by prefix), each common wrong
/// answer the lesson names in `mistakes:`, then the right answer. The replies expected come from
/// the lesson files; the right answers from the answer oracle.
@Suite struct TutorFeedbackWalkthroughTests {
    static let catalog = TutorLessonWalkthroughTests.catalog
    static let hasLessons = TutorLessonWalkthroughTests.hasLessons

    /// The learner's near miss for a question whose right answer is `expected`, if the kind has one.
    static func nearMiss(_ question: Question, expected: String) -> (answer: String, accepted: Bool)? {
        switch question.answerKind {
        case .flags:
            guard let flags = TCPFlags(parsing: expected), !flags.subtracting(.ack).isEmpty else { return nil }
            return (flags.symmetricDifference(.ack).description, false)
        case .number:
            guard let value = Double(expected) else { return nil }
            let prompt = question.prompt.lowercased()
            if prompt.contains("how many minutes") { return ("\(Int(value * 60)) s", true) }
            if prompt.contains("in seconds") { return ("\(value / 60) min", true) }
            return nil
        case .choice(let choices):
            let folded = expected.lowercased().filter { !$0.isWhitespace }
            for length in 2..<max(3, folded.count) {
                let prefix = String(folded.prefix(length))
                let matching = choices.filter { $0.lowercased().filter { !$0.isWhitespace }.hasPrefix(prefix) }
                if matching.count == 1, prefix != folded { return (prefix.uppercased(), true) }
            }
            return nil
        default:
            return nil
        }
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func nearMissesAndCommonMistakesGetTheirOwnReplies() throws {
        var session = TutorLessonWalkthroughTests.session()
        var nearMisses = 0, mistakesTried = 0
        for lesson in Self.catalog.lessons {
            _ = session.start(lesson.id)
            var guardSteps = 0
            while session.lessonID == lesson.id, guardSteps < 200 {
                guardSteps += 1
                if session.pendingLab != nil { _ = session.declineLab(); continue }
                guard let question = session.pendingQuestion else { _ = session.next(); continue }
                let expected = try session.expectedAnswer(question)
                func attempts() -> Int { session.progress[lesson: lesson.id].questions[question.id]?.attempts ?? 0 }
                let miss = Self.nearMiss(question, expected: expected)
                if let miss, !miss.accepted {
                    nearMisses += 1
                    let before = attempts()
                    let lines = session.answer(miss.answer)
                    #expect(lines.text.contains("Almost"), "\(question.id): \(lines.map(\.text))")
                    #expect(attempts() == before, "\(question.id): a near miss cost an attempt")
                }
                // Replies are filled with the learner's variant, like the question itself.
                if let mistake = session.fill(question).mistakes.first {
                    mistakesTried += 1
                    let before = attempts()
                    let lines = session.answer(mistake.answer)
                    #expect(lines.text.contains(mistake.reply), "\(question.id): the reply to \(mistake.answer) is missing: \(lines.map(\.text))")
                    #expect(attempts() == before + 1, "\(question.id): a wrong answer must cost an attempt")
                    #expect(!lines.text.contains("that is not what TCP does"), "\(question.id)")
                }
                guard session.pendingQuestion?.id == question.id else { continue }
                let answer = miss.flatMap { $0.accepted ? $0.answer : nil } ?? expected
                if answer != expected { nearMisses += 1 }
                let lines = session.answer(answer)
                #expect(lines.text.contains("✓ Right"), "\(question.id): '\(answer)' for \(expected): \(lines.map(\.text))")
            }
            #expect(session.progress[lesson: lesson.id].status == .finished, "\(lesson.id) did not finish")
        }
        #expect(nearMisses >= 8, "the lessons should give near misses a chance (flags, units, prefixes)")
        #expect(mistakesTried >= 30)
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func everyPredictionHasRepliesForTwoWrongAnswers() throws {
        let library = ScenarioLibrary(directory: TutorLessonWalkthroughTests.lessonsFolder.appendingPathComponent("scenarios"))
        for question in Self.catalog.lessons.flatMap(\.questions) where question.kind == .predict {
            var wanted = 2
            // A reply may never be for a variant's right answer, so a choice can run short of wrong answers.
            if case .choice(let choices) = question.answerKind, question.mistakes.count < wanted {
                let answers = try question.parameterSpace().map {
                    try AnswerOracle.expected(for: question, parameters: $0, scenarios: library)
                }
                wanted = min(wanted, choices.filter { choice in
                    !answers.contains { AnswerChecker.check(choice, question: question, expected: $0) == .correct }
                }.count)
            }
            #expect(question.mistakes.count >= wanted, "\(question.id) has \(question.mistakes.count) targeted replies")
        }
    }

    @Test func theHintLadderCountsTheAnswerAsItsLastRung() {
        var ladder = HintLadder(hints: ["first", "second"], used: 0)
        #expect(ladder.offer.contains("hint 1 of 3") && ladder.offer.contains("last one shows the answer"))
        #expect(ladder.next() == "Hint 1 of 3: first")
        #expect(ladder.next()?.hasPrefix("Hint 2 of 3: second") == true)
        #expect(ladder.next() == nil)
        // A hint that names what the learner just said is passed over when another follows.
        var skipping = HintLadder(hints: ["It is not FIN_WAIT_2.", "Look at the timer."], used: 0)
        #expect(skipping.next(repeating: { $0.contains("FIN_WAIT_2") })?.contains("Look at the timer") == true)
    }
}
