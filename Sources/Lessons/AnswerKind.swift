import Foundation

/// What shape of answer a question takes and how answers compare.
public enum AnswerKind: Sendable, Equatable {
    /// A TCP state, in any spelling.
    case state
    /// One of these choices (compared case-insensitively).
    case choice([String])
    /// A number, right within the tolerance.
    case number(tolerance: Double)
    /// A set of TCP flags, in any order.
    case flags
    /// Free text; any of the accepted spellings (case-insensitive, spaces folded) is right.
    case text

    /// The name used in lesson files: `state`, `choice`, `number`, `flags` or `text`.
    public var name: String {
        switch self {
        case .state: return "state"
        case .choice: return "choice"
        case .number: return "number"
        case .flags: return "flags"
        case .text: return "text"
        }
    }

    /// A short description of what to type, for prompts and error messages.
    public var inputHint: String {
        switch self {
        case .state: return "the name of a TCP state"
        case .choice(let choices): return "one of: " + choices.joined(separator: ", ")
        case .number: return "a number in digits"
        case .flags: return "TCP flag names joined by | (SYN, FIN, RST, PSH, ACK)"
        case .text: return "a word or short phrase"
        }
    }
}
