import Rendering
import Foundation
import Lessons
import SocketLab
import TCPModel

/// A learner's walk through the lessons: where they are, what question waits, and their progress.
///
/// The session has no user interface. Each command returns `TutorLine`s to show (see
/// `StepRenderer`), and every change to progress is saved at once through the `ProgressStore`.
public struct TutorSession: Sendable {
    /// Whether the learner is working through a lesson or reading a finished one.
    public enum Mode: String, Sendable { case learning, review }

    public internal(set) var catalog: LessonCatalog
    public let library: ScenarioLibrary
    /// Where progress is saved; nil keeps it in memory only.
    public let store: ProgressStore?
    public var services: TutorServices
    /// Columns available for diagrams.
    public var width: Int
    /// Whether diagrams are drawn in colour.
    public var useColor = false
    public internal(set) var progress: Progress
    /// A one-line warning from loading progress (a corrupt file set aside), shown once.
    public internal(set) var startupWarning: String?

    public internal(set) var lessonID: String?
    public internal(set) var mode: Mode = .learning
    public internal(set) var stepIndex: Int = 0
    /// The question waiting for an answer, if any.
    public internal(set) var pendingQuestion: Question?
    /// The live experiments offered in the current step and not yet run or declined, in order.
    public internal(set) var pendingLabs: [LabBlock] = []
    /// The live experiment offered now (the first of `pendingLabs`), if any.
    public var pendingLab: LabBlock? { pendingLabs.first }

    /// The question answered (or revealed) last, whose deciding run `replay` draws in full.
    public internal(set) var lastAnswered: Question?
    var resumeBlock = 0
    var questionShownAt: Date?
    var expectedCache: [String: ExpectedAnswer] = [:]
    let now: @Sendable () -> Date

    /// A session over the catalog. Progress is loaded from the store; the lesson the learner was in
    /// is restored at its saved step (call `whereAmI()` to show it).
    public init(catalog: LessonCatalog, library: ScenarioLibrary, store: ProgressStore?,
                services: TutorServices = .live, width: Int = 80,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.catalog = catalog
        self.library = library
        self.store = store
        self.services = services
        self.width = width
        self.now = now
        if let store {
            let loaded = store.load(now: now())
            progress = loaded.progress
            startupWarning = loaded.warning
        } else {
            progress = Progress()
        }
        if let current = progress.currentLesson, let lesson = catalog.lesson(current),
           progress[lesson: current].status == .started {
            lessonID = current
            stepIndex = clampStep(progress[lesson: current].step, in: lesson)
            _ = enterStep(lesson)
        }
    }

    // MARK: - Where the learner is

    /// The lesson being shown, if any.
    public var lesson: Lesson? { lessonID.flatMap { catalog.lesson($0) } }

    /// Text for the prompt, for example `02 lost-ack 3/7`; nil outside a lesson.
    public var promptDetail: String? {
        guard let lesson else { return nil }
        var text = "\(Self.label(of: lesson)) \(stepIndex + 1)/\(max(lesson.steps.count, 1))"
        if mode == .review { text += " review" }
        return text
    }

    /// The lesson's number from its file name, then its id: `02 lost-ack`.
    public static func label(of lesson: Lesson) -> String {
        let name = URL(fileURLWithPath: lesson.file).lastPathComponent
        let number = name.prefix(while: \.isNumber)
        if number.isEmpty || lesson.id.hasPrefix(number) { return lesson.id }
        return "\(number) \(lesson.id)"
    }

    /// Words for completing an answer to the waiting question.
    public var answerVocabulary: [String] {
        pendingQuestion.map { AnswerVocabulary.words(for: $0.answerKind) } ?? []
    }

    /// Completions of a partly typed answer: the vocabulary, and for flags the next flag after a
    /// `|` (`FIN|` completes to `FIN|ACK`, `FIN|SYN`, …).
    public func answerCompletions(for partial: String) -> [String] {
        guard let question = pendingQuestion else { return [] }
        // Completions follow the learner's case: `time` completes to `time_wait`.
        let lowered = partial.contains(where: \.isLetter) && partial == partial.lowercased()
        let words = AnswerVocabulary.words(for: question.answerKind).map { lowered ? $0.lowercased() : $0 }
        guard case .flags = question.answerKind, let bar = partial.lastIndex(of: "|") else { return words }
        let head = String(partial[...bar])
        let taken = Set(head.split(separator: "|").map { $0.uppercased() })
        return words.filter { !taken.contains($0.uppercased()) }.map { head + $0 }
    }

    // MARK: - Lessons

