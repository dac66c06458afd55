import Foundation
import Lessons

/// Small text helpers shared by the quiz's papers, reports and messages.
public enum QuizText {
    /// A number as people write it: `470` rather than `470.0`, otherwise the shortest exact form.
    public static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// The text with every control character (C0, DEL, C1, and other characters XML and terminals
    /// cannot carry) written as `\u{…}`, so student text can never move a terminal cursor or break a
    /// report. Tabs and newlines are kept only when `keepLineBreaks` is true.
    public static func visible(_ text: String, keepLineBreaks: Bool = false) -> String {
        VisibleText.escaped(text, keepLineBreaks: keepLineBreaks)
    }

    /// True for characters that are control codes, not allowed in XML 1.0, bidirectional controls or
    /// zero-width characters.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
            || (0x2028...0x2029).contains(v) || (0xD800...0xDFFF).contains(v)
            // Bidirectional controls and zero-width characters: shown as escapes so an id cannot
            // reorder or hide text in a report.
            || v == 0x061C || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2060...0x2069).contains(v) || v == 0xFEFF
    }

    /// Fills `{name}` placeholders with the variant's values; unknown names stay as written.
    public static func fill(_ prompt: String, with values: [String: Double]) -> String {
        guard !values.isEmpty, prompt.contains("{") else { return prompt }
        var result = prompt
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{" + name + "}", with: number(value))
        }
        return result
    }

    /// Shortens text to at most `limit` characters, marking the cut with an ellipsis.
    public static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
