import Foundation

/// Finds the choice a learner meant: the choice itself in any case or spacing, its number (`2`) or
/// letter (`b`) as listed, or a prefix of two or more characters that only one choice starts with
/// (`out` for `outgoing`).
enum ChoicePicker {
    /// The picked choice, or a message saying why none could be picked (it names only the choices,
    /// which the question shows anyway).
    static func pick(_ given: String, from choices: [String]) -> Result<String, PickFailure> {
        let folded = AnswerChecker.fold(given)
        let squashed = squash(given)
        if let exact = choices.first(where: { AnswerChecker.fold($0) == folded || squash($0) == squashed }) {
            return .success(exact)
        }
        var candidates: [String] = []
        if let number = Int(folded), choices.indices.contains(number - 1),
           !choices.contains(where: { Int(AnswerChecker.fold($0)) != nil }) {
            candidates.append(choices[number - 1])
        }
        if folded.count == 1, let letter = folded.unicodeScalars.first, letter.value >= 97,
           Int(letter.value) - 97 < choices.count {
            candidates.append(choices[Int(letter.value) - 97])
        }
        // One character is a position; a prefix needs at least two.
        if squashed.count > 1 {
            candidates += choices.filter { squash($0).hasPrefix(squashed) }
        }
        var unique: [String] = []
        for candidate in candidates where !unique.contains(candidate) { unique.append(candidate) }
        if unique.count == 1 { return .success(unique[0]) }
        return .failure(PickFailure(ambiguous: unique))
    }

    /// Why no choice was picked: nothing matched, or several did.
    struct PickFailure: Error {
        var ambiguous: [String]
    }

    /// Lower case with every space, `-` and `_` removed.
    static func squash(_ text: String) -> String {
        String(text.lowercased().filter { !($0.isWhitespace || $0 == "-" || $0 == "_") })
    }
}
