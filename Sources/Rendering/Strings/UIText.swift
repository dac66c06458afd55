/// The interface strings, one table per language, keyed by a stable id (`shell.unknown-command`).
///
/// A template names its arguments `{0}`, `{1}`…; an id missing from a translation falls back to
/// English, and `twlab lint` lists such ids (`untranslatedKeys`).
public enum UIText {
    /// The text for `key` in `language` (default: the current one) with `{0}`, `{1}`… replaced by
    /// `arguments`. An unknown key gives the key itself, so a typo shows instead of vanishing.
    public static func text(_ key: String, _ arguments: String..., language: UILanguage = .current) -> String {
        format(template(key, language: language), arguments)
    }

    /// The template for `key`: the translation when there is one, else the English text.
    public static func template(_ key: String, language: UILanguage = .current) -> String {
        table(for: language)[key] ?? EnglishStrings.table[key] ?? key
    }

    /// What goes between two sentences joined on one line: a space in English, nothing after a
    /// Chinese full stop.
    public static func sentenceGap(language: UILanguage = .current) -> String {
        language == .simplifiedChinese ? "" : " "
    }

    /// The ids that `language` does not translate yet, sorted.
    public static func untranslatedKeys(for language: UILanguage) -> [String] {
        let translated = table(for: language)
        return EnglishStrings.table.keys.filter { translated[$0] == nil }.sorted()
    }

    /// The ids whose translation names a different set of `{N}` arguments than the English text.
    public static func mismatchedArguments(for language: UILanguage) -> [String] {
        let translated = table(for: language)
        return EnglishStrings.table.compactMap { key, english in
            guard let other = translated[key], placeholders(english) != placeholders(other) else { return nil }
            return key
        }.sorted()
    }

    static func table(for language: UILanguage) -> [String: String] {
        switch language {
        case .english: EnglishStrings.table
        case .simplifiedChinese: ChineseStrings.table
        }
    }

    static func format(_ template: String, _ arguments: [String]) -> String {
        var result = template
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return result
    }

    static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let inside = after[..<close]
            if !inside.isEmpty, inside.allSatisfy(\.isNumber) { found.insert(String(inside)) }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}