    /// The lesson list with marks: ✓ finished, ▸ started, · not started.
    public func listLessons() -> [TutorLine] {
        // Only the front matter is read here; a started lesson is read whole for its step count.
        let headers = catalog.headers
        if headers.isEmpty {
            return [.error(UIText.text("tutor.no-lessons"))]
        }
        var out: [TutorLine] = []
        let idWidth = headers.map { $0.id.count }.max() ?? 0
        for lesson in headers {
            let record = progress[lesson: lesson.id]
            var line = "\(record.status.mark) \(lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(lesson.title)"
            var detail = UIText.text("tutor.lessons.minutes", String(lesson.minutes))
            if record.status == .started, let steps = catalog.lesson(lesson.id)?.steps.count {
                detail += UIText.text("tutor.lessons.step", String(record.step + 1), String(steps))
            }
            line += "  " + UIText.text("tutor.lessons.detail", detail)
            out.append(.diagram(line))
        }
        out.append(.note(UIText.text("tutor.lessons.marks")))
        let broken = catalog.unreadableFiles
        if !broken.isEmpty {
            out.append(.note(UIText.text("tutor.broken-lessons", String(broken.count))))
        }
        return out
    }

    /// Starts a lesson, or resumes it at its saved step.
    public mutating func start(_ name: String) -> [TutorLine] {
        guard let id = catalog.lessonID(named: name), let lesson = catalog.lesson(id) else { return unknownLesson(name) }
        var record = progress[lesson: id]
        var out: [TutorLine] = []
        let resuming = record.status == .started && record.step > 0
        if record.status == .finished {
            return [.note(UIText.text("tutor.already-finished", lesson.title, id))]
        }
        if record.started == nil {
            record.started = now()
        }
        progress[lesson: id] = record
        progress.currentLesson = id
        lessonID = id
        mode = .learning
        stepIndex = clampStep(record.step, in: lesson)
        expectedCache = [:]
        var saveLines: [TutorLine] = []
        save(into: &saveLines)
        let missing = lesson.requires.filter { progress[lesson: $0].status != .finished && catalog.lesson($0) != nil }
        if !missing.isEmpty {
            out.append(.note(UIText.text("tutor.requires", missing.joined(separator: ", "))))
        }
        if resuming { out.append(.note(UIText.text("tutor.resuming", lesson.title, String(stepIndex + 1), String(lesson.steps.count)))) }
        else if stepIndex == 0 {
            out.append(.heading("\(Self.label(of: lesson)): \(lesson.title)"))
            if !lesson.summary.isEmpty { out.append(.prose(lesson.summary)) }
        }
        return out + saveLines + enterStep(lesson)
    }

    /// Shows a finished lesson read-only from its first step.
    public mutating func review(_ name: String) -> [TutorLine] {
        guard let id = catalog.lessonID(named: name), let lesson = catalog.lesson(id) else { return unknownLesson(name) }
        guard progress[lesson: id].status == .finished else {
            return [.error(UIText.text("tutor.review.unfinished", id))]
        }
        lessonID = id
        mode = .review
        stepIndex = 0
        return [.heading(UIText.text("tutor.review.heading", Self.label(of: lesson), lesson.title))] + enterStep(lesson)
    }

    /// Moves to the next step, or finishes the lesson after the last one.
    public mutating func next() -> [TutorLine] {
        guard let lesson else { return noLesson() }
        if let question = pendingQuestion {
            return [.note(UIText.text("tutor.still-open", fill(question).prompt)),
                    .note(UIText.text("tutor.still-open.help"))]
        }
        if stepIndex + 1 < lesson.steps.count {
            stepIndex += 1
            var out: [TutorLine] = []
            if mode == .learning {
                progress[lesson: lesson.id].step = stepIndex
                save(into: &out)
            }
            return out + enterStep(lesson)
        }
        return finish(lesson)
    }

    /// Moves back one step.
    public mutating func back() -> [TutorLine] {
        guard let lesson else { return noLesson() }
        guard stepIndex > 0 else { return [.note(UIText.text("tutor.first-step", lesson.id))] }
        stepIndex -= 1
        var out: [TutorLine] = []
        if mode == .learning {
            progress[lesson: lesson.id].step = stepIndex
            save(into: &out)
        }
        return out + enterStep(lesson)
    }

    /// Says where the learner is and shows the current step again.
    public mutating func whereAmI() -> [TutorLine] {
        guard let lesson else {
            return [.note(UIText.text("tutor.not-in-lesson"))]
        }
        let head = TutorLine.note(UIText.text(mode == .review ? "tutor.where.review" : "tutor.where", Self.label(of: lesson),
                                              lesson.title, String(stepIndex + 1), String(lesson.steps.count)))
        return [head] + enterStep(lesson)
    }

    /// Shows the next hint of the waiting question.
    public mutating func hint() -> [TutorLine] {
        guard let question = pendingQuestion, let lesson else { return noQuestion() }
        var record = progress[lesson: lesson.id].questions[question.id] ?? QuestionProgress()
        var ladder = HintLadder(hints: fill(question).hints, used: record.hintsUsed)
        // The last rung of the ladder is the answer.
        guard let text = ladder.next() else { return solution() }
        record.hintsUsed = ladder.used
        progress[lesson: lesson.id].questions[question.id] = record
        var out: [TutorLine] = [.hint(text)]
        save(into: &out)
        return out
    }

