import Foundation
import TCPModel

/// Compares answers the same way everywhere (shell, quiz papers, grading).
///
/// States are accepted in any usual spelling (`time-wait`, `TIME_WAIT`), flags in any order and
/// separator (`ack fin`, `FIN|ACK`), numbers with units, marks or suffixes (`~470/s`, `60k`,
/// `96 000`, `0x06`; `240 s` for a question in minutes is converted), choices by name, number,
/// letter or unique prefix, and text without regard to case or spacing. Flags that differ from the
/// answer only in the ACK bit are a `.nearMiss` with the rule that decides it. An answer of the wrong
/// shape is `.invalid`, with a message that says what to type without naming any candidate answer.
public enum AnswerChecker {
    /// Grades `given` against the canonical `expected` answer.
    public static func check(_ given: String, against expected: String, kind: AnswerKind) -> Verdict {
        let trimmed = AnswerAliases.normalize(given, kind: kind)  // Chinese names and full-width input
        guard !trimmed.isEmpty else { return .invalid("the answer is empty; type \(kind.inputHint)") }
        switch kind {
        case .state: return checkStates(trimmed, expected)
        case .flags: return checkFlags(trimmed, expected)
        case .number(let tolerance): return checkNumber(trimmed, expected, NumberRule(absolute: tolerance))
        case .choice(let choices): return checkChoice(trimmed, expected, choices)
        case .text: return fold(trimmed) == fold(expected) ? .correct : .wrong
        }
    }

    /// Grades `given` for a question: against the canonical `expected` answer and, for a key with
    /// several accepted answers, against each of them.
    /// Numbers follow the question's own rule: its relative tolerance ("roughly") and the unit of
    /// time its wording asks for.
    public static func check(_ given: String, question: Question, expected: String) -> Verdict {
        func one(_ answer: String) -> Verdict {
            guard case .number(let tolerance) = question.answerKind else {
                return check(given, against: answer, kind: question.answerKind)
            }
            let trimmed = given.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .invalid("the answer is empty; type \(question.answerKind.inputHint)") }
            let rule = NumberRule(absolute: tolerance, relative: question.relativeTolerance ?? 0,
                                  unit: AnswerUnit.asked(by: question.prompt))
            return checkNumber(trimmed, answer, rule)
        }
        let verdict = one(expected)
        guard verdict != .correct else { return .correct }
        for alternative in question.alternativeAnswers where one(alternative) == .correct {
            return .correct
        }
        return verdict
    }

    /// How close a number must be, and in which unit of time the question counts.
    struct NumberRule {
        var absolute: Double
        var relative: Double = 0
        var unit: AnswerUnit?
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
                return .invalid("'\(token)' is not the name of a TCP state; write a state's name, with `_`, `-` or a space between its words")
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
            return .invalid("'\(given)' is not a set of TCP flags; write flag names from SYN, FIN, RST, PSH and ACK, joined by |")
        }
        guard let want = parseFlags(expected) else { return .wrong }
        if flags == want { return .correct }
        if let reply = FlagsNearMiss.reply(given: flags, expected: want) { return .nearMiss(reply) }
        return .wrong
    }

    private static func checkNumber(_ given: String, _ expected: String, _ rule: NumberRule) -> Verdict {
        guard let (read, givenUnit) = NumberReader.readQuantity(given) else {
            return .invalid("'\(given)' is not a number; type it in digits (a unit, `k` or `0x` for hex may follow or lead)")
        }
        guard let want = NumberReader.read(expected) else { return .wrong }
        var value = read
        // `240 s` for a question in minutes: convert to the question's unit.
        if let givenUnit, let unit = rule.unit, givenUnit != unit {
            value = read * givenUnit.seconds / unit.seconds
        }
        // A tiny slack so that 1/3 typed as 0.333 is right when the tolerance is 0.
        let slack = max(abs(rule.absolute), abs(want) * max(rule.relative, 1e-9), 0.0005)
        return abs(value - want) <= slack ? .correct : .wrong
    }

    /// The choice a typed answer picks (by its words, a unique prefix, its number or letter), or nil.
    public static func pickedChoice(_ given: String, from choices: [String]) -> String? {
        if case .success(let choice) = ChoicePicker.pick(given, from: choices) { return choice }
        return nil
    }

    private static func checkChoice(_ given: String, _ expected: String, _ choices: [String]) -> Verdict {
        guard !choices.isEmpty else { return fold(given) == fold(expected) ? .correct : .wrong }
        switch ChoicePicker.pick(given, from: choices) {
        case .success(let choice):
            return fold(choice) == fold(expected) ? .correct : .wrong
        case .failure(let failure) where failure.ambiguous.count > 1:
            return .invalid("'\(given)' could mean \(failure.ambiguous.joined(separator: " or ")); type a little more of the choice")
        case .failure:
            return .invalid("'\(given)' is not one of the choices: \(choices.joined(separator: ", "))")
        }
    }
}
