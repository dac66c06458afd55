import Rendering
import Foundation
import Lessons
import TCPModel
import Tutor

/// The tutor's state in the shell: one learning session, kept in `ShellContext.tutor`.
final class TutorArea {
    var session: TutorSession
    init(session: TutorSession) { self.session = session }
}

/// Shell commands for lessons, start, next, back, where, hint, answer, skip, solution, review, reset
/// and progress (tutor). While a question waits, a line that is not a command is taken as the answer.
enum TutorCommands {

    static func make() -> [ShellCommand] {
        commands() + testingAids()
    }

    static func commands() -> [ShellCommand] {
        [
            ShellCommand(name: "lessons", summary: "List the lessons with your progress (✓ done, ▸ started, · new).",
                         usage: "lessons",
                         run: { context, _ in show(context) { $0.listLessons() } }),
            ShellCommand(name: "start", summary: "Start a lesson, or resume it where you left off.",
                         usage: "start ID",
                         details: "Starts the lesson. A lesson you started before resumes at the step you reached; a finished one starts over (use `review ID` to read it instead).",
                         complete: { context, request in request.words.count == 1 ? lessonIDs(context) : [] },
                         run: { context, args in
                             guard let id = args.first, args.count == 1 else { return usage(context, "start ID (see `lessons`)") }
                             return show(context) { $0.start(id) }
                         }),
            ShellCommand(name: "next", aliases: ["n"], summary: "Go to the next step of the lesson.", usage: "next",
                         run: { context, _ in show(context) { $0.next() } }),
            ShellCommand(name: "back", summary: "Go back one step.", usage: "back",
                         run: { context, _ in show(context) { $0.back() } }),
            ShellCommand(name: "where", summary: "Say where you are and show the current step again.", usage: "where",
                         run: { context, _ in show(context) { $0.whereAmI() } }),
            ShellCommand(name: "hint", summary: "Show the next hint for the waiting question.", usage: "hint",
                         details: "Hints go from vague to specific and never give the answer away. Each one is counted in your progress. A wrong answer also shows the next hint.",
                         run: { context, _ in show(context) { $0.hint() } }),
            ShellCommand(name: "answer", aliases: ["a"], summary: "Answer the waiting question (or just type the answer).",
                         usage: "answer TEXT",
                         details: "Checks your answer against what the simulation (or the live kernel) does. States may be spelled time-wait or TIME_WAIT; flags as FIN|ACK in any order.",
                         complete: { context, request in area(context).session.answerCompletions(for: request.partial) },
                         run: { context, args in
                             guard !args.isEmpty else { return usage(context, "answer TEXT") }
                             return show(context) { $0.answer(args.joined(separator: " ")) }
                         }),
            ShellCommand(name: "skip", summary: "Skip the waiting question (recorded as skipped).", usage: "skip",
                         details: "Moves past the question without an answer. It is recorded as skipped, never as solved, and scores nothing.",
                         run: { context, _ in show(context) { $0.skip() } }),
            ShellCommand(name: "solution", summary: "Show the answer with its evidence (recorded as revealed).",
                         usage: "solution",
                         details: "Shows the answer with the simulation that decides it. It is recorded as revealed, never as solved, and scores nothing.",
                         run: { context, _ in show(context) { $0.solution() } }),
            ShellCommand(name: "replay", summary: "Draw the whole simulated run behind the last answer.", usage: "replay",
                         details: "After a prediction, shows the sequence diagram of the run that decided it, segment by segment.",
                         run: { context, _ in show(context) { $0.replay() } }),
            ShellCommand(name: "review", summary: "Read a finished lesson again, without changing your progress.",
                         usage: "review ID",
                         complete: { context, request in request.words.count == 1 ? lessonIDs(context) : [] },
                         run: { context, args in
                             guard let id = args.first, args.count == 1 else { return usage(context, "review ID") }
                             return show(context) { $0.review(id) }
                         }),
            ShellCommand(name: "reset", summary: "Forget your progress in one lesson.", usage: "reset ID",
                         details: "Deletes the lesson's step and every answer, hint and skip recorded in it; other lessons are kept.",
                         complete: { context, request in
                             request.words.count == 1 ? lessonIDs(context) + area(context).session.answerVocabulary : []
                         },
                         run: { context, args in
                             // `reset` alone while a question about outcomes waits is the answer "reset".
                             if args.isEmpty, area(context).session.answerVocabulary.contains("reset") {
                                 return show(context) { $0.answer("reset") }
                             }
                             guard let id = args.first, args.count == 1 else { return usage(context, "reset ID") }
                             return show(context) { $0.reset(id) }
                         }),
            ShellCommand(name: "progress", summary: "Show your progress, or export it as JSON.",
                         usage: "progress [--export FILE]",
                         details: "Shows each lesson's step, score, hints, skips and time. --export FILE writes the same as JSON (--export - to standard output). Progress lives in $TWLAB_HOME/progress.json, else $XDG_DATA_HOME/twlab/progress.json, else ~/.local/share/twlab/progress.json.",
                         complete: { _, request in request.words.count == 1 ? ["--export"] : [] },
                         run: { context, args in
                             if args.isEmpty { return show(context) { $0.progressSummary() } }
                             guard args.count == 2, args[0] == "--export" else { return usage(context, "progress [--export FILE]") }
                             if args[1] == "-" {
                                 // `-` is standard output, as for every other writer.
                                 let session = area(context).session
                                 guard let data = try? ProgressReport(catalog: session.catalog, progress: session.progress).json() else {
                                     context.output.line("progress: the report could not be made")
                                     return .failure
                                 }
                                 context.output.write(String(decoding: data, as: UTF8.self) + "\n")
                                 return .success
                             }
                             let path = TildePath.expand(args[1])
                             return show(context) { $0.exportProgress(to: URL(fileURLWithPath: path)) }
                         }),
        ]
    }

