import Foundation
import Lessons
import TCPModel
import Testing
@testable import Tutor

/// The tutor asks the one answer pipeline: the simulation behind an answer runs once, and its evidence
/// reuses that run; every accepted key is right.
@Suite struct AnswerPipelineTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")

    /// A lesson with one prediction decided by a simulation and one quiz with two accepted keys.
    static let lessonText = """
        ---
        id: pipeline
        title: Pipeline
        summary: One run per answer.
        minutes: 1
        ---

        ## Who closes

        ```predict
        id: side
        ask: Which side passes through TIME_WAIT?
        script: |
          open
          close client
          wait 100ms
          close server
          wait 1s
        observe: time-wait-side
        hints:
          - Look at who sends the first FIN.
        explain: The side that closes first waits.
        ```

        ## Two names

        ```quiz
        id: twice
        ask: Name the state after the last ACK (either spelling).
        type: text
        key: [waiting, time-wait]
        hints:
          - It waits.
        explain: Both names are accepted.
        ```
        """

    static func session(runs counter: TutorFixtures.Counter? = nil) throws -> TutorSession {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-pipeline-\(UUID().uuidString)/en")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try lessonText.write(to: folder.appendingPathComponent("01-pipeline.md"), atomically: true, encoding: .utf8)
        let catalog = LessonCatalog.load(directory: folder.deletingLastPathComponent())
        let library = ScenarioLibrary(directory: lessonsFolder.appendingPathComponent("scenarios"))
        var services = TutorServices.live
        if let counter {
            services.expectedAnswer = { question, parameters, library in
                try AnswerKey(scenarios: library, simulate: { scenario, profile in
                    counter.increment()
                    return Simulator.run(scenario, profile: profile)
                }).expected(for: question, parameters: parameters)
            }
        }
        return TutorSession(catalog: catalog, library: library, store: nil, services: services)
    }

    @Test func anAnswerRunsItsScenarioOnceEvidenceIncluded() throws {
        let runs = TutorFixtures.Counter()
        var session = try Self.session(runs: runs)
        _ = session.start("pipeline")
        #expect(session.pendingQuestion?.id == "pipeline/side")
        let wrong = session.answer("server")
        #expect(wrong.text.contains("✗"))
        let right = session.answer("client")
        #expect(right.text.contains("✓ Right: client."), "\(right.text)")
        #expect(right.text.contains("Deciding observation"), "the evidence is shown")
        #expect(runs.count == 1, "one simulator run for two answers and the evidence")
    }

    @Test func theSecondKeyIsRightInTheShellsTutor() throws {
        var session = try Self.session()
        _ = session.start("pipeline")
        _ = session.answer("client")
        _ = session.next()
        #expect(session.pendingQuestion?.id == "pipeline/twice", "\(String(describing: session.pendingQuestion?.id))")
        let lines = session.answer("time-wait")
        #expect(lines.text.contains("✓ Right"), "\(lines.text)")
    }
}
