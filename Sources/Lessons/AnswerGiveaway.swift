import Foundation
import TCPModel

/// Decides whether a text (a hint or a question's prompt) names a question's answer outright.
///
/// A hint should narrow the search, not end it. The text gives the answer away when it contains the
/// answer as a whole word: a state in any spelling (`TIME_WAIT`, `time-wait`, `time wait`), the same
/// set of flags, the same number, or the same choice or text, ignoring case. Two exceptions keep
/// honest texts legal: the bare word "close" is the verb, not the state CLOSED, and a text that names
/// every choice of a choice question (`(yes/no)`) lists the options without picking one.
public enum AnswerGiveaway {
    /// True when `text` contains `answer`, read as an answer of `kind`.
    ///
    /// In running prose (`prose: true`: a step's text, a summary, a reply to a mistake) a state counts
    /// only when written in capitals, as lessons write states: "closed" there is the verb or adjective,
    /// CLOSED the state. A one-word choice in lower case ("client", "both") is not looked for there.
    public static func reveals(_ text: String, answer: String, kind: AnswerKind, prose: Bool = false) -> Bool {
        // One decision, made on the text's parts (see `PreparedText`), which the linter reads once
        // for many answers.
        reveals(PreparedText(text, for: kind, prose: prose), answer: answer, kind: kind, prose: prose)
    }

    // MARK: Words

    /// The words of a text: runs of letters, digits, `_` and `-`.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            .compactMap { word -> String? in
                // Dashes around a word are punctuation ("-- like this"), not part of it.
                guard let first = word.firstIndex(where: { $0 != "-" }),
                      let last = word.lastIndex(where: { $0 != "-" }) else { return nil }
                return String(word[first...last])
            }
    }

    /// True when `phrase` occurs in the folded text with no letter, digit or `_` directly around it (case-insensitive).
    static func containsPhrase(_ haystack: [Character], _ phrase: String) -> Bool {
        let needle = AnswerChecker.fold(phrase)
        guard !needle.isEmpty else { return false }
        let target = Array(needle)
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        return LinearSearch.firstMatch(of: target, in: haystack) { start in
            let end = start + target.count
            let before = start > 0 ? haystack[start - 1] : nil
            let after = end < haystack.count ? haystack[end] : nil
            // "4.12" must not match inside "4.12.1": a dot followed by a digit continues the word.
            let continues = after == "." && end + 1 < haystack.count && haystack[end + 1].isNumber
            return !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false) && !continues
        }
    }

    // MARK: States

    /// The text with every word that is not all capitals (digits, `_` and `-` allowed) blanked out.
    static func capitalWords(_ text: String) -> String {
        let kept = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> Substring in
            let letters = word.filter(\.isLetter)
            return !letters.isEmpty && letters.allSatisfy(\.isUppercase) ? word : "·"
        }
        return kept.joined(separator: " ")
    }

    /// The states named in a text, in order; a state written as two or three words counts once.
    static func states(in text: String) -> [TCPState] {
        let words = words(text)
        var states: [TCPState] = []
        var index = 0
        while index < words.count {
            guard mayBeginState(words[index]) else {
                index += 1
                continue
            }
            var matched = false
            for length in [3, 2, 1] where index + length <= words.count {
                let candidate = words[index..<(index + length)].joined(separator: "_")
                // The bare verb "close" is not the state CLOSED.
                if length == 1, candidate.lowercased() == "close" { continue }
                if let state = TCPState(parsing: candidate) {
                    states.append(state)
                    index += length
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return states
    }

    /// Every spelling `TCPState(parsing:)` accepts, upper-cased without `_`, `-` and spaces.
    private static let stateKeys = ["CLOSED", "CLOSE", "LISTEN", "SYNSENT", "SYNRECEIVED", "SYNRECV", "SYNRCVD",
                                    "ESTABLISHED", "ESTAB", "FINWAIT1", "FINWAIT2", "CLOSEWAIT", "CLOSING",
                                    "LASTACK", "TIMEWAIT"]

    /// False when no state can start with this word, so that most words of a long text are passed
    /// over without building and parsing the two- and three-word candidates.
    static func mayBeginState(_ word: String) -> Bool {
        // Every state starts with one of these letters: most words end here, without a copy.
        guard word.utf8.count <= 16, let first = word.utf8.first,
              "CLSEFTclseft".utf8.contains(first) else { return false }
        let key = word.uppercased().filter { $0 != "_" && $0 != "-" }
        return !key.isEmpty && stateKeys.contains { $0.hasPrefix(key) }
    }

    // MARK: Flags and numbers

    /// The numbers written in a text with digits: `60`, `28,232`, `4.12`, `0.5`. Words such as
    /// `0x176E` or `4.x` are not numbers.
    static func numbers(in text: String) -> [Double] {
        let pieces = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == ",") })
        return pieces.compactMap { piece in
            let word = piece.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
            return NumberReader.read(word)
        }
    }

    static func revealsNumber(_ numbers: [Double], _ answer: String) -> Bool {
        guard let expected = NumberReader.read(answer) else { return false }
        return numbers.contains { abs($0 - expected) <= max(abs(expected) * 1e-12, 1e-12) }
    }
}
