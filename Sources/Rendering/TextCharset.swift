import Foundation

/// Which characters terminal pictures may use: Unicode box drawing, or plain ASCII for terminals and
/// fonts without it.
public enum TextCharset: String, Sendable, CaseIterable {
    /// Box-drawing characters, arrows and marks such as ✗ and ⏱.
    case unicode
    /// Only printable ASCII.
    case ascii

    /// `.ascii` when the locale's character set is not UTF-8 (the first set of `LC_ALL`,
    /// `LC_CTYPE`, `LANG`; none set means the C locale), otherwise `.unicode`.
    public static func forLocale(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextCharset {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let normalized = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return normalized.contains("utf8") ? .unicode : .ascii
    }

    /// Each picture character and the one ASCII character that stands for it, so that columns
    /// keep their place.
    static let asciiReplacements: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
        "┼": "+", "━": "=", "┃": "#", "┏": "#", "┓": "#", "┗": "#", "┛": "#",
        "═": "*", "║": "*", "╔": "*", "╗": "*", "╚": "*", "╝": "*", "╢": "*", "╟": "*",
        "▶": ">", "◀": "<", "▼": "v", "▲": "^", "→": ">", "←": "<", "×": "x", "✗": "x", "✓": "+",
        "⏱": "@", "↺": "o", "·": "*", "…": "~", "—": "-", "–": "-", "█": "#", "░": ".", "▒": ":",
    ]

    /// The text with every picture character replaced by its ASCII stand-in and anything else
    /// outside ASCII by `?`. In `.unicode` the text is returned as it is.
    public func apply(_ text: String) -> String {
        guard self == .ascii else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let replacement = Self.asciiReplacements[character] {
                out.append(replacement)
            } else {
                out.append(DisplayWidth.of(character) == 2 ? "??" : "?")
            }
        }
        return out
    }
}
