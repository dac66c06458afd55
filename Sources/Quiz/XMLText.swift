/// Escaping for XML 1.0 text and attribute values.
public enum XMLText {
    /// Text safe inside an element or a double-quoted attribute: markup characters escaped, tabs and
    /// line breaks kept as character references, and characters XML 1.0 cannot carry at all (most
    /// control codes, U+FFFE, U+FFFF) written as `\u{…}` so nothing the student typed is hidden.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if QuizText.isInvisible(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
