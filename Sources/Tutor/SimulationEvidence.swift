import Rendering
import Foundation
import Lessons
import TCPModel

/// Runs the simulation behind a `sim` block or a question and says what it shows: the sequence
/// diagram, and the one observation that decides the question.
public struct SimulationEvidence: Sendable {
    public var library: ScenarioLibrary
    public var services: TutorServices
    public var style: DiagramStyle

    public init(library: ScenarioLibrary, services: TutorServices, style: DiagramStyle) {
        self.library = library; self.services = services; self.style = style
    }

    /// Loads a built-in scenario by name or parses an inline one.
    public func scenario(_ reference: ScenarioReference) throws -> Scenario {
        switch reference {
        case .builtIn(let name): return try library.load(name)
        case .inline(let text): return try Scenario.parse(text, source: "<lesson>")
        }
    }

    /// The lines of a `sim` block: caption, diagram (or explored outcomes).
    public func lines(for block: SimBlock) -> [TutorLine] {
        lines(for: block.scenario, profile: block.profile, explore: block.explore, caption: block.caption)
    }

    /// The lines of a scenario shown as a diagram, or explored for up to `explore` lost segments.
    public func lines(for reference: ScenarioReference, profile: ProfileName?, explore: Int?,
                      caption: String?) -> [TutorLine] {
        var out: [TutorLine] = []
        if let caption, !caption.isEmpty { out.append(.note(caption)) }
        let scenario: Scenario
        do { scenario = try self.scenario(reference) } catch {
            out.append(.failure("This simulation cannot run: \(error). Tell your instructor; `next` moves on."))
            return out
        }
        if let losses = explore {
            out += exploration(scenario, maxLosses: losses, profile: profile)
        } else {
            let result = Simulator.run(scenario, profile: profile)
            out += diagram(scenario, result)
        }
        return out
    }

    /// The evidence that decides a question, from the run that decided its answer (nothing runs
    /// again). Empty for fixed keys and expressions.
    /// With `fullDiagram` false only the deciding moment is shown (for a right answer, where the
    /// whole run would repeat what the learner already knows); `sim` draws it on request.
    public func lines(for source: AnswerSource, decided: ExpectedAnswer, fullDiagram: Bool = true) -> [TutorLine] {
        switch decided.evidence {
        case .none:
            return []
        case .exploration(let scenario, let explored, let maxLosses, let outcome):
            return exploration(scenario, explored, maxLosses: maxLosses, highlight: outcome)
        case .run(let scenario, let result, let observable):
            var out = fullDiagram ? diagram(scenario, result) : []
            out.append(.plain(UIText.text("evidence.deciding", Self.describe(observable, in: result))))
            // A sentence, so it wraps to the screen like prose.
            if let moment = Self.decisiveMoment(observable, in: result) { out.append(.plain(moment)) }
            if !fullDiagram, let (reference, profile) = Self.simulation(of: source) {
                let option = profile.map { " --profile \($0.rawValue)" } ?? ""
                switch reference {
                case .builtIn(let name):
                    out.append(.note(UIText.text("evidence.draw", "sim \(name)\(option)")))
                case .inline:
                    // The script is too long for a command that fits one line; `replay` draws it.
                    out.append(.note(UIText.text("evidence.draw", "replay")))
                }
            }
            return out
        }
    }

    /// The scenario and profile behind a source (an experiment's fallback included), if any.
    static func simulation(of source: AnswerSource) -> (ScenarioReference, ProfileName?)? {
        switch source {
        case .simulation(let reference, _, let profile): return (reference, profile)
        case .experiment(_, _, let fallback?): return simulation(of: fallback)
        default: return nil
        }
    }

    /// The event of the run that settles the observable: the last segment sent, the last state
    /// change, the error, or the entry into TIME_WAIT with its timer. Nil when none applies.
    static func decisiveMoment(_ observable: Observable, in result: SimulationResult) -> String? {
        func at(_ ms: Int64) -> String { SequenceDiagram.time(ms) }
        switch observable {
        case .sent(let role):
            for event in result.events.reversed() {
                if case .send(let segment, let again) = event.kind, segment.from == role {
                    return UIText.text("moment.sent", at(event.timeMs), name(role), "\(segment.flags)",
                                       again ? UIText.text("moment.retransmission") : "", name(segment.to))
                }
            }
        case .final(let role), .visited(let role):
            for event in result.events.reversed() {
                if case .state(let who, let from, let to) = event.kind, who == role {
                    return UIText.text("moment.state", at(event.timeMs), name(role), from.name, to.name)
                }
            }
        case .errors(let role):
            for event in result.events.reversed() {
                if case .error(let who, let errno) = event.kind, who == role {
                    return UIText.text("moment.error", at(event.timeMs), name(role), "\(errno)")
                }
            }
        case .timeWaitSide:
            let entries = result.events.compactMap { event -> String? in
                guard case .state(let who, let from, .timeWait) = event.kind else { return nil }
                return UIText.text("moment.state", at(event.timeMs), name(who), from.name, "TIME_WAIT")
            }
            let timer = result.events.first { event in
                if case .timer(_, .timeWait, .start, _) = event.kind { return true }
                return false
            }
            var text = entries.joined(separator: UIText.text("moment.separator"))
            if case .timer(_, _, _, let ms)? = timer?.kind { text += UIText.text("moment.tw-timer", SequenceDiagram.time(ms)) }
            return text.isEmpty ? nil : text
        case .outcome, .exploreCount:
            return nil
        }
        return nil
    }

