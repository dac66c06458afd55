import ArgumentParser
import Foundation
import Lessons
import Quiz
import Rendering
import Tutor

/// `twlab quiz`: Quiz papers, grading and question export for instructors.
public struct QuizCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Quiz papers, grading and question export for instructors.",
        subcommands: [QuizPaperCommand.self, QuizGradeCommand.self, QuizExportCommand.self, QuizKitCommand.self]
    )
}

extension ReportFormat: ExpressibleByArgument {}

/// Options every quiz subcommand shares.
struct QuizLessonOptions: ParsableArguments {
    @Option(name: .customLong("lesson"), help: ArgumentHelp("A lesson to include (repeat for several; default: all).", valueName: "id"))
    var lessonIDs: [String] = []

    @Option(name: .customLong("lessons"), help: ArgumentHelp("The lessons folder (default: $TWLAB_LESSONS, ./Lessons, or beside twlab).", valueName: "dir"))
    var lessonsDirectory: String?

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("The language of the questions and choices: en or zh-Hans (default: $TWLAB_LANG, else the locale). Answers in Chinese or English are accepted either way where they name the same state or choice.",
                               valueName: "lang"))
    var language: String?

    func validate() throws {
        if let language, UILanguage.parse(language) == nil {
            throw ValidationError("--lang must be en or zh-Hans, not '\(language)'.")
        }
    }

    /// Loads the selected lessons in the chosen language or throws a `QuizError`.
    func catalog() throws -> QuizCatalog {
        guard let directory = LessonsFolder.find(explicit: lessonsDirectory) else { throw QuizError.lessonsNotFound }
        let chosen = language.flatMap(UILanguage.parse) ?? .current
        return try QuizCatalog.load(directory: directory, selecting: lessonIDs, language: chosen.rawValue)
    }
}

/// Where one-line messages go: standard error normally, standard output in `--only` mode.
struct QuizMessages {
    var toStandardOutput = false
    func say(_ line: String) {
        let text = QuizText.visible(line)
        if toStandardOutput { CommandIO.current.line(text) } else { CommandIO.current.errorLine(text) }
    }
}

/// `twlab quiz paper`.
public struct QuizPaperCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "paper", abstract: "Print a student's questions, or an answers file to fill in.")

    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: "The student id the variants are made for.") var student: String = "student"
    @Option(help: ArgumentHelp("The course secret (without it, practice variants).", valueName: "file")) var secretFile: String?
    @Flag(help: "Print an answers file to fill in (YAML, the questions as comments).") var template = false

    public func run() throws {
        let messages = QuizMessages()
        do {
            let catalog = try lessons.catalog()
            let secret = try secretFile.map(QuizCatalog.readSecret(path:))
            let paper = QuizPaper(lessons: catalog.lessons, student: student, generator: VariantGenerator(secret: secret))
            if template { print(paper.template(), terminator: "") } else { printText(paper.text(), terminator: "") }
        } catch let error as QuizError {
            messages.say("error: " + (error.errorDescription ?? "\(error)"))
            throw ExitCode(2)
        }
    }
}

/// `twlab quiz export`.
public struct QuizExportCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the questions for a learning platform (Moodle GIFT).")

    enum Format: String, ExpressibleByArgument { case gift }

    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: "The export format.") var format: Format = .gift
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output: String?

    public func run() throws {
        let messages = QuizMessages()
        do {
            let catalog = try lessons.catalog()
            let grader = QuizGrader(questions: catalog.questions, generator: VariantGenerator(secret: nil),
                                    authority: .standard(scenarios: catalog.scenarios))
            let (text, problems) = GIFTExporter(grader: grader).export()
            if let output {
                try OutputFileWriter.write(Data(text.utf8), toPath: output)
            } else {
                print(text, terminator: "")
            }
            problems.forEach(messages.say)
            if !problems.isEmpty { throw ExitCode(2) }
        } catch let error as OutputFileWriter.WriteError {
            messages.say("error: " + error.description)
            throw ExitCode(2)
        } catch let error as QuizError {
            messages.say("error: " + (error.errorDescription ?? "\(error)"))
            throw ExitCode(2)
        }
    }
}

extension PlatformKit.Platform: ExpressibleByArgument {}

/// `twlab quiz kit PLATFORM DIR`.
public struct QuizKitCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "kit", abstract: "Write the files to grade on a platform: gradescope, prairielearn, classroom50 or ci.",
        discussion: "The course secret is never written into a kit; each kit's README says where it goes.")

    @Argument(help: "gradescope, prairielearn, classroom50 or ci.") var platform: PlatformKit.Platform
    @Argument(help: "The folder to write the kit into (created when missing).") var directory: String
    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: "The pass mark written into course.yaml.") var passMark: Double = 0.6

    public func validate() throws {
        guard (0...1).contains(passMark) else { throw ValidationError("--pass-mark is a fraction from 0 to 1, for example 0.6") }
    }

    public func run() throws {
        let kit = PlatformKit(platform: platform, lessons: lessons.lessonIDs, passMark: passMark)
        let root = URL(fileURLWithPath: directory)
        do {
            // Named lessons must exist, or the course file would fail on the platform.
            if !lessons.lessonIDs.isEmpty { _ = try lessons.catalog() }
            for file in kit.files {
                try OutputFileWriter.write(Data(file.text.utf8), to: root.appendingPathComponent(file.path),
                                           permissions: file.isExecutable ? 0o755 : 0o644, createFolders: true)
            }
        } catch let error as OutputFileWriter.WriteError {
            QuizMessages().say("error: " + error.description)
            throw ExitCode(2)
        } catch let error as QuizError {
            QuizMessages().say("error: " + (error.errorDescription ?? "\(error)"))
            throw ExitCode(2)
        }
        print("Wrote the \(platform.rawValue) kit to \(root.path): " + kit.files.map(\.path).joined(separator: ", "))
    }
}
