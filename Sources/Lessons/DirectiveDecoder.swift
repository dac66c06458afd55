import Foundation
import TCPModel

/// Turns the YAML body of a ```` ```sim ````, ```` ```lab ````, ```` ```predict ```` or
/// ```` ```quiz ```` block into a lesson block, reporting every problem at its own line.
struct DirectiveDecoder {
    let file: String
    let lessonID: String

    static let simFields = ["scenario", "script", "profile", "explore", "caption"]
    static let labFields = ["experiment", "options", "caption", "fallback"]
    static let predictFields = ["id", "ask", "scenario", "script", "profile", "observe", "experiment", "finding",
                                "fallback", "type", "choices", "tolerance", "params", "hints", "explain", "points"]
    static let quizFields = ["id", "ask", "type", "choices", "key", "answer", "params", "tolerance", "hints",
                             "explain", "points"]
    static let fallbackFields = ["scenario", "script", "profile", "observe"]

    /// Decodes one directive; returns nil (with diagnostics) when it cannot be used.
    func decode(_ name: DirectiveName, body: String, bodyLine: Int, fenceLine: Int) -> (LessonBlock?, [Diagnostic]) {
        let fence = SourceLocation(file: file, line: fenceLine, column: 1)
        let node: YAMLNode
        do {
            guard let parsed = try YAMLNode.parse(body) else {
                return (nil, [Diagnostic(at: fence, "the \(name.rawValue) block is empty")])
            }
            node = parsed
        } catch {
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: bodyLine + error.line - 1, column: error.column),
                                     "in the \(name.rawValue) block: \(error.message)")])
        }
        guard node.pairs != nil else {
            return (nil, [Diagnostic(at: fence, "the body of a \(name.rawValue) block must be YAML fields such as 'scenario: active-close', not \(node.kindName)")])
        }
        var fields = DirectiveFields(what: "a \(name.rawValue) block", node: node, file: file, firstLine: bodyLine)
        let block: LessonBlock?
        switch name {
        case .sim: block = decodeSim(&fields).map(LessonBlock.sim)
        case .lab: block = decodeLab(&fields).map(LessonBlock.lab)
        case .predict: block = decodePredict(&fields).map(LessonBlock.question)
        case .quiz: block = decodeQuiz(&fields).map(LessonBlock.question)
        }
        return (fields.diagnostics.isEmpty ? block : nil, fields.diagnostics)
    }

    // MARK: Scenario references

    /// Reads `scenario: NAME` or `script: |`; returns the reference and the file line of the script.
    private func scenarioReference(_ fields: inout DirectiveFields, required: Bool) -> (ScenarioReference, Int?)? {
        let name = fields.string("scenario")
        let scriptNode = fields.raw("script")
        switch (name, scriptNode) {
        case (.some, .some):
            fields.error(at: fields.start, "give either 'scenario' (a built-in name) or 'script' (inline), not both")
            return nil
        case (.some(let name), nil):
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "{" || $0 == "}" }) else {
                fields.error(at: fields.start, "'scenario' names a built-in scenario such as 'active-close'; write inline scenarios under 'script: |'")
                return nil
            }
            return (.builtIn(name), nil)
        case (nil, .some(let node)):
            guard let text = node.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                fields.error(node, "'script' must hold scenario text (write 'script: |' and the lines below it)")
                return nil
            }
            let line = fields.firstLine + node.line - 1 + (text.contains("\n") ? 1 : 0)
            return (.inline(text), line)
        case (nil, nil):
            if required {
                fields.error(at: fields.start, "\(fields.what) needs a 'scenario' (a built-in name) or a 'script' (inline scenario text)")
            }
            return nil
        }
    }

    private func profile(_ fields: inout DirectiveFields) -> ProfileName? {
        guard let node = fields.raw("profile") else { return nil }
        guard let text = node.string, let profile = ProfileName(rawValue: text.lowercased()) else {
            fields.error(node, "unknown profile '\(node.string ?? "")' (profiles: \(ProfileName.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return profile
    }

    // MARK: sim and lab

    private func decodeSim(_ fields: inout DirectiveFields) -> SimBlock? {
        let reference = scenarioReference(&fields, required: true)
        let profile = profile(&fields)
        let explore = fields.integer("explore", in: 1...4)
        let caption = fields.string("caption")
        fields.rejectUnknown(allowed: Self.simFields)
        guard let reference else { return nil }
        return SimBlock(scenario: reference.0, profile: profile, explore: explore, caption: caption,
                        location: fields.start, scriptLine: reference.1)
    }

    private func decodeLab(_ fields: inout DirectiveFields) -> LabBlock? {
        let experiment = fields.string("experiment", required: true)
        var options: [String: String] = [:]
        if let node = fields.raw("options") {
            if let pairs = node.pairs {
                for pair in pairs {
                    guard let value = pair.value.string else {
                        fields.error(pair.value, "option '\(pair.key)' must be a single value")
                        continue
                    }
                    options[pair.key] = value
                }
            } else {
                fields.error(node, "'options' must be a mapping such as 'ports: 10'")
            }
        }
        let caption = fields.string("caption")
        var fallback: ScenarioReference?
        if let node = fields.raw("fallback") {
            if let name = node.string { fallback = .builtIn(name.trimmingCharacters(in: .whitespaces)) }
            else { fields.error(node, "'fallback' names a built-in scenario shown when the experiment cannot run here") }
        }
        fields.rejectUnknown(allowed: Self.labFields)
        guard let experiment else { return nil }
        return LabBlock(experiment: experiment, options: options, caption: caption, fallback: fallback,
                        location: fields.start)
    }

    // MARK: Questions

    private func questionID(_ fields: inout DirectiveFields) -> String? {
        guard let id = fields.string("id", required: true) else { return nil }
        guard Self.isSlug(id) else {
            fields.error(at: fields.start, "question id '\(id)' must be lower-case letters, digits and '-'")
            return nil
        }
        return id
    }

    static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isLowercase || $0.properties.numericType != nil || $0 == "-") }
    }

    /// Reads `type`, `choices` and `tolerance` into an answer kind, starting from a default.
    private func answerKind(_ fields: inout DirectiveFields, default defaultKind: AnswerKind?,
                            quietWhenUnknown: Bool = false) -> AnswerKind? {
        let typeNode = fields.raw("type")
        let choices = fields.strings("choices")
        let tolerance = fields.number("tolerance", in: 0...1e12)
        var kind = defaultKind
        if let typeNode {
            switch typeNode.string?.lowercased() {
            case "state": kind = .state
            case "flags": kind = .flags
            case "text": kind = .text
            case "number": kind = .number(tolerance: 0)
            case "choice": kind = .choice([])
            default:
                fields.error(typeNode, "unknown answer type '\(typeNode.string ?? "")' (types: state, choice, number, flags, text)")
                return nil
            }
        } else if choices != nil {
            kind = .choice([])
        }
        switch kind {
        case .choice(let defaults):
            let list = choices ?? defaults
            if list.count < 2 {
                fields.error(at: fields.start, "a choice question needs 'choices' with at least two entries")
                return nil
            }
            var seen: Set<String> = []
            for choice in list where !seen.insert(AnswerChecker.fold(choice)).inserted {
                fields.error(at: fields.start, "the choice '\(choice)' appears twice")
            }
            return .choice(list)
        case .number(let defaultTolerance):
            return .number(tolerance: tolerance ?? defaultTolerance)
        case nil:
            if !quietWhenUnknown {
                fields.error(at: fields.start, "\(fields.what) needs a 'type' (state, choice, number, flags or text)")
            }
            return nil
        default:
            if choices != nil { fields.error(at: fields.start, "'choices' only goes with 'type: choice'") }
            if tolerance != nil { fields.error(at: fields.start, "'tolerance' only goes with 'type: number'") }
            return kind
        }
    }

    /// Reads `observe`; placeholders in it are read with each parameter's first value (lint checks every
    /// variant), and the text is returned as a template.
    private func observable(_ fields: inout DirectiveFields, params: [QuestionParameter] = [],
                            template: inout String?) -> Observable? {
        guard var text = fields.string("observe", required: true) else { return nil }
        if !Self.placeholders(in: text).isEmpty {
            template = text
            var first: [String: String] = [:]
            for parameter in params { first.merge(parameter.substitutions(for: parameter.range.lowerBound)) { $1 } }
            text = Question.fill(text, first)
        }
        guard let observable = Observable(parsing: text) else {
            fields.error(at: fields.start, "unknown observable '\(text)' (write one of: \(Observable.syntaxSummary))")
            return nil
        }
        return observable
    }

    private func common(_ fields: inout DirectiveFields) -> (prompt: String?, hints: [String], explain: String?, points: Double,
                                                             promptLocation: SourceLocation?, hintLocations: [SourceLocation]) {
        let prompt = fields.string("ask", required: true)
        let hints = fields.locatedStrings("hints") ?? []
        let explain = fields.string("explain", required: true)
        let points = fields.number("points", in: 0...1000) ?? 1
        return (prompt, hints.map(\.text), explain, points, fields.valueLocation("ask"), hints.map(\.location))
    }

    private func decodePredict(_ fields: inout DirectiveFields) -> Question? {
        let id = questionID(&fields)
        let params = parameters(&fields)
        var observeTemplate: String?
        let source: AnswerSource?
        var scriptLine: Int?
        var observed: Observable?
        if let experiment = fields.string("experiment") {
            let finding = fields.string("finding", required: true)
            var fallback: AnswerSource?
            if let node = fields.raw("fallback", required: true) {
                if node.pairs != nil {
                    var inner = DirectiveFields(what: "the fallback of a predict block", node: node, file: file, firstLine: fields.firstLine)
                    let reference = scenarioReference(&inner, required: true)
                    let profile = profile(&inner)
                    observed = observable(&inner, params: params, template: &observeTemplate)
                    inner.rejectUnknown(allowed: Self.fallbackFields)
                    fields.diagnostics += inner.diagnostics
                    if let reference, let observed {
                        fallback = .simulation(reference.0, observable: observed, profile: profile)
                        scriptLine = reference.1
                    }
                } else {
                    fields.error(node, "'fallback' must be a mapping with 'scenario' (or 'script') and 'observe': the simulation that answers when the lab cannot run")
                }
            }
            for key in ["scenario", "script", "observe", "profile"] where fields.has(key) {
                fields.error(at: fields.start, "with 'experiment', put '\(key)' under 'fallback:'")
            }
            source = finding.map { .experiment(name: experiment, finding: $0, fallback: fallback) }
        } else {
            if fields.has("finding") { fields.error(at: fields.start, "'finding' only goes with 'experiment'") }
            if fields.has("fallback") { fields.error(at: fields.start, "'fallback' only goes with 'experiment'") }
            let reference = scenarioReference(&fields, required: true)
            let profile = profile(&fields)
            observed = observable(&fields, params: params, template: &observeTemplate)
            scriptLine = reference?.1
            if let reference, let observed {
                source = .simulation(reference.0, observable: observed, profile: profile)
            } else {
                source = nil
            }
        }
        // When the observable itself is broken, that error is enough; do not also ask for a type.
        let kind = answerKind(&fields, default: observed?.defaultAnswerKind, quietWhenUnknown: observed == nil)
        let common = common(&fields)
        fields.rejectUnknown(allowed: Self.predictFields)
        checkPlaceholders(&fields, params: params, texts: [common.prompt, common.explain] + common.hints
                          + [source.flatMap(Self.scriptText), observeTemplate] + (kind.map(Self.choiceTexts) ?? []))
        guard let id, let source, let kind, let prompt = common.prompt, let explain = common.explain else { return nil }
        var question = Question(id: "\(lessonID)/\(id)", lessonID: lessonID, kind: .predict, prompt: prompt, answerKind: kind,
                                source: source, params: params, hints: common.hints, explain: explain, points: common.points,
                                location: fields.start, scriptLine: scriptLine,
                                promptLocation: common.promptLocation, hintLocations: common.hintLocations)
        question.observeTemplate = observeTemplate
        return question
    }

    private func decodeQuiz(_ fields: inout DirectiveFields) -> Question? {
        let id = questionID(&fields)
        let keys = fields.strings("key")
        let expressionNode = fields.raw("answer")
        let params = parameters(&fields)
        var source: AnswerSource?
        var defaultKind: AnswerKind?
        switch (keys, expressionNode) {
        case (.some, .some):
            fields.error(at: fields.start, "give either 'key' (the accepted answers) or 'answer' (an expression), not both")
        case (.some(let keys), nil):
            if keys.isEmpty { fields.error(at: fields.start, "'key' is empty") } else { source = .key(keys) }
            if !params.isEmpty, !params.contains(where: \.isChoice) {
                fields.error(at: fields.start, "number 'params' need an 'answer' expression that uses them")
            }
        case (nil, .some(let node)):
            defaultKind = .number(tolerance: 0)
            if let text = node.string {
                do {
                    let expression = try ArithmeticExpression(text)
                    for name in expression.names where !params.contains(where: { $0.name == name }) {
                        fields.error(node, "the answer uses '\(name)', which is not in 'params'")
                    }
                    source = .expression(text)
                } catch let failure as ArithmeticExpression.Failure {
                    fields.error(at: SourceLocation(file: file, line: fields.firstLine + node.line - 1, column: node.column + failure.column - 1),
                                 "bad answer expression: \(failure.message)")
                } catch {
                    fields.error(node, "bad answer expression")
                }
            } else {
                fields.error(node, "'answer' must be an arithmetic expression such as 'ports / 60'")
            }
        case (nil, nil):
            fields.error(at: fields.start, "a quiz block needs a 'key' (accepted answers) or an 'answer' expression over 'params'")
        }
        let kind = answerKind(&fields, default: defaultKind ?? .text)
        let common = common(&fields)
        fields.rejectUnknown(allowed: Self.quizFields)
        if let kind, case .expression = source, kind.name != "number" {
            fields.error(at: fields.start, "an 'answer' expression gives a number, so the type must be 'number'")
        }
        if let kind, case .key(let keys) = source {
            for key in keys where Self.placeholders(in: key).isEmpty && AnswerChecker.check(key, against: key, kind: kind) != .correct {
                fields.error(at: fields.start, "the key '\(key)' is not a valid \(kind.name) answer (\(kind.inputHint))")
            }
        }
        var keyTexts: [String?] = []
        if case .key(let keys)? = source { keyTexts = keys }
        checkPlaceholders(&fields, params: params, texts: [common.prompt, common.explain] + common.hints + keyTexts
                          + (kind.map(Self.choiceTexts) ?? []))
        guard let id, let source, let kind, let prompt = common.prompt, let explain = common.explain else { return nil }
        return Question(id: "\(lessonID)/\(id)", lessonID: lessonID, kind: .quiz, prompt: prompt, answerKind: kind,
                        source: source, params: params, hints: common.hints, explain: explain, points: common.points,
                        location: fields.start, promptLocation: common.promptLocation, hintLocations: common.hintLocations)
    }

    /// The `{name}` placeholders in a question text.
    static func placeholders(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { result.append(name) }
            rest = after[after.index(after: close)...]
        }
        return result
    }
}
