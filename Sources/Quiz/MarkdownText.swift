/// Escaping for student text shown in Markdown (Gradescope's `output_format: "md"`).
public enum MarkdownText {
    private static let special: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")",
                                                  "#", "+", "-", ".", "!", "|", "~", "&", "$"]

    /// The text with Markdown and HTML markup neutralised by backslashes, line breaks turned into
    /// spaces and control characters made visible, so it shows exactly as typed.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in QuizText.visible(text) {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
