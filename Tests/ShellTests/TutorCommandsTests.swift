import Foundation
import Testing
@testable import Lessons
@testable import Shell
import SocketLab
import Rendering
import TCPModel
import Tutor

/// The tutor's shell commands over a small lesson built in code, with answers from the question key.
@Suite struct TutorCommandsTests {
    static let location = SourceLocation(file: "t.md", line: 1, column: 1)

    static var catalog: LessonCatalog {
        let state = Question(id: "close/final", lessonID: "close", kind: .predict, prompt: "Final client state?",
                             answerKind: .state, source: .key(["TIME_WAIT"]), params: [], hints: ["It closed first."],
                             explain: "The active closer waits.", points: 1, location: location)
        let outcome = Question(id: "close/outcome", lessonID: "close", kind: .predict, prompt: "How does it end?",
                               answerKind: .choice(["clean", "reset", "timeout"]), source: .key(["reset"]), params: [],
                               hints: [], explain: "", points: 1, location: location)
        let lesson = Lesson(id: "close", title: "Closing", summary: "", minutes: 5, requires: [], language: "en",
                            file: "/x/en/01-close.md", steps: [
                                LessonStep(title: "One", blocks: [.text("Intro."), .question(state)], location: location),
                                LessonStep(title: "Two", blocks: [.lab(LabBlock(experiment: "active-close", location: location)),
                                                                  .question(outcome)], location: location),
                            ])
        return LessonCatalog(lessons: [lesson], diagnostics: [])
    }

    static var services: TutorServices {
        TutorServices(
            expectedAnswer: { question, _, _ in
                if case .key(let keys) = question.source, let first = keys.first { return ExpectedAnswer(text: first) }
                throw Diagnostic(at: question.location, "no key")
            },
            check: { given, expected, question in
                if case .state = question.answerKind {
                    guard let state = TCPState(parsing: given) else { return .invalid("not a state") }
                    return state.name == expected ? .correct : .wrong
                }
                return given.lowercased() == expected.lowercased() ? .correct : .wrong
            },
            runExperiment: { name, _, _, _ in throw ExperimentError("no lab here (\(name))") },
            diagram: { _, _, _ in nil })
    }

    final class Capture { var text = "" }

    static func context() -> (ShellContext, Capture) {
        let capture = Capture()
        let output = TerminalOutput(useColor: false, width: 60, sink: { capture.text += $0 })
        let context = ShellContext(output: output, lessonsDirectory: URL(fileURLWithPath: "/nonexistent"), interactive: false)
        let session = TutorSession(catalog: catalog, library: ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent")),
                                   store: nil, services: services)
        TutorCommands.attach(to: context, session: session)
        return (context, capture)
    }

    static func run(_ context: ShellContext, _ name: String, _ args: [String] = []) throws -> CommandResult {
        let command = try #require(TutorCommands.make().first { $0.name == name })
        return try command.run(context, args)
    }

    @Test func aTypedLineAnswersTheWaitingQuestion() throws {
        let (context, capture) = Self.context()
        #expect(try Self.run(context, "start", ["close"]) == .success)
        #expect(context.promptDetail() == "01 close 1/2")
        let interceptor = try #require(context.lineInterceptor)
        #expect(interceptor("time-wait") == .success)
        #expect(capture.text.contains("✓ Right: TIME_WAIT"))
        // With no question waiting, lines are not taken.
        #expect(interceptor("hello") == nil)
    }

    @Test func bareResetAnswersAnOutcomeQuestion() throws {
        let (context, capture) = Self.context()
        _ = try Self.run(context, "start", ["close"])
        _ = try Self.run(context, "answer", ["TIME_WAIT"])
        _ = try Self.run(context, "next")
        #expect(try Self.run(context, "reset") == .success)
        #expect(capture.text.contains("✓ Right: reset"))
    }

    @Test func completionKnowsLessonIDsAndTheAnswerVocabulary() throws {
        let (context, _) = Self.context()
        let start = try #require(TutorCommands.make().first { $0.name == "start" })
        #expect(start.complete(context, CompletionRequest(words: ["start"], partial: "c")) == ["close"])
        _ = try Self.run(context, "start", ["close"])
        let answer = try #require(TutorCommands.make().first { $0.name == "answer" })
        let words = answer.complete(context, CompletionRequest(words: ["answer"], partial: ""))
        #expect(words.contains("TIME_WAIT") && words.contains("FIN_WAIT_2") && words.count == TCPState.allCases.count)
    }

    @Test func errorsFailTheCommandButWrongAnswersDoNot() throws {
        let (context, capture) = Self.context()
        #expect(try Self.run(context, "start", ["nope"]) == .failure)
        #expect(try Self.run(context, "next") == .failure)
        _ = try Self.run(context, "start", ["close"])
        #expect(try Self.run(context, "answer", ["CLOSED"]) == .success)
        #expect(capture.text.contains("Hint 1 of 2"))
        #expect(try Self.run(context, "start") == .failure)
        #expect(capture.text.contains("usage: start ID"))
    }

