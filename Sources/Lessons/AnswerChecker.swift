import Foundation
import TCPModel

/// Compares answers the same way everywhere (shell, quiz papers, grading).
///
/// States are accepted in any usual spelling (`time-wait`, `TIME_WAIT`), flags in any order and
/// separator (`ack fin`, `FIN|ACK`), numbers with units or approximation marks (`~470/s`), choices
/// and text without regard to case or spacing. An answer of the wrong shape is `.invalid`, with a
/// message saying what to type instead; it is never counted as a wrong attempt by itself.
public enum AnswerChecker {
    /// Grades `given` against the canonical `expected` answer.
    public static func check(_ given: String, against expected: String, kind: AnswerKind) -> Verdict {
        let trimmed = AnswerAliases.normalize(given, kind: kind)  // Chinese names and full-width input
        guard !trimmed.isEmpty else { return .invalid("the answer is empty; type \(kind.inputHint)") }
        switch kind {
        case .state: return checkStates(trimmed, expected)
        case .flags: return checkFlags(trimmed, expected)
        case .number(let tolerance): return checkNumber(trimmed, expected, tolerance)
        case .choice(let choices): return checkChoice(trimmed, expected, choices)
        case .text: return fold(trimmed) == fold(expected) ? .correct : .wrong
        }
    }

    /// Grades `given` for a question: against the canonical `expected` answer and, for a key with
    /// several accepted answers, against each of them.
    public static func check(_ given: String, question: Question, expected: String) -> Verdict {
        let verdict = check(given, against: expected, kind: question.answerKind)
        guard verdict != .correct else { return .correct }
        for alternative in question.alternativeAnswers
        where check(given, against: alternative, kind: question.answerKind) == .correct {
            return .correct
        }
        return verdict
    }

    /// Lower case, runs of white space folded to one space, trimmed.
    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Splits a list of states written with spaces, commas or arrows.
    static func stateTokens(_ text: String) -> [String] {
        var cleaned = text
        for arrow in ["->", "→", "=>", ">", ",", ";"] { cleaned = cleaned.replacingOccurrences(of: arrow, with: " ") }
        return cleaned.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    private static func checkStates(_ given: String, _ expected: String) -> Verdict {
        let expectedStates = stateTokens(expected).compactMap(TCPState.init(parsing:))
        // A single state may be typed with a space: "time wait", "fin wait 2".
        if expectedStates.count <= 1, let state = TCPState(parsing: given) {
            return expectedStates == [state] ? .correct : .wrong
        }
        var states: [TCPState] = []
        for token in stateTokens(given) {
            guard let state = TCPState(parsing: token) else {
                return .invalid("'\(token)' is not a TCP state; try a name such as TIME_WAIT, FIN_WAIT_2 or CLOSE_WAIT")
            }
            states.append(state)
        }
        return states == expectedStates ? .correct : .wrong
    }

    private static func parseFlags(_ text: String) -> TCPFlags? {
        let normalized = text.split(whereSeparator: { $0.isWhitespace || $0 == "/" }).joined(separator: "|")
        return TCPFlags(parsing: normalized)
    }

    private static func checkFlags(_ given: String, _ expected: String) -> Verdict {
        guard let flags = parseFlags(given) else {
            return .invalid("'\(given)' is not a set of TCP flags; write them like FIN|ACK (SYN, FIN, RST, PSH, ACK)")
        }
        guard let want = parseFlags(expected) else { return .wrong }
        return flags == want ? .correct : .wrong
    }

    private static func checkNumber(_ given: String, _ expected: String, _ tolerance: Double) -> Verdict {
        guard let value = NumberReader.read(given) else {
            return .invalid("'\(given)' is not a number; type digits, for example 470")
        }
        guard let want = NumberReader.read(expected) else { return .wrong }
        // A tiny slack so that 1/3 typed as 0.333 is right when the tolerance is 0.
        let slack = max(abs(tolerance), abs(want) * 1e-9, 0.0005)
        return abs(value - want) <= slack ? .correct : .wrong
    }

    private static func checkChoice(_ given: String, _ expected: String, _ choices: [String]) -> Verdict {
        let folded = fold(given)
        guard !choices.isEmpty else { return folded == fold(expected) ? .correct : .wrong }
        var picked = choices.first { fold($0) == folded }
        // A choice may also be picked by its number or letter as listed: `2`, `b`.
        if picked == nil, let number = Int(folded), (1...choices.count).contains(number),
           !choices.contains(where: { Int(fold($0)) != nil }) {
            picked = choices[number - 1]
        }
        if picked == nil, folded.count == 1, let letter = folded.unicodeScalars.first,
           letter.value >= 97, Int(letter.value) - 97 < choices.count,
           !choices.contains(where: { fold($0).count == 1 }) {
            picked = choices[Int(letter.value) - 97]
        }
        guard let choice = picked else {
            return .invalid("'\(given)' is not one of the choices: \(choices.joined(separator: ", "))")
        }
        return fold(choice) == fold(expected) ? .correct : .wrong
    }
}
