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

    /// The alphabets whose letters look alike, so an id mixing two of them can pass for another
    /// student's id (`adа` with a Cyrillic `а` looks like `ada`).
    enum Script: String { case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian", cherokee = "Cherokee" }

    static func script(of scalar: Unicode.Scalar) -> Script? {
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1D00...0x1D7F, 0x1E00...0x1EFF, 0x2C60...0x2C7F,
             0xA720...0xA7FF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return .cyrillic
        case 0x530...0x58F:
            return .armenian
        case 0x13A0...0x13FF, 0xAB70...0xABBF:
            return .cherokee
        default:
            return nil
        }
    }

    /// A sentence naming the scripts an id mixes and the first letter from the second one, such as
    /// `Latin and Cyrillic (U+0430 CYRILLIC SMALL LETTER A)`, or nil when its letters come from one
    /// alphabet (digits, punctuation and other scripts such as Chinese are not counted).
    public static func mixedScripts(in id: String) -> String? {
        var first: Script? = nil
        for scalar in id.unicodeScalars {
            guard let script = script(of: scalar) else { continue }
            guard let seen = first else { first = script; continue }
            if script != seen {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return "\(seen.rawValue) and \(script.rawValue) (\(scalar.properties.name.map { code + " " + $0 } ?? code))"
            }
        }
        return nil
    }

    /// Why an id cannot be used, in a sentence, or nil when it can: hidden characters, or letters from
    /// two look-alike alphabets.
    public static func problem(with id: String) -> String? {
        if let hidden = hiddenCharacter(in: id) {
            return "holds an invisible or bidirectional-control character (\(hidden)); write the id in plain visible characters"
        }
        if let mixed = mixedScripts(in: id) {
            return "mixes letters of \(mixed), which can pass for another student's id; write the id in one alphabet"
        }
        return nil
    }
}
