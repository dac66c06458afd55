import Foundation
import Testing
import Lessons
import SocketLab
import TCPModel
@testable import Tutor

/// Every prediction a shipped lesson ties to a live experiment (`experiment` + `finding`): the lab is
/// run for real on this kernel and its finding must agree with the simulation that grades the question
/// when no lab can run, the comparison the learner sees after the lab (`LiveComparison`). Each lesson
/// with a lab ties at least two predictions. Needs a private network namespace (root here).
@Suite(.serialized) struct KernelTiedPredictionTests {
    static let catalog = TutorLessonWalkthroughTests.catalog
    static let library = ScenarioLibrary(directory: TutorLessonWalkthroughTests.lessonsFolder.appendingPathComponent("scenarios"))

    static let namespaceReason: String? = {
        do {
            try PrivateNetworkNamespace.enter().leave()
            return nil
        } catch {
            let why = "skipped: no private network namespace here (\(error)); run the tests as root"
            print(why)
            return why
        }
    }()

    /// The tied predictions, by experiment.
    static var tied: [String: [(question: Question, finding: String)]] {
        var out: [String: [(Question, String)]] = [:]
        for question in catalog.questions {
            if case .experiment(let name, let finding, _) = question.source { out[name, default: []].append((question, finding)) }
        }
        return out
    }

    @Test func everyLessonWithALabTiesTwoPredictions() {
        #expect(!Self.catalog.lessons.isEmpty)
        for lesson in Self.catalog.lessons {
            let hasLab = lesson.steps.contains { $0.blocks.contains { if case .lab = $0 { return true } else { return false } } }
            guard hasLab else { continue }
            let tied = lesson.steps.flatMap(\.questions).filter { $0.experiment != nil }
            #expect(tied.count >= 2, "\(lesson.id): \(tied.count) tied prediction(s)")
            print("kernel ties: \(lesson.id) \(tied.count)")
        }
    }

    @Test(.enabled(if: namespaceReason == nil), arguments: tied.keys.sorted())
    func theKernelAgreesWithTheSimulationOnEveryTiedPrediction(experiment: String) throws {
        let report = try ExperimentRunner.run(experiment)
        for (question, finding) in Self.tied[experiment] ?? [] {
            #expect(question.params.isEmpty, "\(question.id): a lab runs one fixed setup, so its question has no variants")
            let simulated = try AnswerKey(scenarios: Self.library).expected(for: question, parameters: [:]).text
            let kernel = try #require(report.findings[finding]?.display, "\(experiment) reported no \(finding)")
            #expect(LiveComparison.same(kernel, simulated, tolerance: 0),
                    "\(question.id): the kernel found \(kernel), the simulation says \(simulated)")
            // What the learner reads after the lab says they agree.
            let lines = LiveComparison(finding: finding, prediction: simulated, simulated: simulated, report: report).lines
            #expect(lines.contains { $0.text == "Model and kernel agree." }, "\(question.id)")
        }
    }
}
