import Foundation
import Lessons

/// A student's quiz paper: the selected questions with that student's parameter values filled in,
/// printable as text or as an answers-file template to fill in.
public struct QuizPaper: Sendable {
    /// The student the variants are made for.
    public var student: String
    /// True when the practice seed made the variants.
    public var isPractice: Bool
    /// The lessons, in order, each with its questions and their variants.
    public var lessons: [(lesson: Lesson, questions: [(question: Question, variant: Variant)])]

    /// The paper of these lessons for this student.
    public init(lessons: [Lesson], student: String, generator: VariantGenerator) {
        self.student = student
        self.isPractice = generator.isPractice
        self.lessons = lessons.map { lesson in
            // A question worth nothing (one a live lab checks) is practice only, so no paper asks it.
            (lesson, lesson.questions.filter { $0.points > 0 }.map { ($0, generator.variant(for: $0, student: student)) })
        }
    }

    /// How to write an answer of this kind.
    public static func answerHint(_ kind: AnswerKind) -> String {
        switch kind {
        case .state: return "a TCP state name, written like SYN_SENT"
        case .choice(let choices): return "one of: " + choices.joined(separator: ", ")
        case .number(let tolerance):
            return tolerance > 0 ? "a number (within ±\(QuizText.number(tolerance)) counts)" : "a number"
        case .flags: return "TCP flags, written like SYN|ACK or [SYN, ACK]"
        case .text: return "a short answer"
        }
    }

    /// The paper as readable text.
    public func text() -> String {
        var lines = ["twlab quiz for \(QuizText.visible(student))"]
        if isPractice { lines.append("Note: practice variants (no --secret-file); the graded quiz may use other numbers.") }
        var number = 0
        for (lesson, questions) in lessons where !questions.isEmpty {
            lines.append("")
            lines.append("== \(lesson.title) (\(lesson.id))")
            for (question, variant) in questions {
                number += 1
                lines.append("")
                let points = question.points == 1 ? "1 point" : "\(QuizText.number(question.points)) points"
                lines.append("\(number). [\(question.id), \(points), variant \(variant.id)]")
                lines.append(question.renderedPrompt(parameters: variant.values).trimmingCharacters(in: .whitespacesAndNewlines))
                lines.append("   Answer: " + Self.answerHint(question.answerKind))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An answers file to fill in: YAML with each question as a comment above its empty answer.
    public func template() -> String {
        var lines = ["# twlab answers file. Fill in each answer after the colon, then hand it in."]
        // Only a practice file can be checked without the course secret; a graded one would be
        // checked against the practice numbers and look wrong.
        if isPractice {
            lines.append("# Grade it yourself with: twlab quiz grade THIS-FILE")
            lines.append("# Practice variants (no course secret); the graded quiz may use other numbers.")
        }
        lines.append("student: " + TAPReportWriter.yamlQuoted(student))
        lines.append("lessons: [" + lessons.map { TAPReportWriter.yamlQuoted($0.lesson.id) }.joined(separator: ", ") + "]")
        lines.append("answers:")
        for (_, questions) in lessons {
            for (question, variant) in questions {
                let prompt = question.renderedPrompt(parameters: variant.values)
                for line in prompt.split(separator: "\n", omittingEmptySubsequences: true) {
                    lines.append("  # " + QuizText.visible(String(line)))
                }
                lines.append("  # Answer: \(Self.answerHint(question.answerKind)) (variant \(variant.id))")
                lines.append("  \(TAPReportWriter.yamlQuoted(question.id)):")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
