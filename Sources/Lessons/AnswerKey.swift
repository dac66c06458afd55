import Foundation
import TCPModel

/// The right answer of one question for one variant, with the run that decided it.
public struct ExpectedAnswer: Sendable {
    /// The canonical answer, which the checker itself grades correct.
    public var text: String
    /// The simulation or exploration that decided it; `.none` for keys and expressions.
    public var evidence: AnswerEvidence

    /// Makes an expected answer from its parts.
    public init(text: String, evidence: AnswerEvidence = .none) {
        self.text = text
        self.evidence = evidence
    }
}

/// What decided an expected answer, kept so the evidence shown after an answer reuses the same run.
public enum AnswerEvidence: Sendable {
    /// A fixed key or an expression: nothing ran.
    case none
    /// One run of a scenario, and the observable read from it.
    case run(Scenario, SimulationResult, Observable)
    /// An exploration of a scenario's losses, and the outcome counted.
    case exploration(Scenario, Exploration, maxLosses: Int, outcome: Outcome)
}

/// The one answer pipeline: what the right answer of a question is for a variant, and what run shows
/// it (`expected`), and whether an answer is right (`verdict`, with every accepted key). The shell's
/// tutor, `quiz grade` and lint all ask it.
///
/// A prediction's answer is never written in the lesson: the key runs the scenario (or explores it)
/// and reads the observable, so a lesson cannot disagree with the simulator. Experiments use their
/// simulation `fallback`; quiz keys and expressions are read or evaluated.
public struct AnswerKey: Sendable {
    /// Where built-in scenarios are found.
    public var scenarios: ScenarioLibrary
    /// Runs a scenario (tests count runs through it).
    public var simulate: @Sendable (Scenario, ProfileName?) -> SimulationResult
    /// Explores a scenario's losses.
    public var explore: @Sendable (Scenario, Int, ProfileName?) -> Exploration

    /// A key over the scenarios, running the real simulator unless told otherwise.
    public init(scenarios: ScenarioLibrary,
                simulate: @escaping @Sendable (Scenario, ProfileName?) -> SimulationResult = { Simulator.run($0, profile: $1) },
                explore: @escaping @Sendable (Scenario, Int, ProfileName?) -> Exploration = {
                    Explorer.explore($0, maxLosses: $1, profile: $2)
                }) {
        self.scenarios = scenarios
        self.simulate = simulate
        self.explore = explore
    }

    /// The right answer for these parameter values, with the run that decided it. Throws a `Diagnostic`
    /// when the scenario or expression is broken.
    public func expected(for question: Question, parameters: [String: Double]) throws -> ExpectedAnswer {
        // The student's variant: placeholders filled in the script, scenario name, observable and key.
        let filled = question.filled(with: parameters)
        return try expected(from: filled.source, question: filled, parameters: parameters)
    }

    /// Grades `given` against the expected answer and every other answer the question's key accepts.
    public static func verdict(_ given: String, for question: Question, expected: String) -> Verdict {
        AnswerChecker.check(given, question: question, expected: expected)
    }

