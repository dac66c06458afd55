import Foundation

/// Filling a question's `{placeholder}`s with one variant's values: the text a student reads (prompt,
/// hints, explanation) and what the answer is computed from (an inline script, a built-in scenario
/// name, a key), so the simulator answers the very question the student was asked.
extension Question {
    /// The text each placeholder takes for these parameter values. Parameters without a value take
    /// their lowest one.
    public func substitutions(for values: [String: Double]) -> [String: String] {
        var result: [String: String] = [:]
        for parameter in params {
            let value = values[parameter.name] ?? parameter.range.lowerBound
            result.merge(parameter.substitutions(for: value)) { $1 }
        }
        return result
    }

    /// The question with every placeholder filled for these values; unknown placeholders stay as written.
    public func filled(with values: [String: Double]) -> Question {
        guard !params.isEmpty else { return self }
        let table = substitutions(for: values)
        var copy = self
        copy.prompt = Self.fill(prompt, table)
        copy.hints = hints.map { Self.fill($0, table) }
        copy.explain = Self.fill(explain, table)
        copy.source = Self.fill(source, table)
        if let template = observeTemplate, let observable = Observable(parsing: Self.fill(template, table)) {
            copy.source = Self.replacing(observable, in: copy.source)
        }
        if case .choice(let choices) = answerKind { copy.answerKind = .choice(choices.map { Self.fill($0, table) }) }
        return copy
    }

    /// Replaces `{name}` by its text for every name in the table.
    public static func fill(_ text: String, _ table: [String: String]) -> String {
        guard !table.isEmpty, text.contains("{") else { return text }
        var result = text
        for (name, value) in table { result = result.replacingOccurrences(of: "{" + name + "}", with: value) }
        return result
    }

    private static func fill(_ source: AnswerSource, _ table: [String: String]) -> AnswerSource {
        switch source {
        case .simulation(let reference, let observable, let profile):
            return .simulation(fill(reference, table), observable: observable, profile: profile)
        case .experiment(let name, let finding, let fallback):
            return .experiment(name: name, finding: finding, fallback: fallback.map { fill($0, table) })
        case .key(let keys):
            return .key(keys.map { fill($0, table) })
        case .expression:
            return source
        }
    }

    private static func replacing(_ observable: Observable, in source: AnswerSource) -> AnswerSource {
        switch source {
        case .simulation(let reference, _, let profile):
            return .simulation(reference, observable: observable, profile: profile)
        case .experiment(let name, let finding, let fallback):
            return .experiment(name: name, finding: finding, fallback: fallback.map { replacing(observable, in: $0) })
        default:
            return source
        }
    }

    private static func fill(_ reference: ScenarioReference, _ table: [String: String]) -> ScenarioReference {
        switch reference {
        case .builtIn(let name): return .builtIn(fill(name, table))
        case .inline(let text): return .inline(fill(text, table))
        }
    }

    /// Every combination of parameter values (the whole space when it has at most `limit` points,
    /// otherwise each parameter's lowest, highest and middle values and a spread between them).
    public func parameterSpace(limit: Int = 512) -> [[String: Double]] {
        let total = params.reduce(1.0) { $0 * Double($1.count) }
        var space: [[String: Double]] = [[:]]
        for parameter in params {
            var picks = parameter.values()
            if total > Double(limit) {
                let all = picks
                let wanted = max(3, Int(pow(Double(limit), 1 / Double(max(params.count, 1)))))
                let stride = max(1, all.count / max(wanted - 1, 1))
                picks = Array(Set(Swift.stride(from: 0, to: all.count, by: stride).map { all[$0] } + [all.first!, all.last!, all[all.count / 2]])).sorted()
            }
            space = space.flatMap { base in picks.map { base.merging([parameter.name: $0]) { $1 } } }
        }
        return space
    }
}