    @Test func progressExportWritesJSON() throws {
        let (context, _) = Self.context()
        _ = try Self.run(context, "start", ["close"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-export-\(UUID().uuidString).json")
        #expect(try Self.run(context, "progress", ["--export", file.path]) == .success)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(json?["lessons"] is [Any])
        #expect(try Self.run(context, "progress", ["--bogus"]) == .failure)
    }

    @Test func yesRunsTheOfferedExperimentEvenWhileAQuestionWaits() throws {
        let (context, capture) = Self.context()
        _ = try Self.run(context, "start", ["close"])
        _ = try Self.run(context, "answer", ["TIME_WAIT"])
        _ = try Self.run(context, "next")
        let interceptor = try #require(context.lineInterceptor)
        #expect(capture.text.contains("type `yes` to run it") || capture.text.contains("type yes to run it"))
        capture.text = ""
        #expect(interceptor("yes") == .success)
        #expect(capture.text.contains("did not run: no lab here (active-close)"))
        // The question is asked again and still takes its answer.
        #expect(capture.text.contains("How does it end?"))
        #expect(interceptor("reset") == .success)
        #expect(capture.text.contains("✓ Right: reset"))
    }

    @Test func welcomeSaysWhereARestartedLearnerWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-welcome-\(UUID().uuidString)")
        let store = ProgressStore(url: folder.appendingPathComponent("progress.json"))
        let library = ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent"))
        var first = TutorSession(catalog: Self.catalog, library: library, store: store, services: Self.services)
        _ = first.start("close")
        _ = first.answer("TIME_WAIT")
        _ = first.next()

        let (context, capture) = Self.context()
        TutorCommands.attach(to: context, session: TutorSession(catalog: Self.catalog, library: library, store: store,
                                                                 services: Self.services))
        TutorCommands.welcome(context, store: store)
        #expect(capture.text.contains("Welcome back: you were in Closing (01 close 2/2)"))
        #expect(context.promptDetail() == "01 close 2/2")
        // A typed answer goes straight to the question the learner left open.
        #expect(context.lineInterceptor?("reset") == .success)
        #expect(capture.text.contains("✓ Right: reset"))
    }

    @Test func welcomeStaysQuietWhenNoLessonIsOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-welcome-\(UUID().uuidString)")
        let store = ProgressStore(url: folder.appendingPathComponent("progress.json"))
        let capture = Capture()
        let context = ShellContext(output: TerminalOutput(sink: { capture.text += $0 }),
                                   lessonsDirectory: URL(fileURLWithPath: "/nonexistent"), interactive: true)
        TutorCommands.welcome(context, store: store)
        try store.save(Progress(lessons: ["close": LessonProgress(step: 1, finished: Date())]))
        TutorCommands.welcome(context, store: store)
        #expect(capture.text.isEmpty)
        // Nothing was loaded: the tutor attaches only when a tutor command first runs.
        #expect(context.tutor == nil)
    }

    @Test func theLessonLanguageFollowsTheLocaleWhenTranslated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en"), withIntermediateDirectories: true)
        #expect(TutorCommands.lessonLanguage(in: folder, language: .simplifiedChinese) == "en", "no zh-Hans folder yet")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("zh-Hans"), withIntermediateDirectories: true)
        func language(_ environment: [String: String], flag: String? = nil) -> String {
            TutorCommands.lessonLanguage(in: folder, language: UILanguage.resolve(flag: flag, environment: environment))
        }
        #expect(language(["LANG": "zh_CN.UTF-8"]) == "zh-Hans")
        #expect(language(["TWLAB_LANG": "en", "LANG": "zh_CN.UTF-8"]) == "en")
        #expect(language(["TWLAB_LANG": "zh-Hans"]) == "zh-Hans")
        #expect(language(["LANG": "zh_CN.UTF-8"], flag: "en") == "en")
        #expect(language(["LANG": "en_US.UTF-8"], flag: "zh-Hans") == "zh-Hans")
        #expect(language(["LANG": "fr_FR.UTF-8"]) == "en")
        #expect(language(["LC_ALL": "C", "LANG": "zh_TW.UTF-8"]) == "zh-Hans")
        #expect(language([:]) == "en")
    }
}

@Suite struct TutorShellFairnessTests {
    @Test func aMistypedCommandWhileAQuestionWaitsIsNotGraded() throws {
        let (context, capture) = TutorCommandsTests.context()
        _ = try TutorCommandsTests.run(context, "start", ["close"])
        let interceptor = try #require(context.lineInterceptor)
        capture.text = ""
        #expect(interceptor("hlep") == .failure)
        #expect(capture.text.contains("did you mean 'help'"))
        #expect(capture.text.contains("not graded"))
        #expect(context.tutor?.session.progress.lessons["close"]?.questions["close/final"]?.attempts ?? 0 == 0)
        // A real answer is still taken.
        #expect(interceptor("TIME_WAIT") == .success)
        #expect(capture.text.contains("✓ Right: TIME_WAIT"))
    }

    @Test func tabOffersTheAnswersOfTheWaitingQuestionAtTheStartOfALine() throws {
        let (context, _) = TutorCommandsTests.context()
        _ = try TutorCommandsTests.run(context, "start", ["close"])
        let completer = CommandCompleter(commands: CommandTable.all(), context: context)
        #expect(completer.complete(lineBeforeCursor: "TIME").candidates.contains("TIME_WAIT"))
        #expect(completer.complete(lineBeforeCursor: "time").candidates.contains("time_wait"))
        // Command names are still offered.
        #expect(completer.complete(lineBeforeCursor: "hin").candidates == ["hint"])
    }
}
