import Foundation

/// Reading `params:` (numbers, choices, and choices drawn together) and checking that every
/// `{placeholder}` a question uses is defined.
extension DirectiveDecoder {
    /// Reads `params:`: each name maps to `[lowest, highest, step]` (a number), a list of words (a
    /// choice, filling `{name}`), or a mapping of placeholder names to lists of the same length (choices
    /// drawn together).
    func parameters(_ fields: inout DirectiveFields) -> [QuestionParameter] {
        guard let node = fields.raw("params") else { return [] }
        guard let pairs = node.pairs else {
            fields.error(node, "'params' must map each name to [lowest, highest, step] (a number), a list of words (a choice) or a mapping of names to lists, e.g. 'ports: [10000, 60000, 1000]' or 'side: [client, server]'")
            return []
        }
        var params: [QuestionParameter] = []
        var names = Set<String>()
        for pair in pairs {
            guard let parameter = parameter(pair.key, pair.value, &fields) else { continue }
            for name in parameter.placeholders where !names.insert(name).inserted {
                fields.error(pair.value, "the placeholder '\(name)' is defined twice in 'params'")
            }
            params.append(parameter)
        }
        return params
    }

    func parameter(_ name: String, _ node: YAMLNode, _ fields: inout DirectiveFields) -> QuestionParameter? {
        if let pairs = node.pairs {
            var texts: [String: [String]] = [:]
            for pair in pairs {
                guard let list = pair.value.items?.compactMap(\.string), list.count == pair.value.items?.count, list.count >= 2 else {
                    fields.error(pair.value, "'\(pair.key)' in parameter '\(name)' must be a list of at least two values")
                    return nil
                }
                texts[pair.key] = list
            }
            guard !texts.isEmpty, Set(texts.values.map(\.count)).count == 1 else {
                fields.error(node, "the lists of parameter '\(name)' must all have the same number of entries")
                return nil
            }
            return QuestionParameter(name: name, texts: texts)
        }
        guard let items = node.items else {
            fields.error(node, "parameter '\(name)' must be [lowest, highest], [lowest, highest, step] or a list of words")
            return nil
        }
        let numbers = items.compactMap { $0.string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        if numbers.count != items.count {
            let words = items.compactMap(\.string)
            guard words.count == items.count, words.count >= 2 else {
                fields.error(node, "parameter '\(name)' must be a list of at least two words (a choice) or [lowest, highest, step]")
                return nil
            }
            return QuestionParameter(name: name, texts: [name: words])
        }
        guard (2...3).contains(numbers.count), numbers.allSatisfy(\.isFinite) else {
            fields.error(node, "parameter '\(name)' must be [lowest, highest] or [lowest, highest, step] with numbers (for a list of numbers to choose from, write '\(name): {\(name): [1, 5, 9, 12]}')")
            return nil
        }
        let step = numbers.count == 3 ? numbers[2] : 1
        guard numbers[0] <= numbers[1], step > 0 else {
            fields.error(node, "parameter '\(name)' needs lowest ≤ highest and a step above 0")
            return nil
        }
        guard (numbers[1] - numbers[0]) / step <= 1_000_000 else {
            fields.error(node, "parameter '\(name)' has more than a million values; use a larger step")
            return nil
        }
        return QuestionParameter(name: name, range: numbers[0]...numbers[1], step: step)
    }

    /// Reports each `{name}` in the texts that no parameter defines.
    func checkPlaceholders(_ fields: inout DirectiveFields, params: [QuestionParameter], texts: [String?]) {
        let known = Set(params.flatMap(\.placeholders))
        var reported = Set<String>()
        for text in texts.compactMap({ $0 }) {
            for name in Self.placeholders(in: text) where !known.contains(name) && reported.insert(name).inserted {
                fields.error(at: fields.start, "the question uses {\(name)}, which is not in 'params'")
            }
        }
    }

    /// The inline script or built-in name a source runs, for the placeholder check.
    static func scriptText(_ source: AnswerSource) -> String? {
        switch source {
        case .simulation(.inline(let text), _, _), .simulation(.builtIn(let text), _, _): return text
        case .experiment(_, _, let fallback?): return scriptText(fallback)
        default: return nil
        }
    }

    /// The texts of a choice question's choices.
    static func choiceTexts(_ kind: AnswerKind) -> [String?] {
        if case .choice(let choices) = kind { return choices }
        return []
    }
}