    private func expected(from source: AnswerSource, question: Question, parameters: [String: Double]) throws -> ExpectedAnswer {
        switch source {
        case .key(let keys):
            guard let first = keys.first else { throw Diagnostic(at: question.location, "the key is empty") }
            return ExpectedAnswer(text: first)
        case .expression(let text):
            var values = parameters
            for parameter in question.params where values[parameter.name] == nil {
                values[parameter.name] = parameter.range.lowerBound
            }
            do {
                return ExpectedAnswer(text: AnswerFormatter.number(try ArithmeticExpression(text).evaluate(values)))
            } catch let failure as ArithmeticExpression.Failure {
                throw Diagnostic(at: question.location, "the answer expression '\(text)' fails: \(failure.message)")
            }
        case .experiment(let name, _, let fallback):
            guard let fallback else {
                throw Diagnostic(at: question.location, "the answer comes from the live experiment '\(name)', which has no simulation fallback")
            }
            return try expected(from: fallback, question: question, parameters: parameters)
        case .simulation(let reference, let observable, let profile):
            let scenario = try AnswerOracle.load(reference, question: question, scenarios: scenarios)
            if case .exploreCount(let k, let outcome) = observable {
                let exploration = explore(scenario, k, profile)
                guard exploration.runs > 0 else {
                    throw Diagnostic(at: question.location, "exploring the scenario produced no runs")
                }
                let count = exploration.classes.filter { $0.outcomes.contains(outcome) }.reduce(0) { $0 + $1.count }
                return ExpectedAnswer(text: String(count), evidence: .exploration(scenario, exploration, maxLosses: k, outcome: outcome))
            }
            let result = simulate(scenario, profile)
            return ExpectedAnswer(text: try AnswerOracle.read(observable, from: result, at: question.location),
                                  evidence: .run(scenario, result, observable))
        }
    }
}

/// Reading answers out of simulations: loading a question's scenario and reading an observable from a
/// finished run, in its canonical spelling. `AnswerKey` is the pipeline that uses these.
public enum AnswerOracle {
    /// The canonical right answer (a convenience over `AnswerKey` with the real simulator).
    public static func expected(for question: Question, parameters: [String: Double],
                                scenarios: ScenarioLibrary) throws -> String {
        try AnswerKey(scenarios: scenarios).expected(for: question, parameters: parameters).text
    }

    /// Loads a scenario, turning its errors into a diagnostic at the question.
    static func load(_ reference: ScenarioReference, question: Question, scenarios: ScenarioLibrary) throws -> Scenario {
        do {
            return try reference.scenario(in: scenarios, source: question.location.file)
        } catch let error as ScenarioError {
            var location = question.location
            if case .inline = reference, let first = question.scriptLine {
                location = SourceLocation(file: question.location.file, line: first + max(error.line, 1) - 1, column: max(error.column, 1))
            }
            throw Diagnostic(at: location, "scenario '\(reference.label)': \(error.message)")
        } catch {
            throw Diagnostic(at: question.location, "scenario '\(reference.label)': \(error)")
        }
    }

    /// Reads an observable from a finished run, in its canonical spelling.
    public static func read(_ observable: Observable, from result: SimulationResult,
                            at location: SourceLocation) throws -> String {
        switch observable {
        case .final(let role):
            guard let state = result.final[role] else {
                throw Diagnostic(at: location, "the simulation reported no final state for the \(role.rawValue)")
            }
            return state.name
        case .visited(let role):
            let states = result.visited[role] ?? []
            guard !states.isEmpty else {
                throw Diagnostic(at: location, "the simulation reported no states for the \(role.rawValue)")
            }
            return states.map(\.name).joined(separator: " ")
        case .sent(let role):
            guard let last = result.sent[role]?.last else { return "none" }
            return last.description
        case .errors(let role):
            let errors = result.errors[role] ?? []
            return errors.isEmpty ? "none" : errors.joined(separator: " ")
        case .outcome:
            // One word a learner can predict: the most serious of the run's outcomes.
            let rank: [Outcome] = [.staleData, .reset, .timeout, .open, .clean]
            guard let worst = rank.first(where: result.outcomes.contains) else {
                throw Diagnostic(at: location, "the simulation reported no outcome")
            }
            return worst.rawValue
        case .timeWaitSide:
            let client = result.visited[.client]?.contains(.timeWait) ?? false
            let server = result.visited[.server]?.contains(.timeWait) ?? false
            switch (client, server) {
            case (true, true): return "both"
            case (true, false): return "client"
            case (false, true): return "server"
            case (false, false): return "neither"
            }
        case .exploreCount:
            throw Diagnostic(at: location, "'\(observable)' needs an exploration, not a single run")
        }
    }
}
