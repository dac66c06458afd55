import Rendering
import Foundation
import Testing
import Lessons
import TCPModel
@testable import Tutor

/// Walks the shipped lessons (`Lessons/en`) through a tutor session with the real parser, oracle,
/// checker and simulator. The answers come from `AnswerOracle` through `practiceScript`, never
/// from this file.
@Suite struct TutorLessonWalkthroughTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    static let catalog = LessonCatalog.load(directory: lessonsFolder)
    static let hasLessons = !catalog.lessons.isEmpty

    static func session() -> TutorSession {
        TutorSession(catalog: catalog, library: ScenarioLibrary(directory: lessonsFolder.appendingPathComponent("scenarios")),
                     store: nil)
    }

    /// Runs one scripted command against the session.
    static func perform(_ line: String, on session: inout TutorSession) -> [TutorLine] {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case "start": return session.start(words.count > 1 ? words[1] : "")
        case "answer": return session.answer(words.count > 1 ? words[1] : "")
        case "next": return session.next()
        default: Issue.record("unexpected scripted command \(line)"); return []
        }
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func theCatalogLoadsWithoutErrors() {
        #expect(Self.catalog.diagnostics.filter { $0.severity == .error }.isEmpty, "\(Self.catalog.diagnostics)")
        #expect(Self.catalog.lessons.count >= 8)
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func everyLessonEndsWithAFullScoreWhenAnsweredRight() throws {
        var session = Self.session()
        for lesson in Self.catalog.lessons {
            let script = try session.practiceScript(for: lesson.id, wrong: false)
            var transcript: [TutorLine] = []
            for line in script { transcript += Self.perform(line, on: &session) }
            #expect(!transcript.contains { if case .failure = $0 { true } else { false } },
                    "\(lesson.id): \(transcript.filter { if case .failure = $0 { true } else { false } }.map(\.text))")
            #expect(!transcript.hasError, "\(lesson.id): \(transcript.filter(\.isError).map(\.text))")
            #expect(session.progress[lesson: lesson.id].status == .finished, "\(lesson.id) did not finish")
        }
        let report = ProgressReport(catalog: Self.catalog, progress: session.progress)
        #expect(report.maxScore > 0)
        #expect(report.score == report.maxScore)
        #expect(report.lessons.allSatisfy { $0.solved == $0.questions.count })
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func everyLessonExplainsWrongAnswersAndStillFinishes() throws {
        var session = Self.session()
        for lesson in Self.catalog.lessons {
            let script = try session.practiceScript(for: lesson.id, wrong: true)
            var transcript: [TutorLine] = []
            for line in script { transcript += Self.perform(line, on: &session) }
            let text = transcript.text
            #expect(!transcript.hasError, "\(lesson.id): \(transcript.filter(\.isError).map(\.text))")
            #expect(text.contains("Expected:"), "\(lesson.id): the expected answer was never shown")
            if lesson.questions.contains(where: { !$0.hints.isEmpty }) {
                #expect(text.contains("Hint 1 of"), "\(lesson.id): no hint was offered")
            }
            #expect(session.progress[lesson: lesson.id].status == .finished, "\(lesson.id) did not finish")
            let questions = session.progress[lesson: lesson.id].questions.values
            #expect(questions.allSatisfy { $0.missed && !$0.solved })
        }
    }

    @Test(.enabled(if: hasLessons, "needs the shipped lessons in Lessons/en"))
    func simulationQuestionsShowTheDecidingRun() throws {
        var session = Self.session()
        var checked = 0
        for lesson in Self.catalog.lessons {
            for question in lesson.questions {
                guard case .simulation = question.source else { continue }
                let decided = try session.decidedAnswer(question)
                let evidence = SimulationEvidence(library: session.library, services: .live, style: DiagramStyle())
                    .lines(for: session.fill(question).source, decided: decided)
                #expect(evidence.text.contains("Deciding observation") , "\(question.id) shows no deciding observation")
                #expect(!evidence.contains { if case .failure = $0 { true } else { false } }, "\(question.id): \(evidence.text)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }
}
