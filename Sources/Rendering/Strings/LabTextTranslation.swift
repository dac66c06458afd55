import SocketLab

extension UIText {
    /// A lab's sentence in `language` (default: the current one): the catalog's translation of its
    /// key with its arguments, themselves translated, filled in; the sentence's own English template
    /// when the catalog has none (and always in English, so the English narration is exactly what
    /// SocketLab wrote).
    public static func text(_ lab: LabText, language: UILanguage = .current) -> String {
        let arguments = lab.arguments.map { text($0, language: language) }
        guard language != .english, !lab.isVerbatim, let template = table(for: language)[lab.key] else {
            return LabText.fill(lab.english, arguments)
        }
        return LabText.fill(template, arguments)
    }

    /// Whether `language` translates the lab sentence `key` with the same `{N}` arguments as `english`.
    /// (Lab sentences carry their English with them, so `untranslatedKeys` cannot list them; a test
    /// checks every sentence SocketLab writes with this.)
    public static func translatesLabText(key: String, english: String, language: UILanguage) -> Bool {
        guard let template = table(for: language)[key] else { return false }
        return placeholders(template) == placeholders(english)
    }
}
