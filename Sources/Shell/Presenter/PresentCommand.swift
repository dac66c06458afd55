import ArgumentParser
import Commands
import Foundation
import Lessons
import Rendering

/// `twlab present LESSON`: the lesson full screen for a projector, or the speaker's notes.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a lesson full screen on a projector.",
        discussion: """
            One step per screen. Keys: space, → or Enter next; ← back; r reveal the answer and play \
            the simulation (+ and - change the pace, p pauses), then the live kernel's result of each of the \
            step's labs beside it ([ and ] turn pages where it does not fit); h next hint; s play the simulation; \
            l run the live experiments in turn; w live socket pane; v enter a show of hands (per question: \
            an empty Enter goes to the next); g go to a step; \
            ? keys; q quit. Run 'twlab present LESSON --notes' in a second terminal for the speaker's \
            notes, expected answers and the next step; it follows the projector.
            """)

    @Argument(help: "A lesson id (four-way-close), number (1) or file name.",
              completion: .custom { _, _, _ in CompletionValues.lessonIDs() })
    var lesson: String

    @Option(help: ArgumentHelp("light (default, for projectors), dark or mono.", valueName: "theme"),
            completion: .list(["light", "dark", "mono"]))
    var theme: String = "light"

    @Flag(help: "Show the speaker's notes, following the presenter in another terminal.")
    var notes = false

    @Flag(name: .customLong("no-live"),
          help: "Reveal without running the step's labs (l still runs them): for a machine where labs cannot run.")
    var noLive = false

    @Option(help: ArgumentHelp("Record the presentation as an asciicast v2 file with a marker per step and reveal.",
                               valueName: "file.cast"))
    var record: String?

    @Option(help: ArgumentHelp("The lessons folder (default: found automatically).", valueName: "dir"))
    var lessons: String?

    @Option(help: ArgumentHelp("The language of the lesson and the screens: en or zh-Hans (default: $TWLAB_LANG, else the locale).",
                               valueName: "lang"))
    var lang: String?

    func validate() throws {
        guard PresenterTheme.named(theme) != nil else {
            throw ValidationError("--theme must be light, dark or mono, not '\(theme)'.")
        }
        if let lang, UILanguage.parse(lang) == nil {
            throw ValidationError("--lang must be en or zh-Hans, not '\(lang)'.")
        }
        if notes && record != nil { throw ValidationError("--record goes with the projector's view, not with --notes.") }
    }

    func run() throws {
        // Without --lang the interface language stays as set (the shell's, or the environment's).
        if let lang { UILanguage.current = UILanguage.resolve(flag: lang) }
        let io = CommandIO.current
        guard !io.scripted else {
            io.errorLine("present needs a terminal; it does nothing in a script.")
            throw ExitCode(1)
        }
        let directory = lessons.map { URL(fileURLWithPath: $0) } ?? io.lessonsDirectory ?? LessonsLocator.find(explicit: nil)
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Lessons")
        let options = PresenterOptions(lesson: lesson, lessonsDirectory: directory,
                                       theme: PresenterTheme.named(theme) ?? .light, notes: notes, recordPath: record,
                                       live: !noLive)
        let status = Presenter.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
