/// Makes control characters visible, so that text from a file (a lesson, an answers file, a progress
/// file) can never move the terminal's cursor, clear the screen, write to the clipboard (OSC 52) or
/// reorder what is shown (bidirectional overrides).
public enum VisibleText {
    /// The text with every invisible character written as `\u{…}`. Tabs and line feeds are kept
    /// only when `keepLineBreaks` is true.
    public static func escaped(_ text: String, keepLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isInvisible($0) || !keepLineBreaks && ($0 == "\n" || $0 == "\t") }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepLineBreaks, scalar == "\n" || scalar == "\t" {
                out.append(scalar)
            } else if isInvisible(scalar) || scalar == "\n" || scalar == "\t" {
                out.append(contentsOf: notation(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `\u{1B}` for ESC: how an invisible character is shown.
    public static func notation(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// True for control codes (C0, DEL, C1), the line and paragraph separators, bidirectional
    /// overrides and isolates, and the characters XML 1.0 cannot carry.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
            || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0xD800...0xDFFF).contains(v)
    }
}
