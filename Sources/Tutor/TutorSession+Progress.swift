import Rendering
import Foundation
import Lessons
import SocketLab
import TCPModel

/// The learner's progress as a summary or an exported file, and the right answer of each question
/// for this learner's variant.
extension TutorSession {
    // MARK: - Progress

    /// A summary of every lesson's progress.
    public func progressSummary() -> [TutorLine] {
        let report = ProgressReport(catalog: catalog, progress: progress)
        var out: [TutorLine] = []
        for entry in report.lessons {
            var line = "\(entry.status.mark) \(entry.id): "
            if entry.status == .notStarted {
                line += UIText.text("progress.not-started")
            } else {
                line += UIText.text("progress.step", String(entry.step + 1), String(entry.steps),
                                    AnswerVocabulary.format(entry.score), AnswerVocabulary.format(entry.maxScore))
                line += UIText.text("progress.solved", String(entry.solved), String(entry.questions.count))
                if entry.hintsUsed > 0 { line += UIText.text("progress.hints", String(entry.hintsUsed)) }
                if entry.skipped > 0 { line += UIText.text("progress.skipped", String(entry.skipped)) }
                if entry.revealed > 0 { line += UIText.text("progress.revealed", String(entry.revealed)) }
                line += UIText.text("progress.minutes", AnswerVocabulary.format((entry.secondsSpent / 60).rounded(.down)))
            }
            out.append(.plain(line))
        }
        out.append(.note(UIText.text("progress.total", AnswerVocabulary.format(report.score), AnswerVocabulary.format(report.maxScore),
                                     store?.url.path ?? UIText.text("progress.memory-only"))))
        return out
    }

    /// Writes the progress report as JSON to a file.
    public func exportProgress(to url: URL) -> [TutorLine] {
        do {
            let data = try ProgressReport(catalog: catalog, progress: progress).json()
            try AtomicFileWriter.write(data, to: url)
            return [.success(UIText.text("progress.exported", url.path))]
        } catch {
            return [.error(UIText.text("progress.export-failed", url.path, ErrorText.plain(error)))]
        }
    }

    // MARK: - The expected answer

    /// The canonical answer of a question (parameters from the practice variant).
    public mutating func expectedAnswer(_ question: Question) throws -> String {
        try decidedAnswer(question).text
    }

    /// The answer with the run that decided it, computed once per question and kept, so the evidence
    /// shown after an answer reuses that run.
    public mutating func decidedAnswer(_ question: Question) throws -> ExpectedAnswer {
        if let cached = expectedCache[question.id] { return cached }
        let values = variant(for: question)?.values ?? [:]
        let answer = try services.expectedAnswer(question, values, library)
        expectedCache[question.id] = answer
        return answer
    }

    /// The practice variant of a question with parameters.
    public func variant(for question: Question) -> Variant? {
        guard !question.params.isEmpty else { return nil }
        return VariantGenerator(secret: nil).variant(for: question, student: VariantGenerator.practiceStudent)
    }

    /// The question with `{name}` placeholders filled from its practice variant.
    public func fill(_ question: Question) -> Question {
        guard let variant = variant(for: question) else { return question }
        return question.filled(with: variant.values)
    }
}
