import Rendering
import Foundation
import Lessons
import SocketLab
import TCPModel

/// Showing a lesson's steps: entering one, its blocks, a resolved question's summary and evidence,
/// the end of a lesson, and the session's small messages.
extension TutorSession {
    // MARK: - Showing steps

    var evidenceBuilder: SimulationEvidence {
        SimulationEvidence(library: library, services: services, style: DiagramStyle(width: width, useColor: useColor))
    }

    func clampStep(_ step: Int, in lesson: Lesson) -> Int {
        max(0, min(step, lesson.steps.count - 1))
    }

    /// Shows the current step from its first block.
    mutating func enterStep(_ lesson: Lesson) -> [TutorLine] {
        pendingQuestion = nil
        pendingLabs = []
        resumeBlock = 0
        guard lesson.steps.indices.contains(stepIndex) else {
            return [.error(UIText.text("tutor.no-steps", lesson.id))]
        }
        let step = lesson.steps[stepIndex]
        var out: [TutorLine] = []
        if !step.title.isEmpty { out.append(.heading("\(stepIndex + 1)/\(lesson.steps.count) · \(step.title)")) }
        return out + renderBlocks(lesson)
    }

    /// Shows blocks from `resumeBlock` until a question waits or the step ends.
    mutating func renderBlocks(_ lesson: Lesson) -> [TutorLine] {
        let step = lesson.steps[stepIndex]
        var out: [TutorLine] = []
        while resumeBlock < step.blocks.count {
            let block = step.blocks[resumeBlock]
            resumeBlock += 1
            switch block {
            case .text(let text):
                out.append(.prose(text))
            case .sim(let sim):
                out += evidenceBuilder.lines(for: sim)
            case .lab(let lab):
                if mode == .review { continue }
                pendingLabs.append(lab)
                if let caption = lab.caption, !caption.isEmpty { out.append(.prose(caption)) }
                out.append(.note(UIText.text("tutor.lab-offer", lab.experiment, UIText.text(ExperimentCatalog.summaryText(of: lab.experiment)))))
            case .question(let question):
                let filled = fill(question)
                let record = progress[lesson: lesson.id].questions[question.id] ?? QuestionProgress()
                if record.isResolved || mode == .review {
                    out.append(.question(filled.prompt))
                    out += resolvedSummary(filled, record: record)
                    continue
                }
                pendingQuestion = question
                questionShownAt = now()
                out.append(.question(filled.prompt))
                out.append(.note(UIText.text("tutor.answer-shape", AnswerVocabulary.shape(of: question.answerKind)) + UIText.sentenceGap()
                             + HintLadder(hints: question.hints, used: record.hintsUsed).offer))
                return out
            }
        }
        out.append(.note(UIText.text(stepIndex + 1 < lesson.steps.count ? "tutor.next"
                                     : (mode == .review ? "tutor.end-of-lesson" : "tutor.next.finish"))))
        return out
    }

    /// Marks the waiting question done and shows the rest of the step.
    mutating func resolve(_ lesson: Lesson) -> [TutorLine] {
        pendingQuestion = nil
        questionShownAt = nil
        return renderBlocks(lesson)
    }

    mutating func resolvedSummary(_ question: Question, record: QuestionProgress) -> [TutorLine] {
        var how: String
        if record.solved { how = UIText.text("review.solved") }
        else if record.revealed { how = UIText.text("review.revealed") }
        else if record.skipped { how = UIText.text("review.skipped") }
        else if record.missed { how = UIText.text("review.missed") }
        else { how = UIText.text("review.unanswered") }
        if let last = record.lastAnswer { how += UIText.text("review.your-answer", last) }
        var out: [TutorLine] = [.note("— \(how)")]
        if let expected = try? expectedAnswer(question) { out.append(.plain(UIText.text("review.answer", expected))) }
        if !question.explain.isEmpty { out.append(.prose(question.explain)) }
        return out
    }

    mutating func evidence(_ question: Question, expected: String, fullDiagram: Bool = true) -> [TutorLine] {
        var out: [TutorLine] = []
        if let decided = try? decidedAnswer(question) {
            out = evidenceBuilder.lines(for: question.source, decided: decided, fullDiagram: fullDiagram)
        }
        if !question.explain.isEmpty { out.append(.prose(question.explain)) }
        return out
    }

    mutating func finish(_ lesson: Lesson) -> [TutorLine] {
        if mode == .review {
            return [.note(UIText.text("tutor.end-of-review"))]
        }
        var out: [TutorLine] = []
        progress[lesson: lesson.id].finished = now()
        progress.currentLesson = nil
        save(into: &out)
        let report = ProgressReport(catalog: catalog, progress: progress)
        let entry = report.lessons.first { $0.id == lesson.id }
        out.append(.success(UIText.text("tutor.finished", lesson.title, AnswerVocabulary.format(entry?.score ?? 0),
                                        AnswerVocabulary.format(entry?.maxScore ?? 0))))
        let headers = catalog.headers
        if let index = headers.firstIndex(where: { $0.id == lesson.id }), index + 1 < headers.count {
            out.append(.note(UIText.text("tutor.next-lesson", headers[index + 1].id)))
        } else {
            out.append(.note(UIText.text("tutor.last-lesson")))
        }
        lessonID = nil
        pendingQuestion = nil
        pendingLabs = []
        return out
    }

    mutating func elapsed() -> Double {
        guard let shown = questionShownAt else { return 0 }
        let seconds = now().timeIntervalSince(shown)
        questionShownAt = now()
        return max(0, min(seconds, 30 * 60))
    }

    func save(into out: inout [TutorLine]) {
        guard let store else { return }
        do { try store.save(progress) } catch {
            out.append(.error(UIText.text("progress.not-saved", ErrorText.plain(error))))
        }
    }

    func unknownLesson(_ id: String) -> [TutorLine] {
        let ids = catalog.headers.map(\.id)
        return [.error(UIText.text("tutor.unknown-lesson", id, ids.isEmpty ? UIText.text("tutor.unknown-lesson.none") : ids.joined(separator: ", ")))]
    }

    func noLesson() -> [TutorLine] {
        [.error(UIText.text("tutor.not-in-lesson"))]
    }

    func noQuestion() -> [TutorLine] {
        [.error(UIText.text(lesson == nil ? "tutor.no-question" : "tutor.no-question.here"))]
    }
}
