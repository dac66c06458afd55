/// One term of the glossary, in both languages.
public struct GlossaryEntry: Sendable, Equatable {
    /// The term as English texts and tools write it (`TIME_WAIT`, `tcp_tw_reuse`).
    public var english: String
    /// The term as Chinese engineers write it (`四次挥手`), with common variants after a slash.
    public var chinese: String
    /// What it means, in English.
    public var meaningEnglish: String
    /// What it means, in Chinese.
    public var meaningChinese: String

    /// The heading and meaning in `language`.
    public func text(in language: UILanguage) -> (term: String, meaning: String) {
        switch language {
        case .english: ("\(english) · \(chinese)", meaningEnglish)
        case .simplifiedChinese: (english == chinese ? english : "\(chinese) · \(english)", meaningChinese)
        }
    }

    /// Whether `query` names this entry in either language (case-insensitive, part of a term is enough).
    public func matches(_ query: String) -> Bool {
        let folded = query.lowercased().replacingOccurrences(of: "-", with: "_")
        guard !folded.isEmpty else { return true }
        return [english, chinese].contains { $0.lowercased().replacingOccurrences(of: "-", with: "_").contains(folded) }
    }
}
