import Lessons
import TCPModel

/// The words an answer of a given kind is made of, for tab completion, and a sentence describing the
/// shape of a valid answer, for when the learner types something of another shape.
public enum AnswerVocabulary {
    /// Completion candidates for an answer of this kind.
    public static func words(for kind: AnswerKind) -> [String] {
        switch kind {
        case .state: return TCPState.allCases.map(\.name)
        case .choice(let choices): return choices
        case .flags: return TCPFlags.named.map(\.name)
        case .number, .text: return []
        }
    }

    /// What a valid answer looks like.
    public static func shape(of kind: AnswerKind) -> String {
        switch kind {
        case .state:
            return "a TCP state name, in any spelling (underscores, dashes, spaces or none, any case)"
        case .choice(let choices):
            return "one of: " + choices.joined(separator: ", ")
        case .number(let tolerance):
            return tolerance > 0 ? "a number (within ±\(Self.format(tolerance)) counts as right)" : "a number"
        case .flags:
            return "TCP flags from SYN, FIN, RST, PSH and ACK, joined by | in any order"
        case .text:
            return "a short answer in words"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
