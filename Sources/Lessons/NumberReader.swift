import Foundation

/// Reads a number the way a learner types it: `470`, `470/s`, `~470`, `≈ 470`, `about 470`,
/// `4.7e2`, `28,232`, `28_232`, `96 000`, `60k`, `0x06`, `60 s`, `25%`. Approximation marks are
/// ignored; the number itself must be there and be the only number.
enum NumberReader {
    /// The value, ignoring any unit after it.
    static func read(_ text: String) -> Double? {
        readQuantity(text)?.value
    }

    /// The value and, when the text ends in a unit of time (`240 s`, `4 min`), that unit.
    static func readQuantity(_ text: String) -> (value: Double, unit: AnswerUnit?)? {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ["about ", "approx. ", "approximately ", "around ", "roughly ", "ca. ", "~", "≈", "≃", "about"] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        // Hexadecimal written with its prefix: `0x06`, `0x176E`.
        if s.hasPrefix("0x") {
            let digits = s.dropFirst(2)
            guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy(\.isHexDigit),
                  let value = UInt64(digits, radix: 16) else { return nil }
            return (Double(value), nil)
        }
        guard let (value, rest) = readDecimal(s) else { return nil }
        let unitWord = rest.trimmingCharacters(in: .whitespaces)
        // A thousands suffix: `60k`, `28.2k`.
        if unitWord == "k" || unitWord.hasPrefix("k ") || unitWord.hasPrefix("k/") {
            return (value * 1000, nil)
        }
        return (value, AnswerUnit(word: unitWord))
    }

    /// The decimal number at the start of `s` and what follows it.
    private static func readDecimal(_ s: String) -> (Double, String)? {
        // The numeric part: an optional sign, digits with thousands separators, a fraction, an exponent.
        let scalars = Array(s.unicodeScalars)
        var index = 0
        var number = ""
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" {
            number.unicodeScalars.append(scalars[index]); index += 1
        }
        var sawDigit = false
        var groupDigits = 0
        var sawGroupSeparator = false
        while index < scalars.count {
            let c = scalars[index]
            if c.isASCII, c.properties.numericType != nil {
                number.unicodeScalars.append(c); sawDigit = true; groupDigits += 1; index += 1
            } else if (c == "," || c == "_" || c == " " || c == "\u{00A0}" || c == "\u{202F}"), sawDigit, index + 3 < scalars.count + 1,
                      (1...3).contains(groupDigits) || sawGroupSeparator,
                      isDigits(scalars, from: index + 1, count: 3) {
                // A thousands separator: exactly three digits follow.
                if sawGroupSeparator && groupDigits != 3 { return nil }
                sawGroupSeparator = true; groupDigits = 0; index += 1
            } else {
                break
            }
        }
        if sawGroupSeparator && groupDigits != 3 { return nil }
        if index < scalars.count, scalars[index] == "." {
            number += "."; index += 1
            while index < scalars.count, scalars[index].isASCII, scalars[index].properties.numericType != nil {
                number.unicodeScalars.append(scalars[index]); sawDigit = true; index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < scalars.count, scalars[index] == "e" {
            var probe = index + 1
            var exponent = "e"
            if probe < scalars.count, scalars[probe] == "-" || scalars[probe] == "+" {
                exponent.unicodeScalars.append(scalars[probe]); probe += 1
            }
            let start = probe
            while probe < scalars.count, scalars[probe].isASCII, scalars[probe].properties.numericType != nil {
                exponent.unicodeScalars.append(scalars[probe]); probe += 1
            }
            if probe > start { number += exponent; index = probe }
        }
        guard let value = Double(number), value.isFinite else { return nil }
        // What follows may be a unit, but not another number.
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        if rest.unicodeScalars.contains(where: { $0.isASCII && $0.properties.numericType != nil }) {
            // Allow units such as `/s`, `conn/s`, but not "470 or 500" or "4.7.2".
            if !unitWithDigitsAllowed(rest) { return nil }
        }
        if rest.hasPrefix(".") { return nil }
        return (value, rest)
    }

    private static func isDigits(_ scalars: [Unicode.Scalar], from start: Int, count: Int) -> Bool {
        guard start + count <= scalars.count else { return false }
        for i in start..<(start + count) where !(scalars[i].isASCII && scalars[i].properties.numericType != nil) {
            return false
        }
        // Not followed by yet another digit (then it was not a thousands group).
        if start + count < scalars.count, scalars[start + count].isASCII,
           scalars[start + count].properties.numericType != nil { return false }
        return true
    }

    private static func unitWithDigitsAllowed(_ rest: String) -> Bool {
        let unit = rest.trimmingCharacters(in: .whitespaces)
        return ["ipv4", "ipv6", "m2"].contains(where: { unit.hasPrefix($0) })
    }
}
