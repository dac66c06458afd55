/// Rules for student ids: an id is what a gradebook matches a grade to, so it must look the same to a
/// person reading it as to the program comparing it.
public enum StudentID {
    /// `U+202E RIGHT-TO-LEFT OVERRIDE` for the first invisible or bidirectional-control character in
    /// the id (control codes, zero-width and format characters, bidi embeddings, overrides and
    /// isolates, line separators), or nil when the id has none.
    public static func hiddenCharacter(in id: String) -> String? {
        guard let scalar = id.unicodeScalars.first(where: isHidden) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.properties.name.map { code + " " + $0 } ?? code
    }

    /// True for characters that show nothing, or change how the text around them is ordered.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if QuizText.isInvisible(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return true
        default: break
        }
        let v = scalar.value
        return v == 0x034F || v == 0x115F || v == 0x1160 || v == 0x3164 || v == 0xFFA0 || v == 0x2800
            || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || v == 0x180E
    }
}
