import Foundation
import TCPModel

/// Computes the right answer of a question that does not need the live lab.
///
/// A prediction's answer is never written in the lesson: the oracle runs the scenario (or explores
/// it) and reads the observable, so a lesson cannot disagree with the simulator. Experiments use
/// their simulation `fallback`; quiz keys and expressions are read or evaluated.
public enum AnswerOracle {
    /// The canonical right answer, which `AnswerChecker` itself grades correct. Experiments use their
    /// `fallback`. Throws a `Diagnostic` when the scenario or expression is broken.
    public static func expected(for question: Question, parameters: [String: Double],
                                scenarios: ScenarioLibrary) throws -> String {
        try expected(from: question.source, question: question, parameters: parameters, scenarios: scenarios)
    }

    private static func expected(from source: AnswerSource, question: Question, parameters: [String: Double],
                                 scenarios: ScenarioLibrary) throws -> String {
        switch source {
        case .key(let keys):
            guard let first = keys.first else { throw Diagnostic(at: question.location, "the key is empty") }
            return first
        case .expression(let text):
            var values = parameters
            for parameter in question.params where values[parameter.name] == nil {
                values[parameter.name] = parameter.range.lowerBound
            }
            do {
                return AnswerFormatter.number(try ArithmeticExpression(text).evaluate(values))
            } catch let failure as ArithmeticExpression.Failure {
                throw Diagnostic(at: question.location, "the answer expression '\(text)' fails: \(failure.message)")
            }
        case .experiment(let name, _, let fallback):
            guard let fallback else {
                throw Diagnostic(at: question.location, "the answer comes from the live experiment '\(name)', which has no simulation fallback")
            }
            return try expected(from: fallback, question: question, parameters: parameters, scenarios: scenarios)
        case .simulation(let reference, let observable, let profile):
            let scenario = try load(reference, question: question, scenarios: scenarios)
            return try observe(observable, scenario: scenario, profile: profile, at: question.location)
        }
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

    /// Runs (or explores) a scenario and reads one observable, in its canonical spelling.
    public static func observe(_ observable: Observable, scenario: Scenario, profile: ProfileName?,
                               at location: SourceLocation) throws -> String {
        if case .exploreCount(let k, let outcome) = observable {
            let exploration = Explorer.explore(scenario, maxLosses: k, profile: profile)
            guard exploration.runs > 0 else {
                throw Diagnostic(at: location, "exploring the scenario produced no runs")
            }
            let count = exploration.classes.filter { $0.outcomes.contains(outcome) }.reduce(0) { $0 + $1.count }
            return String(count)
        }
        let result = Simulator.run(scenario, profile: profile)
        return try read(observable, from: result, at: location)
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
