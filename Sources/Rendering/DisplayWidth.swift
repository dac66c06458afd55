import Foundation
/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji take
/// two, combining marks and control characters none, ANSI colour sequences none, the rest one.
public enum DisplayWidth {
    /// The columns `text` occupies on a terminal.
    public static func of(_ text: String) -> Int {
        var total = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value),
                   character != "[" {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" { inEscape = true; continue }
            total += of(character)
        }
        return total
    }

    /// The columns one character (a grapheme cluster) occupies.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            let scalarWidth = of(scalar)
            if scalarWidth == 2 { return 2 }
            if index == 0 || width == 0 { width = max(width, scalarWidth) }
        }
        return width
    }

    /// The columns one Unicode scalar occupies.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(value) }
    }
}
