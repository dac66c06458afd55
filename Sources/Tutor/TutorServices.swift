import Rendering
import Foundation
import Lessons
import SocketLab
import TCPModel

/// What the tutor asks of the other parts of twlab: the answer oracle and checker (Lessons), the
/// simulator's diagram (TCPModel) and the live lab (SocketLab). Tests swap in their own.
public struct TutorServices: Sendable {
    /// The right answer of a question for these parameter values, with the run that decided it.
    public var expectedAnswer: @Sendable (Question, [String: Double], ScenarioLibrary) throws -> ExpectedAnswer
    /// Grades an answer against the expected one and every other answer the question accepts.
    public var check: @Sendable (String, String, Question) -> Verdict
    /// Runs a live experiment: name, options, a sink for narrated lines, and a stop flag.
    public var runExperiment: @Sendable (String, [String: String], (LabLine) -> Void, () -> Bool) throws -> ExperimentReport
    /// A sequence diagram of a run in a style; nil when no renderer is available.
    public var diagram: @Sendable (Scenario, SimulationResult, DiagramStyle) -> String?

    public init(expectedAnswer: @escaping @Sendable (Question, [String: Double], ScenarioLibrary) throws -> ExpectedAnswer,
                check: @escaping @Sendable (String, String, Question) -> Verdict,
                runExperiment: @escaping @Sendable (String, [String: String], (LabLine) -> Void, () -> Bool) throws -> ExperimentReport,
                diagram: @escaping @Sendable (Scenario, SimulationResult, DiagramStyle) -> String?) {
        self.expectedAnswer = expectedAnswer
        self.check = check
        self.runExperiment = runExperiment
        self.diagram = diagram
    }

    /// The real thing: the lessons' `AnswerKey` (the same pipeline `quiz grade` and lint use),
    /// `ExperimentRunner` and the simulator's renderer.
    public static let live = TutorServices(
        expectedAnswer: { question, parameters, library in
            try AnswerKey(scenarios: library).expected(for: question, parameters: parameters)
        },
        check: { given, expected, question in AnswerKey.verdict(given, for: question, expected: expected) },
        runExperiment: { name, options, log, stop in
            try ExperimentRunner.run(name, options: options, log: log, shouldStop: stop)
        },
        diagram: { _, result, style in SequenceDiagram(color: style.useColor, width: style.width).render(result) }
    )
}
