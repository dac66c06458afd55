import Foundation
import Lessons
import TCPModel

/// Exports questions as Moodle GIFT: states, choices and flags as multiple choice, true/false choices
/// as `{T}`/`{F}`, numbers as numerical with tolerance (`{#60:5}`), free-text keys as short answer.
/// A number whose spelling matters (a leading zero such as `06`, or hex such as `0A`) is exported as
/// short answer with that exact text, because a numerical question would turn `06` into `6`.
///
/// GIFT has no per-student variants, so a question with parameters is exported with every parameter
/// at the lower bound of its range (and says so in its feedback).
public struct GIFTExporter {
    /// The grader whose questions are exported and whose authority computes the right answers.
    public let grader: QuizGrader

    /// Common wrong flag sets offered beside the right one.
    static let flagChoices = ["SYN", "SYN|ACK", "ACK", "FIN", "FIN|ACK", "RST", "RST|ACK"]

    /// An exporter of the grader's questions.
    public init(grader: QuizGrader) { self.grader = grader }

    /// The GIFT text for every question of the grader, and a message for each one that could not be
    /// exported (a broken lesson).
    public func export() -> (text: String, problems: [String]) {
        var blocks = ["// twlab quiz questions in Moodle GIFT format (UTF-8). Import: Question bank > Import > GIFT."]
        var problems: [String] = []
        var lesson = ""
        for question in grader.questions {
            if question.lessonID != lesson {
                lesson = question.lessonID
                blocks.append("$CATEGORY: twlab/\(lesson)")
            }
            let values = Dictionary(question.params.map { ($0.name, $0.range.lowerBound) }, uniquingKeysWith: { a, _ in a })
            let variant = Variant(id: "lower-bounds", values: values)
            switch grader.expected(for: question, variant: variant) {
            case .failure(let error):
                problems.append("\(question.location): question \(question.id): not exported: \(error.message)")
            case .success(let expected):
                blocks.append(block(for: question, expected: expected, values: values))
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", problems)
    }

    /// One question in GIFT.
    public func block(for unfilled: Question, expected: String, values: [String: Double]) -> String {
        let question = unfilled.filled(with: values)
        let prompt = Self.escaped(question.prompt)
        var feedback = question.explain
        if !values.isEmpty {
            let list = unfilled.substitutions(for: values).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            feedback = "(Exported with \(list).) " + feedback
        }
        let trimmed = feedback.trimmingCharacters(in: .whitespacesAndNewlines)
        let general = trimmed.isEmpty ? "" : "\n\t####" + Self.escaped(trimmed)
        let head = "::\(Self.escaped(question.id))::[markdown]\(prompt) "
        let check = grader.authority.check
        func isRight(_ option: String) -> Bool { check(option, expected, question) == .correct }
        func multipleChoice(_ options: [String]) -> String {
            var seen = Set<String>()
            var parts = [("=" + Self.escaped(expected))]
            seen.insert(expected.lowercased())
            for option in options where !isRight(option) && seen.insert(option.lowercased()).inserted {
                parts.append("~" + Self.escaped(option))
            }
            return "{\n\t" + parts.joined(separator: "\n\t") + general + "\n}"
        }
        switch question.answerKind {
        case .state where expected.contains(" ") || expected.contains(">") || expected.contains(","):
            // A sequence of states: short answer, in the canonical spelling.
            return head + "{=" + Self.escaped(expected) + general + (general.isEmpty ? "" : "\n") + "}"
        case .state:
            return head + multipleChoice(TCPState.allCases.map(\.name))
        case .flags:
            return head + multipleChoice(Self.flagChoices)
        case .choice(let choices):
            let lowered = Set(choices.map { $0.lowercased() })
            if lowered == ["true", "false"] {
                return head + "{\(isRight("true") ? "T" : "F")\(general)\(general.isEmpty ? "" : "\n")}"
            }
            return head + multipleChoice(choices)
        case .number(let tolerance):
            let text = expected.trimmingCharacters(in: .whitespaces)
            if let spellings = Self.exactSpellings(ofNumber: text) {
                let parts = spellings.map { "=" + Self.escaped($0) }
                return head + "{" + parts.joined(separator: " ") + general + (general.isEmpty ? "" : "\n") + "}"
            }
            let value = Double(text) ?? 0
            return head + "{#\(QuizText.number(value)):\(QuizText.number(tolerance))\(general)\(general.isEmpty ? "" : "\n")}"
        case .text:
            var accepted = [expected]
            if case .key(let keys) = question.source { accepted += keys }
            var seen = Set<String>()
            let parts = accepted.filter { seen.insert($0.lowercased()).inserted }.map { "=" + Self.escaped($0) }
            return head + "{" + parts.joined(separator: " ") + general + (general.isEmpty ? "" : "\n") + "}"
        }
    }

    /// The short-answer spellings of a number whose written form a numerical question would lose, or nil
    /// for an ordinary number. A leading zero (`06`) keeps its text and adds the plain decimal value the
    /// grader also accepts (`6`); hex (`0A`, `1f`, `0x1F`) keeps only its exact text.
    static func exactSpellings(ofNumber text: String) -> [String]? {
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let characters = Array(unsigned)
        let isHex = unsigned.lowercased().hasPrefix("0x")
            || (Double(text) == nil && !characters.isEmpty && characters.allSatisfy(\.isHexDigit))
        if isHex { return [text] }
        let hasLeadingZero = characters.count >= 2 && characters[0] == "0" && characters[1].isASCII && characters[1].isNumber
        guard hasLeadingZero else { return nil }
        guard let value = Double(text) else { return [text] }
        let plain = QuizText.number(value)
        return plain == text ? [text] : [text, plain]
    }

    /// GIFT text with `~ = # { } :` and backslash escaped and line breaks written as `\n`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(character)
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }
}
