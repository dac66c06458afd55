import ArgumentParser
import Foundation
import Lessons
import Rendering

/// `twlab` / `twlab shell`: the interactive shell (or a script run).
struct ShellCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Start the interactive shell (the default).",
        discussion: """
            On a terminal the shell edits lines with libedit (history, Tab completion, ~/.editrc). \
            With piped input or --script FILE it runs one command per line, echoes each as \
            'twlab> command', and exits with status 1 when any command failed.
            """
    )

    @Option(help: ArgumentHelp("When to colour output: auto, always or never. NO_COLOR turns auto off.",
                               valueName: "when"),
            completion: .list(ColorChoice.allCases.map(\.rawValue)))
    var color: String = "auto"

    @Option(help: ArgumentHelp("Run the commands in this file, one per line, then exit.", valueName: "file"),
            completion: .file())
    var script: String?

    @Option(help: ArgumentHelp("The lessons folder (default: $TWLAB_LESSONS, ./Lessons, or the one shipped beside twlab).",
                               valueName: "dir"),
            completion: .directory)
    var lessons: String?

    @Option(help: ArgumentHelp("Record the run as an asciicast v2 file, with a marker at every command.",
                               valueName: "file.cast"),
            completion: .file(extensions: ["cast"]))
    var record: String?

    @Option(help: ArgumentHelp("With --script: type each command out over this long (e.g. 1s, 500ms), then run it.",
                               valueName: "duration"))
    var pace: String?

    @Flag(help: "With --script: wait for Enter before each command.")
    var step = false

    @Option(help: ArgumentHelp("The language of lessons and messages: en or zh-Hans (default: $TWLAB_LANG, else the locale).",
                               valueName: "lang"),
            completion: .list(UILanguage.allCases.map(\.rawValue)))
    var lang: String?

    func validate() throws {
        if let pace, ScriptPace.seconds(parsing: pace) == nil {
            throw ValidationError("--pace takes a duration up to 60 s such as 1s or 500ms, not '\(pace)'.")
        }
        if (pace != nil || step || record != nil) && script == nil {
            throw ValidationError("--record, --pace and --step go with --script FILE (for a lesson, use 'twlab present LESSON --record FILE').")
        }
        if let lang, UILanguage.parse(lang) == nil {
            throw ValidationError("--lang must be en or zh-Hans, not '\(lang)'.")
        }
        guard ColorChoice(rawValue: color) != nil else {
            throw ValidationError("--color must be auto, always or never, not '\(color)'.")
        }
        if let lessons {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: lessons, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--lessons \(lessons): no such folder. Give the folder that holds en/ and scenarios/.")
            }
        }
    }

    func run() throws {
        let directory = LessonsLocator.find(explicit: lessons)
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Lessons")
        var options = ShellOptions(color: ColorChoice(rawValue: color) ?? .auto, scriptPath: script,
                                   lessonsDirectory: directory)
        options.recordPath = record
        options.language = lang
        options.pace = ScriptPace(typingSeconds: pace.flatMap(ScriptPace.seconds(parsing:)) ?? 0, waitsForEnter: step)
        let status = ShellLauncher.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
