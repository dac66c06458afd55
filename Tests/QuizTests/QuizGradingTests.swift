import Lessons
import Foundation
import Testing
import Quiz

/// Grading: statuses, points, unknown ids, lessons lists (which never narrow), exit status and the expected-answer cache.
@Suite struct QuizGradingTests {
    @Test func rightWrongMissingInvalid() throws {
        let run = QuizFixtures.run([("a.yaml", """
            student: ada
            answers:
              01-close/who-waits: time wait
              01-close/rate: \(QuizFixtures.rightRate(for: "ada") + 4)
              01-close/last-flags: banana
            """)])
        let grade = try #require(run.submissions.first)
        #expect(grade.questions.map(\.status) == [.correct, .correct, .invalid, .missing])
        // 1 point for the state, 2 for the number within ±5, none for the rest.
        #expect(grade.score == 3)
        #expect(grade.maxScore == 5)
        #expect(grade.problems.contains { $0.hasPrefix("a.yaml:5: question 01-close/last-flags:") })
        #expect(run.exitStatus == 0)
    }

    @Test func numberOutsideToleranceIsWrong() throws {
        let right = QuizFixtures.rightRate(for: "ada")
        let run = QuizFixtures.run([("a.yaml", "student: ada\nanswers:\n  01-close/rate: \(right + 6)\n")])
        #expect(run.submissions.first?.questions[1].status == .wrong)
        #expect(run.submissions.first?.questions[1].expected == String(right))
    }

    @Test func unknownIdIsReportedOthersGraded() throws {
        let run = QuizFixtures.run([("a.yaml", "student: ada\nanswers:\n  01-close/nope: 1\n  who-waits: TIME_WAIT\n")])
        let grade = try #require(run.submissions.first)
        #expect(grade.problems.contains { $0.hasPrefix("a.yaml:3: this key is not the id of a question being graded") })
        #expect(!grade.problems.joined().contains("nope"), "the unknown key is not quoted")
        // A short id that only one question has is accepted.
        #expect(grade.questions[0].status == .correct)
    }

    /// The instructor decides what is graded; a file's `lessons:` cannot narrow it.
    @Test func fileLessonsDoNotNarrowTheQuestions() throws {
        let grader = QuizGrader(questions: QuizFixtures.questions + [QuizFixtures.question(
            "other", lesson: "02-loss", prompt: "?", answer: .state, source: .key(["LAST_ACK"]))],
            generator: VariantGenerator(secret: nil), authority: QuizFixtures.authority)
        let file = AnswersFileParser.parse(Data("student: x\nlessons: [02-loss]\nanswers:\n  02-loss/other: last-ack\n".utf8), path: "x.yaml")
        let grade = grader.grade(file)
        #expect(grade.questions.map(\.questionID) == QuizFixtures.questions.map(\.id) + ["02-loss/other"])
        #expect(grade.score == 1)
        #expect(grade.maxScore == 6)
        #expect(!grade.passes(0.6))
    }

    @Test func exitStatusFollowsPassMarkAndUsability() {
        let failing = QuizFixtures.run([("b.yaml", "student: bob\nanswers:\n  01-close/who-waits: CLOSED\n")])
        #expect(failing.exitStatus == 1)
        let broken = QuizFixtures.run([("c.yaml", "")])
        #expect(broken.exitStatus == 2)
        #expect(broken.submissions.first?.questions.allSatisfy { $0.status == .missing } == true)
    }

    @Test func expectedAnswersAreComputedOncePerVariant() {
        final class Counter: @unchecked Sendable { var calls = 0; let lock = NSLock() }
        let counter = Counter()
        let base = QuizFixtures.authority
        let counting = AnswerAuthority(expected: { question, values in
            counter.lock.lock(); counter.calls += 1; counter.lock.unlock()
            return try base.expected(question, values)
        }, check: base.check)
        let grader = QuizGrader(questions: QuizFixtures.questions, generator: VariantGenerator(secret: Data("s".utf8)),
                                authority: counting)
        let files = (0..<200).map { AnswersFileParser.parse(Data("student: s\($0)\nanswers: {}\n".utf8), path: "s\($0).yaml") }
        _ = grader.grade(files, passMark: 0.6)
        // Three questions without parameters once each, plus at most six values of `ports`.
        #expect(counter.calls <= 3 + 6)
    }

    @Test func brokenLessonQuestionIsUngradableAndLeftOutOfTheScore() throws {
        let broken = QuizFixtures.question("bad", prompt: "?", answer: .state, source: .expression("nonsense"))
        let grader = QuizGrader(questions: [QuizFixtures.questions[0], broken], generator: VariantGenerator(secret: nil),
                                authority: AnswerAuthority(expected: { question, values in
                                    if case .expression = question.source { throw QuizError.noQuestions }
                                    return try QuizFixtures.authority.expected(question, values)
                                }, check: QuizFixtures.authority.check))
        let grade = grader.grade(AnswersFileParser.parse(Data("student: a\nanswers:\n  who-waits: TIME_WAIT\n".utf8), path: "a.yaml"))
        #expect(grade.questions[1].status == .ungradable)
        #expect(grade.maxScore == 1)
        #expect(grade.problems.contains { $0.contains("01-close/bad") })
    }
}