    /// Sets up the tutor for a context: loads the catalog and progress, shows a warning about a
    /// corrupt progress file, and installs the answer interceptor and the prompt detail. The shell
    /// may call it at start-up so that a restarted shell resumes mid-lesson; commands call it lazily.
    /// Tests pass their own `session`.
    @discardableResult
    static func attach(to context: ShellContext, session: TutorSession? = nil) -> TutorArea {
        if session == nil, let existing = context.tutor { return existing }
        let area = TutorArea(session: session ?? makeSession(context, persistent: true))
        context.tutor = area
        if let warning = area.session.startupWarning { context.output.line(warning) }
        let commandNames = Set(CommandTable.all().flatMap { [$0.name] + $0.aliases })
        context.lineInterceptor = { [weak context, weak area] line in
            guard let context, let area else { return nil }
            return intercept(line, context: context, area: area, commandNames: commandNames)
        }
        context.promptDetail = { [weak area] in area?.session.promptDetail }
        return area
    }

    /// At the start of an interactive shell: loads progress and, when the learner left a lesson
    /// mid-way, says where they were, so that a typed answer or `next` carries on from there.
    static func welcome(_ context: ShellContext, store: ProgressStore = .standard()) {
        // Loading the lessons costs time; skip it when nothing is open (a corrupt file is still
        // reported at once).
        guard FileManager.default.fileExists(atPath: store.url.path) else { return }
        if let progress = store.peek(), progress.currentLesson == nil { return }
        let area = attach(to: context)
        guard let lesson = area.session.lesson, let detail = area.session.promptDetail else { return }
        var text = UIText.text("tutor.welcome-back", lesson.title, detail)
        text += UIText.text(area.session.pendingQuestion != nil ? "tutor.welcome-back.answer" : "tutor.welcome-back.next")
        _ = render(context, [.note(text)])
    }

