/// Line-breaking rules for Chinese and Japanese text (kinsoku shori): which characters may not begin
/// a line (closing punctuation) and which may not end one (opening brackets and quotes).
public enum LineBreakRule {
    /// Closing punctuation, full-width and ASCII, that belongs to the end of the text before it.
    static let closing: Set<Character> = Set("，。、；：？！）」』》〉】〕］｝〗〙”’…‥·・％,.;:?!)]}%")
    /// Opening brackets and quotes, that belong to the start of the text after them.
    static let opening: Set<Character> = Set("（「『《〈【〔［｛〖〘“‘")

    /// Whether a line may not start with `character`.
    public static func cannotStartLine(_ character: Character) -> Bool { closing.contains(character) }
    /// Whether `character` is Chinese or Japanese punctuation (full-width, or the curly quotes Chinese
    /// text uses): no space belongs next to it when two lines of a paragraph are joined.
    public static func isFullWidthPunctuation(_ character: Character) -> Bool {
        (closing.contains(character) || opening.contains(character)) && !character.isASCII
    }
    /// Whether a line may not end with `character`.
    public static func cannotEndLine(_ character: Character) -> Bool { opening.contains(character) }
}
