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

    public private(set) var catalog: LessonCatalog
    public let library: ScenarioLibrary
    /// Where progress is saved; nil keeps it in memory only.
    public let store: ProgressStore?
    public var services: TutorServices
    /// Columns available for diagrams.
    public var width: Int
    /// Whether diagrams are drawn in colour.
    public var useColor = false
    public private(set) var progress: Progress
    /// A one-line warning from loading progress (a corrupt file set aside), shown once.
    public private(set) var startupWarning: String?

    public private(set) var lessonID: String?
    public private(set) var mode: Mode = .learning
    public private(set) var stepIndex: Int = 0
    /// The question waiting for an answer, if any.
    public private(set) var pendingQuestion: Question?
    /// The live experiments offered in the current step and not yet run or declined, in order.
    public private(set) var pendingLabs: [LabBlock] = []
    /// The live experiment offered now (the first of `pendingLabs`), if any.
    public var pendingLab: LabBlock? { pendingLabs.first }

    /// The question answered (or revealed) last, whose deciding run `replay` draws in full.
    public internal(set) var lastAnswered: Question?
    private var resumeBlock = 0
    private var questionShownAt: Date?
    private var expectedCache: [String: ExpectedAnswer] = [:]
    private let now: @Sendable () -> Date

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

    /// Runs the live experiment offered in the current step and sets its findings beside the
    /// prediction and the simulation. `log` receives narrated lines as they happen.
    public mutating func runLab(log: (LabLine) -> Void, shouldStop: () -> Bool) -> [TutorLine] {
        guard let block = pendingLab, let lesson else {
            return [.note(UIText.text("tutor.no-lab"))]
        }
        func asks(_ question: Question) -> Bool {
            if case .experiment(let name, _, _) = question.source { return name == block.experiment }
            return false
        }
        // The question of this step that the experiment answers, else one elsewhere in the lesson.
        let stepQuestions = lesson.steps.indices.contains(stepIndex) ? lesson.steps[stepIndex].questions : []
        let related = stepQuestions.first(where: asks) ?? lesson.questions.first(where: asks)
        do {
            let report = try services.runExperiment(block.experiment, block.options, log, shouldStop)
            pendingLabs.removeFirst()
            var finding: String?
            if case .experiment(_, let key, _)? = related?.source { finding = key }
            let simulated = related.flatMap { try? expectedAnswer($0) }
            let prediction = related.flatMap { shownPrediction(progress[lesson: lesson.id].questions[$0.id]?.lastAnswer, $0, simulated: simulated) }
            var tolerance = 0.0
            if case .number(let allowed)? = related?.answerKind { tolerance = allowed }
            var others: [LiveComparison.Row] = []
            for question in lesson.questions where asks(question) { others.append(liveRow(question)) }
            return LiveComparison(finding: finding, prediction: prediction, simulated: simulated, report: report,
                                  tolerance: tolerance, others: others).lines + afterLab()
        } catch let error as ExperimentError where error.interrupted {
            return [.note(UIText.text("tutor.lab-stopped"))]
        } catch {
            // It cannot run here; offering it again would not help. The simulation stands in.
            if !pendingLabs.isEmpty { pendingLabs.removeFirst() }
            var out: [TutorLine] = [.failure(UIText.text("tutor.lab-failed", "\(error)"))]
            if let fallback = block.fallback {
                out.append(.note(UIText.text("tutor.lab-fallback")))
                out += evidenceBuilder.lines(for: fallback, profile: nil, explore: nil, caption: nil)
            }
            return out + afterLab()
        }
    }

    /// What to do after the experiment: the next offered experiment, the open question again, or `next`.
    private func afterLab() -> [TutorLine] {
        if let lab = pendingLab {
            return [.note(UIText.text("tutor.lab-next", lab.experiment, UIText.text(ExperimentCatalog.summaryText(of: lab.experiment))))]
        }
        if let question = pendingQuestion {
            return [.question(fill(question).prompt), .note(UIText.text("tutor.answer-shape", AnswerVocabulary.shape(of: question.answerKind)))]
        }
        return [.note(UIText.text("tutor.next"))]
    }

    /// Declines the offered experiment.
    public mutating func declineLab() -> [TutorLine] {
        if !pendingLabs.isEmpty { pendingLabs.removeFirst() }
        return [.note(UIText.text("tutor.lab-skipped"))] + afterLab()
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

    // MARK: - Showing steps

    var evidenceBuilder: SimulationEvidence {
        SimulationEvidence(library: library, services: services, style: DiagramStyle(width: width, useColor: useColor))
    }

    private func clampStep(_ step: Int, in lesson: Lesson) -> Int {
        max(0, min(step, lesson.steps.count - 1))
    }

    /// Shows the current step from its first block.
    private mutating func enterStep(_ lesson: Lesson) -> [TutorLine] {
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
    private mutating func renderBlocks(_ lesson: Lesson) -> [TutorLine] {
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
    private mutating func resolve(_ lesson: Lesson) -> [TutorLine] {
        pendingQuestion = nil
        questionShownAt = nil
        return renderBlocks(lesson)
    }

    private mutating func resolvedSummary(_ question: Question, record: QuestionProgress) -> [TutorLine] {
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

    private mutating func evidence(_ question: Question, expected: String, fullDiagram: Bool = true) -> [TutorLine] {
        var out: [TutorLine] = []
        if let decided = try? decidedAnswer(question) {
            out = evidenceBuilder.lines(for: question.source, decided: decided, fullDiagram: fullDiagram)
        }
        if !question.explain.isEmpty { out.append(.prose(question.explain)) }
        return out
    }

    private mutating func finish(_ lesson: Lesson) -> [TutorLine] {
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

    private mutating func elapsed() -> Double {
        guard let shown = questionShownAt else { return 0 }
        let seconds = now().timeIntervalSince(shown)
        questionShownAt = now()
        return max(0, min(seconds, 30 * 60))
    }

    private func save(into out: inout [TutorLine]) {
        guard let store else { return }
        do { try store.save(progress) } catch {
            out.append(.error(UIText.text("progress.not-saved", ErrorText.plain(error))))
        }
    }

    private func unknownLesson(_ id: String) -> [TutorLine] {
        let ids = catalog.headers.map(\.id)
        return [.error(UIText.text("tutor.unknown-lesson", id, ids.isEmpty ? UIText.text("tutor.unknown-lesson.none") : ids.joined(separator: ", ")))]
    }

    private func noLesson() -> [TutorLine] {
        [.error(UIText.text("tutor.not-in-lesson"))]
    }

    private func noQuestion() -> [TutorLine] {
        [.error(UIText.text(lesson == nil ? "tutor.no-question" : "tutor.no-question.here"))]
    }
}
