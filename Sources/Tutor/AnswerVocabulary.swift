import Lessons
import Rendering
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
            return UIText.text("answer.shape.state")
        case .choice(let choices):
            return UIText.text("answer.shape.choice", choices.joined(separator: ", "))
        case .number(let tolerance):
            return tolerance > 0 ? UIText.text("answer.shape.number.tolerance", Self.format(tolerance)) : UIText.text("answer.shape.number")
        case .flags:
            return UIText.text("answer.shape.flags")
        case .text:
            return UIText.text("answer.shape.text")
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
