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

    /// Reads `text` once, for answers of every kind.
    public init(_ text: String) { self.init(text, for: nil, prose: false) }

    /// Reads only the parts of `text` that answers of `kind` (every kind when nil) are looked for in.
    init(_ text: String, for kind: AnswerKind?, prose: Bool) {
        func wanted(_ part: AnswerKind?) -> Bool {
            guard let kind, let part else { return true }
            switch (kind, part) {
            case (.state, .state), (.flags, .flags), (.number, .number), (.text, .text), (.choice, .choice),
                 (.text, .choice), (.choice, .text): return true
            default: return false
            }
        }
        self.text = text
        numbers = wanted(.number(tolerance: 0)) ? AnswerGiveaway.numbers(in: text) : []
        let stateKind = wanted(.state)
        states = stateKind && (kind == nil || !prose) ? AnswerGiveaway.states(in: text) : []
        capitalStates = stateKind && (kind == nil || prose) ? AnswerGiveaway.states(in: AnswerGiveaway.capitalWords(text)) : []
        flags = wanted(.flags) ? text.split(whereSeparator: { !($0.isLetter || $0 == "|" || $0 == "+") })
            .compactMap { TCPFlags(parsing: String($0)) } : []
        folded = wanted(.text) ? Array(AnswerChecker.fold(text)) : []
    }
}

extension AnswerGiveaway {
    /// True when the text (read once beforehand) contains `answer`, read as an answer of `kind`; the
    /// rules are `reveals(_:answer:kind:prose:)`'s.
    public static func reveals(_ prepared: PreparedText, answer: String, kind: AnswerKind, prose: Bool = false) -> Bool {
        if prose {
            switch kind {
            case .state, .flags: break
            case .number: return revealsNumber(prepared.numbers, answer)
            case .choice, .text:
                // Role words such as "client" or "both" are everyday prose; a choice counts there
                // only when it is a phrase or written in capitals (EADDRNOTAVAIL).
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
            // Naming every option is a neutral list, not a give-away.
            return !choices.allSatisfy { containsPhrase(prepared.folded, $0) }
        }
    }
}
