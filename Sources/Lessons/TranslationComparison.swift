import Foundation
import TCPModel

/// Compares a translated question with its English original: the same kind of answer, the same
/// parameters, points and number of choices, and the same computed answer (for a choice, the same
/// position in the list; for a state, number or flags, an answer the English question accepts).
/// A translation may reword everything except what is graded.
public enum TranslationComparison {
    /// What differs, one sentence each; empty when the translation grades like the original.
    public static func problems(_ translated: Question, original: Question, scenarios: ScenarioLibrary) -> [String] {
        var problems: [String] = []
        if translated.answerKind.name != original.answerKind.name {
            problems.append("question '\(translated.shortID)' takes a \(translated.answerKind.name) answer; the English one takes a \(original.answerKind.name)")
            return problems
        }
        if translated.params != original.params {
            problems.append("question '\(translated.shortID)' has other parameters than the English one; variants would differ")
        }
        if translated.points != original.points {
            problems.append("question '\(translated.shortID)' is worth \(translated.points) points; the English one \(original.points)")
        }
        if case .choice(let mine) = translated.answerKind, case .choice(let theirs) = original.answerKind, mine.count != theirs.count {
            problems.append("question '\(translated.shortID)' has \(mine.count) choices; the English one \(theirs.count)")
            return problems
        }
        var lowest: [String: Double] = [:]
        for parameter in original.params { lowest[parameter.name] = parameter.range.lowerBound }
        guard let mine = try? AnswerOracle.expected(for: translated, parameters: lowest, scenarios: scenarios),
              let theirs = try? AnswerOracle.expected(for: original, parameters: lowest, scenarios: scenarios) else {
            return problems  // lint reports an answer that cannot be computed on its own
        }
        let same: Bool
        switch (translated.answerKind, original.answerKind) {
        case (.choice(let myChoices), .choice(let theirChoices)):
            same = position(of: mine, in: myChoices) == position(of: theirs, in: theirChoices)
        case (.text, _):
            same = true  // free text is worded in each language
        default:
            same = AnswerChecker.check(mine, against: theirs, kind: original.answerKind) == .correct
        }
        if !same {
            problems.append("question '\(translated.shortID)' computes '\(mine)' where the English one computes '\(theirs)'")
        }
        return problems
    }

    static func position(of answer: String, in choices: [String]) -> Int? {
        choices.firstIndex { AnswerChecker.fold($0) == AnswerChecker.fold(answer) }
    }
}
