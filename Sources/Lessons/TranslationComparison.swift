import Foundation
import TCPModel

/// Compares a translated question with its English original: the same kind of answer, the same
/// parameter names and ranges, points and number of choices, the same values wherever a parameter
/// reaches the scenario (script, observable, fallback) or an answer expression, and the same computed
/// answer for every variant (for a choice, the same position in the list; for a state, number or
/// flags, an answer the English question accepts). A translation may reword everything else,
/// including the words a choice parameter shows in the text ("One second" → "一秒").
public enum TranslationComparison {
    /// At most this many variants are computed per question (every one, for the lessons shipped).
    static let variantLimit = 64

    /// What differs, one sentence each; empty when the translation grades like the original.
    public static func problems(_ translated: Question, original: Question, scenarios: ScenarioLibrary) -> [String] {
        var problems: [String] = []
        let id = translated.shortID
        if translated.answerKind.name != original.answerKind.name {
            problems.append("question '\(id)' takes a \(translated.answerKind.name) answer; the English one takes a \(original.answerKind.name)")
            return problems
        }
        let parameterProblems = parameterDifferences(translated, original: original)
        problems += parameterProblems
        if translated.points != original.points {
            problems.append("question '\(id)' is worth \(AnswerFormatter.number(translated.points)) points; the English one \(AnswerFormatter.number(original.points))")
        }
        if case .choice(let mine) = translated.answerKind, case .choice(let theirs) = original.answerKind, mine.count != theirs.count {
            problems.append("question '\(id)' has \(mine.count) choices; the English one \(theirs.count)")
            return problems
        }
        guard parameterProblems.isEmpty else { return problems }  // variants would not line up
        for values in variants(of: original.params) {
            guard let mine = try? AnswerOracle.expected(for: translated, parameters: values, scenarios: scenarios),
                  let theirs = try? AnswerOracle.expected(for: original, parameters: values, scenarios: scenarios) else {
                return problems  // lint reports an answer that cannot be computed on its own
            }
            let same: Bool
            switch (translated.answerKind, original.answerKind) {
            case (.choice, .choice):
                let myChoices = choices(of: translated.filled(with: values))
                let theirChoices = choices(of: original.filled(with: values))
                same = position(of: mine, in: myChoices) == position(of: theirs, in: theirChoices)
            case (.text, _):
                same = true  // free text is worded in each language
            default:
                same = AnswerChecker.check(mine, against: theirs, kind: original.answerKind) == .correct
            }
            if !same {
                let variant = describe(values, params: original.params)
                problems.append("question '\(id)' computes '\(mine)' where the English one computes '\(theirs)'"
                                + (variant.isEmpty ? "" : " (\(variant))"))
                break
            }
        }
        return problems
    }

    /// Differences in the parameters: names, ranges and steps, and the text of every placeholder the
    /// scenario or an answer expression reads. Placeholders that only appear in the question's wording
    /// (ask, hints, explain, choices, key) may be translated, dropped, or joined by placeholders of the
    /// translation's own (`firstZh: [客户端, 服务器]` next to `first: [client, server]`): a key or choice
    /// that changes the answer shows up in the computed answers instead.
    static func parameterDifferences(_ translated: Question, original: Question) -> [String] {
        let id = translated.shortID
        let mine = Dictionary(translated.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let theirs = Dictionary(original.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        let missing = theirs.keys.filter { mine[$0] == nil }.sorted()
        let extra = mine.keys.filter { theirs[$0] == nil }.sorted()
        if !missing.isEmpty { problems.append("question '\(id)' lacks the parameter(s) \(missing.joined(separator: ", ")) of the English one") }
        if !extra.isEmpty { problems.append("question '\(id)' has parameter(s) \(extra.joined(separator: ", ")) the English one does not") }
        if translated.params.map(\.name) != original.params.map(\.name), missing.isEmpty, extra.isEmpty {
            problems.append("question '\(id)' lists its parameters in another order than the English one; variants would differ")
        }
        let graded = gradedPlaceholders(original).union(gradedPlaceholders(translated))
        for name in original.params.map(\.name) {
            guard let parameter = mine[name], let english = theirs[name] else { continue }
            if parameter.isChoice != english.isChoice || parameter.range != english.range || parameter.step != english.step {
                problems.append("question '\(id)': parameter '\(name)' takes other values than in the English one; variants would differ")
                continue
            }
            guard english.isChoice else { continue }
            for placeholder in english.placeholders where graded.contains(placeholder)
                && parameter.texts[placeholder] != english.texts[placeholder] {
                problems.append("question '\(id)': {\(placeholder)} reaches the scenario or the answer and must keep the English values \(english.texts[placeholder] ?? [])")
            }
            for placeholder in parameter.placeholders where english.texts[placeholder] == nil && graded.contains(placeholder) {
                problems.append("question '\(id)': {\(placeholder)} reaches the scenario or the answer but is not in the English question")
            }
        }
        return problems
    }

    /// The placeholders the scenario, the observable or an answer expression reads.
    static func gradedPlaceholders(_ question: Question) -> Set<String> {
        var texts: [String] = []
        func collect(_ source: AnswerSource) {
            switch source {
            case .simulation(let reference, let observable, let profile):
                if case .inline(let script) = reference { texts.append(script) }
                if case .builtIn(let name) = reference { texts.append(name) }
                texts.append("\(observable)")
                if let profile { texts.append("\(profile)") }
            case .experiment(let name, let finding, let fallback):
                texts += [name, finding]
                if let fallback { collect(fallback) }
            case .key:
                break  // compared through the computed answer
            case .expression(let expression):
                texts.append(expression)
            }
        }
        collect(question.source)
        if let observe = question.observeTemplate { texts.append(observe) }
        var names: Set<String> = []
        for text in texts { names.formUnion(DirectiveDecoder.placeholders(in: text)) }
        return names
    }

    /// Every combination of parameter values, lowest first, at most `variantLimit` of them (then one
    /// per value of each parameter, the others at their lowest).
    static func variants(of params: [QuestionParameter]) -> [[String: Double]] {
        let lowest = Dictionary(params.map { ($0.name, $0.range.lowerBound) }, uniquingKeysWith: { first, _ in first })
        let total = params.reduce(1.0) { $0 * Double($1.count) }
        if total <= Double(variantLimit) {
            var result: [[String: Double]] = [[:]]
            for parameter in params {
                result = result.flatMap { partial in parameter.values().map { partial.merging([parameter.name: $0]) { $1 } } }
            }
            return result
        }
        var result: [[String: Double]] = [lowest]
        for parameter in params {
            for value in parameter.values(limit: variantLimit).dropFirst() {
                result.append(lowest.merging([parameter.name: value]) { $1 })
            }
        }
        return result
    }

    static func describe(_ values: [String: Double], params: [QuestionParameter]) -> String {
        params.compactMap { parameter in values[parameter.name].map { "\(parameter.name) = \(AnswerFormatter.number($0))" } }
            .joined(separator: ", ")
    }

    static func choices(of question: Question) -> [String] {
        if case .choice(let list) = question.answerKind { return list }
        return []
    }

    static func position(of answer: String, in choices: [String]) -> Int? {
        choices.firstIndex { AnswerChecker.fold($0) == AnswerChecker.fold(answer) }
    }
}
