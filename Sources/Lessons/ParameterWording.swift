import Foundation

/// Checks that a parameterised question reads right for a variant: a number placeholder that can be 1
/// must not be followed by a plural noun ("over 1 source addresses"), and every placeholder must be filled.
public enum ParameterWording {
    /// A sentence naming the problem with this variant's text, or nil when it reads right.
    public static func problem(in question: Question, values: [String: Double]) -> String? {
        let filled = question.filled(with: values)
        for text in [filled.prompt] + filled.hints + [filled.explain] {
            if let name = unfilledPlaceholder(in: text, question: question) {
                return "the placeholder {\(name)} is left unfilled; define it in 'params'"
            }
        }
        if let template = question.observeTemplate {
            let text = Question.fill(template, question.substitutions(for: values))
            if Observable(parsing: text) == nil { return "'observe' reads '\(text)', which is not an observable (\(Observable.syntaxSummary))" }
        }
        for parameter in question.params where !parameter.isChoice {
            guard let value = values[parameter.name], value == 1 else { continue }
            for text in [question.prompt] + question.hints + [question.explain] {
                if let noun = pluralAfter("{" + parameter.name + "}", in: text) {
                    return "with \(parameter.name) = 1 the text reads \"1 \(noun)\"; word it so every value reads right (for example \"address(es)\"), or start the range at 2"
                }
            }
        }
        return nil
    }

    /// The first `{name}` left in the text whose name is a parameter's placeholder.
    private static func unfilledPlaceholder(in text: String, question: Question) -> String? {
        let names = Set(question.params.flatMap(\.placeholders))
        return names.sorted().first { text.contains("{" + $0 + "}") }
    }

    /// The word after each occurrence of `marker` (skipping one adjective-like word is not attempted)
    /// when it looks plural: ends in "s" but not "ss" or "us", and is longer than three letters.
    static func pluralAfter(_ marker: String, in text: String) -> String? {
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            let after = rest[range.upperBound...].drop { $0 == " " }
            let words = after.split(whereSeparator: { !$0.isLetter && $0 != "-" }).prefix(2).map(String.init)
            for word in words.prefix(2) {
                let lower = word.lowercased()
                if lower.count > 3, lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us") { return word }
                if !["source", "destination", "local", "remote", "client", "server", "more", "extra"].contains(lower) { break }
            }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