    /// Checks an answer to the waiting question.
    public mutating func answer(_ given: String) -> [TutorLine] {
        guard let question = pendingQuestion, let lesson else { return noQuestion() }
        let text = given.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [.note(UIText.text("tutor.type-answer", AnswerVocabulary.shape(of: question.answerKind)))] }
        let expected: String
        do { expected = try expectedAnswer(question) } catch {
            return [.error(UIText.text("tutor.cannot-check", "\(error)"))]
        }
        let verdict = services.check(text, expected, fill(question))
        if case .invalid(let reason) = verdict {
            // The checker words its reason in English; other languages say it with the catalog's words.
            return [.failure(UILanguage.current == .english ? reason : UIText.text("tutor.invalid.reason", text)),
                    .note(UIText.text("tutor.invalid", AnswerVocabulary.shape(of: question.answerKind)))]
        }
        if case .nearMiss(let reason) = verdict {
            let said = FlagsNearMiss.miss(given: text, expected: expected).map {
                UIText.text($0.expectsAck ? "tutor.near-miss.ack" : "tutor.near-miss.no-ack", $0.main, $0.expected)
            } ?? reason
            return [.failure(UIText.text("tutor.near-miss", said)), .note(UIText.text("tutor.answer-again"))]
        }
        var record = progress[lesson: lesson.id].questions[question.id] ?? QuestionProgress()
        record.attempts = record.attempts.incrementedSaturating
        record.lastAnswer = text
        record.variant = variant(for: question)?.id
        record.secondsSpent += elapsed()
        var out: [TutorLine] = []
        let filled = fill(question)
        lastAnswered = filled
        if verdict == .correct {
            record.solved = true
            progress[lesson: lesson.id].questions[question.id] = record
            save(into: &out)
            out.append(.success(UIText.text("tutor.right", expected)))
            out += evidence(filled, expected: expected, fullDiagram: false)
            return out + resolve(lesson)
        }
        let feedback = WrongAnswerFeedback(question: filled, given: text,
                                           evidence: (try? decidedAnswer(question))?.evidence ?? .none)
        var ladder = HintLadder(hints: fill(question).hints, used: record.hintsUsed)
        if let hintText = ladder.next(repeating: feedback.namesAnswer) {
            record.hintsUsed = ladder.used
            progress[lesson: lesson.id].questions[question.id] = record
            save(into: &out)
            out += feedback.lines(final: false)
            out.append(.hint(hintText))
            out.append(.note(UIText.text(ladder.hasNext ? "tutor.again.more-hints" : "tutor.again.last")))
            return out
        }
        record.missed = true
        progress[lesson: lesson.id].questions[question.id] = record
        save(into: &out)
        out += feedback.lines(final: true)
        out.append(.failure(UIText.text("tutor.expected", expected)))
        out += evidence(filled, expected: expected, fullDiagram: !stepDrawsScenario(of: question))
        return out + resolve(lesson)
    }

    /// Skips the waiting question (recorded as skipped, never as a solve).
    public mutating func skip() -> [TutorLine] {
        guard let question = pendingQuestion, let lesson else { return noQuestion() }
        var record = progress[lesson: lesson.id].questions[question.id] ?? QuestionProgress()
        record.skipped = true
        record.secondsSpent += elapsed()
        progress[lesson: lesson.id].questions[question.id] = record
        var out: [TutorLine] = [.note(UIText.text("tutor.skipped", lesson.id))]
        save(into: &out)
        return out + resolve(lesson)
    }

    /// Shows the answer of the waiting question with its evidence (recorded as revealed).
    public mutating func solution() -> [TutorLine] {
        guard let question = pendingQuestion, let lesson else { return noQuestion() }
        let expected: String
        do { expected = try expectedAnswer(question) } catch {
            return [.error(UIText.text("tutor.cannot-compute", "\(error)"))]
        }
        var record = progress[lesson: lesson.id].questions[question.id] ?? QuestionProgress()
        record.revealed = true
        record.secondsSpent += elapsed()
        progress[lesson: lesson.id].questions[question.id] = record
        var out: [TutorLine] = []
        save(into: &out)
        lastAnswered = fill(question)
        out.append(.plain(UIText.text("tutor.solution", expected)))
        out += evidence(fill(question), expected: expected, fullDiagram: !stepDrawsScenario(of: question))
        return out + resolve(lesson)
    }

    /// Forgets all progress in one lesson.
    public mutating func reset(_ name: String) -> [TutorLine] {
        guard let id = catalog.lessonID(named: name), catalog.lesson(id) != nil else { return unknownLesson(name) }
        progress.lessons[id] = nil
        if progress.currentLesson == id { progress.currentLesson = nil }
        if lessonID == id {
            lessonID = nil; pendingQuestion = nil; pendingLabs = []; stepIndex = 0; mode = .learning
        }
        expectedCache = [:]
        var out: [TutorLine] = [.success(UIText.text("tutor.reset", id))]
        save(into: &out)
        return out
    }
}