    /// The simulated value a live finding is compared with, when the question's source names one.
    public func simulatedValue(for source: AnswerSource, expected: String?) -> String? {
        switch source {
        case .experiment(_, _, let fallback): return fallback == nil ? nil : expected
        case .simulation: return expected
        default: return nil
        }
    }

    func diagram(_ scenario: Scenario, _ result: SimulationResult) -> [TutorLine] {
        if let picture = services.diagram(scenario, result, style), !picture.isEmpty {
            return [.diagram(picture)]
        }
        var out: [TutorLine] = [.note("(sequence diagram of \(scenario.source), profile \(result.profile.rawValue))")]
        for role in EndpointRole.allCases {
            let states = (result.visited[role] ?? []).map(\.name).joined(separator: " → ")
            let sent = (result.sent[role] ?? []).map(\.description).joined(separator: ", ")
            var line = "  \(role.rawValue): \(states.isEmpty ? "(no states)" : states)"
            if !sent.isEmpty { line += "; sent \(sent)" }
            if let errors = result.errors[role], !errors.isEmpty { line += "; app saw \(errors.joined(separator: ", "))" }
            out.append(.diagram(line))
        }
        let outcomes = result.outcomes.sorted().map(\.rawValue).joined(separator: ", ")
        out.append(.diagram("  outcome: \(outcomes.isEmpty ? "none" : outcomes)"))
        return out
    }

    func exploration(_ scenario: Scenario, maxLosses: Int, profile: ProfileName?) -> [TutorLine] {
        exploration(scenario, Explorer.explore(scenario, maxLosses: maxLosses, profile: profile), maxLosses: maxLosses)
    }

    func exploration(_ scenario: Scenario, _ explored: Exploration, maxLosses: Int, highlight: Outcome? = nil) -> [TutorLine] {
        var out: [TutorLine] = [.note(UIText.text("explore.heading", String(explored.runs), scenario.source, String(maxLosses)))]
        for outcomeClass in explored.classes {
            let names = outcomeClass.outcomes.sorted().map(\.rawValue).joined(separator: "+")
            var line = "  " + UIText.text("explore.class", names, String(outcomeClass.count))
            if !outcomeClass.exampleDropped.isEmpty {
                line += UIText.text("explore.example", outcomeClass.exampleDropped.joined(separator: "; "))
            }
            out.append(.diagram(line))
        }
        if let highlight {
            let count = explored.classes.filter { $0.outcomes.contains(highlight) }.reduce(0) { $0 + $1.count }
            out.append(.plain(UIText.text("explore.deciding", String(count), String(explored.runs), highlight.rawValue)))
        }
        return out
    }

    /// A side's name in the interface language (`client`, 客户端).
    static func name(_ role: EndpointRole) -> String { UIText.text("role." + role.rawValue) }

    /// One sentence naming what the simulation shows for the observable.
    static func describe(_ observable: Observable, in result: SimulationResult) -> String {
        switch observable {
        case .final(let role):
            return UIText.text("describe.final", name(role), result.final[role]?.name ?? UIText.text("describe.no-state"))
        case .visited(let role):
            let states = (result.visited[role] ?? []).map(\.name).joined(separator: " → ")
            return UIText.text("describe.visited", name(role), states.isEmpty ? UIText.text("describe.no-states") : states)
        case .sent(let role):
            let sent = (result.sent[role] ?? []).map(\.description)
            guard let last = sent.last else { return UIText.text("describe.sent.none", name(role)) }
            return UIText.text("describe.sent", name(role), last, sent.joined(separator: ", "))
        case .errors(let role):
            let errors = result.errors[role] ?? []
            return UIText.text("describe.errors", name(role), errors.isEmpty ? UIText.text("describe.no-error") : errors.joined(separator: ", "))
        case .outcome:
            return UIText.text("describe.outcome", result.outcomes.sorted().map(\.rawValue).joined(separator: UIText.text("describe.and")))
        case .timeWaitSide:
            let sides = EndpointRole.allCases.filter { (result.visited[$0] ?? []).contains(.timeWait) }
            switch sides.count {
            case 0: return UIText.text("describe.tw.none")
            case 1: return UIText.text("describe.tw.one", name(sides[0]))
            default: return UIText.text("describe.tw.both")
            }
        case .exploreCount(let maxLosses, let outcome):
            return UIText.text("describe.explore", String(maxLosses), outcome.rawValue)
        }
    }
}
