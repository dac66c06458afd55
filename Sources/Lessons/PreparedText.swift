import TCPModel

/// A text read once for many give-away checks (one per parameter variant of every question after it):
/// its numbers, its states, its flag tokens and its folded characters, so that checking it against
/// each variant's answer costs time in the answer, not in the text's length.
public struct PreparedText: Sendable {
    /// The text as written.
    public let text: String
    let numbers: [Double]
    let states: [TCPState]
    let capitalStates: [TCPState]
    let flags: [TCPFlags]
    let folded: [Character]

    /// Reads `text` once.
    public init(_ text: String) {
        self.text = text
        numbers = AnswerGiveaway.numbers(in: text)
        states = AnswerGiveaway.states(in: text)
        capitalStates = AnswerGiveaway.states(in: AnswerGiveaway.capitalWords(text))
        flags = text.split(whereSeparator: { !($0.isLetter || $0 == "|" || $0 == "+") })
            .compactMap { TCPFlags(parsing: String($0)) }
        folded = Array(AnswerChecker.fold(text))
    }
}

extension AnswerGiveaway {
    /// `reveals(_:answer:kind:prose:)` for a text read once beforehand; the same verdicts.
    public static func reveals(_ prepared: PreparedText, answer: String, kind: AnswerKind, prose: Bool = false) -> Bool {
        if prose {
            switch kind {
            case .state, .flags: break
            case .number: return revealsNumber(prepared.numbers, answer)
            case .choice, .text:
                let letters = answer.filter(\.isLetter)
                guard answer.contains(" ") || (!letters.isEmpty && letters.allSatisfy(\.isUppercase)) else { return false }
            }
        }
        switch kind {
        case .state:
            let expected = AnswerChecker.stateTokens(answer).compactMap(TCPState.init(parsing:))
            guard !expected.isEmpty else { return false }
            return LinearSearch.firstMatch(of: expected, in: prose ? prepared.capitalStates : prepared.states) { _ in true }
        case .flags:
            guard let expected = TCPFlags(parsing: answer.replacingOccurrences(of: " ", with: "")) else { return false }
            return prepared.flags.contains(expected)
        case .number: return revealsNumber(prepared.numbers, answer)
        case .text: return containsPhrase(prepared.folded, answer)
        case .choice(let choices):
            guard containsPhrase(prepared.folded, answer) else { return false }
            return !choices.allSatisfy { containsPhrase(prepared.folded, $0) }
        }
    }
}
