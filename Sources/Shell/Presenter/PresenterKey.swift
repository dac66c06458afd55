/// A key the presenter understands, decoded from the bytes a terminal sends.
enum PresenterKey: Equatable, Sendable {
    case next, back, reveal, hint, simulate, lab, watch, goTo, help, quit, vote, diagram
    case faster, slower, pause
    /// Turn a page of a view longer than the screen: PgDn or `]`, PgUp or `[`.
    case pageDown, pageUp
    case enter, escape, backspace
    case character(Character)

    /// Decodes the keys in `bytes` (several may arrive at once); unknown sequences are dropped.
    static func decode(_ bytes: [UInt8]) -> [PresenterKey] {
        var keys: [PresenterKey] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") || bytes[index + 1] == UInt8(ascii: "O") {
                    switch bytes[index + 2] {
                    case UInt8(ascii: "C"), UInt8(ascii: "B"): keys.append(.next)
                    case UInt8(ascii: "D"), UInt8(ascii: "A"): keys.append(.back)
                    case UInt8(ascii: "5"): keys.append(.pageUp)
                    case UInt8(ascii: "6"): keys.append(.pageDown)
                    default: break
                    }
                    index += 3
                    // Skip the rest of a longer sequence such as ESC [ 5 ~.
                    while index < bytes.count, !(0x40...0x7E).contains(bytes[index - 1]) { index += 1 }
                    continue
                }
                keys.append(.escape)
                index += 1
                continue
            }
            index += 1
            switch byte {
            case 0x0D, 0x0A: keys.append(.enter)
            case 0x7F, 0x08: keys.append(.backspace)
            default:
                guard byte >= 0x20, byte < 0x7F else { continue }
                keys.append(.character(Character(Unicode.Scalar(byte))))
            }
        }
        return keys
    }

    /// What a plain key means when no input line is open.
    var command: PresenterKey {
        guard case .character(let character) = self else { return self == .enter ? .next : self }
        switch character {
        case " ", "n": return .next
        case "b": return .back
        case "r": return .reveal
        case "h": return .hint
        case "s": return .simulate
        case "l": return .lab
        case "w": return .watch
        case "g": return .goTo
        case "?": return .help
        case "q": return .quit
        case "v": return .vote
        case "d": return .diagram
        case "+", "=": return .faster
        case "-", "_": return .slower
        case "p": return .pause
        case "]": return .pageDown
        case "[": return .pageUp
        default: return self
        }
    }
}
