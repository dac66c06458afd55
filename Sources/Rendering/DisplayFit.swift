/// Cutting and padding text by terminal columns (wide characters count two; ANSI sequences none).
public enum DisplayFit {
    /// The text cut to at most `columns` columns, ending in `…` when something was cut. ANSI
    /// sequences are kept whole.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var out = ""
        var used = 0
        var inEscape = false
        for character in text {
            if inEscape {
                out.append(character)
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value), character != "[" {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" { inEscape = true; out.append(character); continue }
            let width = DisplayWidth.of(character)
            if used + width > columns - 1 { break }
            out.append(character)
            used += width
        }
        return out + "…"
    }

    /// The text followed by spaces up to `columns` columns (unchanged when already as wide).
    public static func pad(_ text: String, to columns: Int) -> String {
        let width = DisplayWidth.of(text)
        return width >= columns ? text : text + String(repeating: " ", count: columns - width)
    }
}