    /// The lesson language folder: the interface language (`--lang`, `$TWLAB_LANG`, else the locale:
    /// `zh_CN.UTF-8` gives `zh-Hans`) when the lessons folder has it; else English. Lesson and
    /// question ids are the same in every language, so progress carries over.
    static func lessonLanguage(in directory: URL, language: UILanguage = .current) -> String {
        var isFolder: ObjCBool = false
        let folder = directory.appendingPathComponent(language.rawValue).path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return "en" }
        return language.rawValue
    }

    static func makeSession(_ context: ShellContext, persistent: Bool) -> TutorSession {
        let catalog = LessonCatalog.index(directory: context.lessonsDirectory,
                                         language: lessonLanguage(in: context.lessonsDirectory))
        let library = ScenarioLibrary(directory: context.lessonsDirectory.appendingPathComponent("scenarios"))
        return TutorSession(catalog: catalog, library: library, store: persistent ? ProgressStore.standard() : nil,
                            width: context.output.width)
    }

    /// Takes a line that is not a command as the answer to the waiting question, or `yes`/`no` to
    /// an offered experiment. Returns nil when the line is not for the tutor.
    static func intercept(_ line: String, context: ShellContext, area: TutorArea, commandNames: Set<String>) -> CommandResult? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let vocabulary = Set(area.session.answerVocabulary.map { $0.lowercased() })
        if area.session.pendingLab != nil, !vocabulary.contains(text.lowercased()) {
            let whole = text.lowercased()
            if ["yes", "y", "run", "lab"].contains(whole) { return runLab(context, area: area) }
            if ["no", "n"].contains(whole) { return render(context, area.session.declineLab()) }
        }
        guard area.session.pendingQuestion != nil else { return nil }
        let word = text.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        if commandNames.contains(word) && !vocabulary.contains(text.lowercased()) { return nil }
        // A mistyped command (`hlep`) is not graded: when the line is no answer of the question's
        // shape but is close to a command name, say so instead.
        if let question = area.session.pendingQuestion, !text.contains(" "),
           case .invalid = AnswerChecker.check(text, against: text, kind: question.answerKind),
           let suggestion = CommandSuggester.closest(to: word, among: commandNames.sorted()) {
            context.output.line(UIText.text("tutor.neither", text, suggestion))
            return .failure
        }
        return render(context, area.session.answer(text))
    }

    static func runLab(_ context: ShellContext, area: TutorArea) -> CommandResult {
        let output = context.output
        let narration = LabNarrationText(width: output.width - 2)
        let lines = area.session.runLab(log: { line in for text in narration.lines(for: line) { output.line("  " + text) } },
                                        shouldStop: { context.interrupted() })
        return render(context, lines)
    }

    static func area(_ context: ShellContext) -> TutorArea { attach(to: context) }

    static func lessonIDs(_ context: ShellContext) -> [String] {
        area(context).session.catalog.headers.map(\.id)
    }

    /// Runs a session command and prints what it says. Fails when the command could not do its job.
    static func show(_ context: ShellContext, _ action: (inout TutorSession) -> [TutorLine]) -> CommandResult {
        let area = area(context)
        area.session.width = context.output.width
        area.session.useColor = context.output.useColor
        return render(context, action(&area.session))
    }

    static func render(_ context: ShellContext, _ lines: [TutorLine]) -> CommandResult {
        let renderer = StepRenderer(width: context.output.width, useColor: context.output.useColor)
        // The closing notes (what to type next: a lab offer, `next`, the answer's shape) are shown even
        // when the learner skips the rest of a long step with q.
        let footerStart = lines.lastIndex { if case .note = $0 { return false } else { return true } }.map { $0 + 1 } ?? 0
        let body = Array(lines[..<footerStart]), footer = Array(lines[footerStart...])
        context.output.writePaged(body.isEmpty ? "" : renderer.render(body), footer: footer.isEmpty ? "" : renderer.render(footer))
        return lines.contains(where: \.isError) ? .failure : .success
    }

    static func usage(_ context: ShellContext, _ text: String) -> CommandResult {
        context.output.line("usage: \(text)")
        return .failure
    }
}
