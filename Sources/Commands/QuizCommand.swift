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
        commandName: "paper", abstract: "Print a student's questions, or an answers file to fill in.",
        discussion: """
        The id is the one the grader knows the student by: on Gradescope the roster's SID, else the \
        e-mail address. With --students ROSTER --output-dir DIR every student's paper (or, with \
        --template, answers file) is written to DIR/ID.txt (or DIR/ID.yaml) for the instructor to hand \
        out; the roster is one id a line, or a CSV with an SID or Email column (a Gradescope roster \
        export).
        """)

    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: "The student id the variants are made for (on Gradescope: the roster's SID, else the e-mail).") var student: String = "student"
    @Option(help: ArgumentHelp("A roster (one id a line, or CSV with an SID or Email column): write every student's paper.", valueName: "file"))
    var students: String?
    @Option(help: ArgumentHelp("Write N answers files (ID.yaml, the questions as comments) under new random ids (pl-…) to --output-dir, for a platform that deals one to each student (the PrairieLearn kit).", valueName: "N"))
    var pool: Int?
    @Option(help: ArgumentHelp("With --students or --pool: the folder the papers are written to (created when missing).", valueName: "dir"))
    var outputDir: String?
    @Option(help: ArgumentHelp("The course secret (without it, practice variants).", valueName: "file")) var secretFile: String?
    @Flag(help: "Print an answers file to fill in (YAML, the questions as comments).") var template = false

    public func validate() throws {
        if students != nil, pool != nil { throw ValidationError("choose one of --students ROSTER and --pool N") }
        if let pool {
            guard (1...5_000).contains(pool) else { throw ValidationError("--pool takes a number of papers from 1 to 5000") }
            if outputDir == nil { throw ValidationError("--pool needs --output-dir DIR, the folder the papers go to") }
            if secretFile == nil { throw ValidationError("--pool makes graded papers: give --secret-file FILE") }
            return
        }
        if students != nil, outputDir == nil { throw ValidationError("--students needs --output-dir DIR, the folder the papers go to") }
        if students == nil, outputDir != nil { throw ValidationError("--output-dir goes with --students ROSTER or --pool N") }
        if students == nil, let problem = StudentID.problem(with: student) {
            throw ValidationError("the --student id \(problem)")
        }
    }

    public func run() throws {
        let messages = QuizMessages()
        do {
            let catalog = try lessons.catalog()
            let secret = try secretFile.map(QuizCatalog.readSecret(path:))
            let generator = VariantGenerator(secret: secret)
            if let pool, let outputDir {
                try writePool(pool, folder: outputDir, lessons: catalog.lessons, generator: generator)
                return
            }
            if let students, let outputDir {
                try writePapers(roster: students, folder: outputDir, lessons: catalog.lessons, generator: generator, messages: messages)
                return
            }
            let paper = QuizPaper(lessons: catalog.lessons, student: student, generator: generator)
            if template { print(paper.template(), terminator: "") } else { printText(paper.text(), terminator: "") }
        } catch let error as QuizError {
            messages.say("error: " + (error.errorDescription ?? "\(error)"))
            throw ExitCode(2)
        } catch let error as OutputFileWriter.WriteError {
            messages.say("error: " + error.description)
            throw ExitCode(2)
        }
    }

    /// Writes `count` papers under fresh random ids, each as a readable paper and an answers file.
    private func writePool(_ count: Int, folder: String, lessons: [Lesson], generator: VariantGenerator) throws {
        var random = SystemRandomNumberGenerator()
        var ids = Set<String>()
        while ids.count < count {
            ids.insert("pl-" + (0..<10).map { _ in String(Int.random(in: 0..<16, using: &random), radix: 16) }.joined())
        }
        for id in ids.sorted() {
            // The answers file carries every question as a comment: the one file a student needs.
            let paper = QuizPaper(lessons: lessons, student: id, generator: generator)
            try OutputFileWriter.write(Data(paper.template().utf8), toPath: URL(fileURLWithPath: folder).appendingPathComponent(id + ".yaml").path,
                                       permissions: 0o600, createFolders: true, followingLinks: false)
        }
        printText("Wrote \(count) answers files to \(folder) (ID.yaml, the questions as comments)")
    }

    /// Writes one paper per roster id into the folder; ids that cannot be a file name or an id are
    /// reported and skipped (exit 2 after the rest are written).
    private func writePapers(roster: String, folder: String, lessons: [Lesson], generator: VariantGenerator,
                             messages: QuizMessages) throws {
        guard let data = FileManager.default.contents(atPath: roster) else {
            messages.say("error: cannot read the roster \(roster); check the path")
            throw ExitCode(2)
        }
        let parsed = StudentRoster.parse(String(decoding: data, as: UTF8.self))
        var skipped = parsed.problems
        var written = 0
        let ext = template ? "yaml" : "txt"
        for id in parsed.ids {
            if let problem = StudentID.problem(with: id) {
                skipped.append("roster id `\(QuizText.visible(id))` \(problem); skipped")
                continue
            }
            guard let name = StudentRoster.fileName(for: id, extension: ext) else {
                skipped.append("roster id `\(QuizText.visible(id))` cannot be a file name (a slash or a leading dot); skipped")
                continue
            }
            let paper = QuizPaper(lessons: lessons, student: id, generator: generator)
            let text = template ? paper.template() : paper.text()
            try OutputFileWriter.write(Data(text.utf8), toPath: URL(fileURLWithPath: folder).appendingPathComponent(name).path,
                                       permissions: 0o600, createFolders: true, followingLinks: false)
            written += 1
        }
        skipped.forEach { messages.say("warning: " + $0) }
        printText("Wrote \(written) \(template ? "answers files" : "papers") to \(folder)"
                  + (generator.isPractice ? " (practice variants: no --secret-file)" : ""))
        if written == 0 || !skipped.isEmpty { throw ExitCode(2) }
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
    @Flag(help: "Overwrite kit files that already exist (by default they are kept, as you may have edited them).")
    var force = false

    public func validate() throws {
        guard (0...1).contains(passMark) else { throw ValidationError("--pass-mark is a fraction from 0 to 1, for example 0.6") }
    }

    public func run() throws {
        let kit = PlatformKit(platform: platform, lessons: lessons.lessonIDs, passMark: passMark)
        let root = URL(fileURLWithPath: directory)
        var written: [String] = [], kept: [String] = []
        do {
            // Named lessons must exist, or the course file would fail on the platform.
            if !lessons.lessonIDs.isEmpty { _ = try lessons.catalog() }
            // Look at every target first, so a refusal writes nothing.
            var plan: [(file: PlatformKit.File, exists: Bool)] = []
            for file in kit.files {
                switch try KitTarget.inspect(root: root, relativePath: file.path) {
                case .absent: plan.append((file, false))
                case .regularFile: plan.append((file, true))
                }
            }
            for (file, exists) in plan {
                if exists && !force { kept.append(file.path); continue }
                try OutputFileWriter.write(Data(file.text.utf8), to: root.appendingPathComponent(file.path),
                                           permissions: file.isExecutable ? 0o755 : 0o644, createFolders: true,
                                           followingLinks: false)
                written.append(file.path)
            }
        } catch let error as KitTarget.Refusal {
            QuizMessages().say("error: " + error.description)
            throw ExitCode(2)
        } catch let error as OutputFileWriter.WriteError {
            QuizMessages().say("error: " + error.description)
            throw ExitCode(2)
        } catch let error as QuizError {
            QuizMessages().say("error: " + (error.errorDescription ?? "\(error)"))
            throw ExitCode(2)
        }
        if !written.isEmpty {
            printText("Wrote the \(platform.rawValue) kit to \(root.path): " + written.joined(separator: ", "))
        }
        if !kept.isEmpty {
            printText("Kept (already there; --force overwrites): " + kept.joined(separator: ", "))
        }
    }
}

/// What is at a kit file's path: nothing, or a regular file. Anything else (a symbolic link, a
/// device, a FIFO, a folder; or a link or non-folder on the way inside the kit folder) is refused, so
/// a link planted in the kit folder never sends a kit file elsewhere.
enum KitTarget {
    case absent, regularFile

    /// Why a kit file's path cannot be written, in one sentence.
    struct Refusal: Error { var description: String }

    static func inspect(root: URL, relativePath: String) throws -> KitTarget {
        var path = root.path
        let parts = relativePath.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            path += (path.hasSuffix("/") ? "" : "/") + part
            var info = stat()
            guard lstat(path, &info) == 0 else {
                if errno == ENOENT { return .absent }
                throw KitTarget.Refusal(description: "cannot inspect \(path): \(String(cString: strerror(errno)))")
            }
            let kind = info.st_mode & S_IFMT
            let last = index == parts.count - 1
            if kind == S_IFLNK {
                throw KitTarget.Refusal(description: "\(path) is a symbolic link; kit files are not written through links, so nothing was written (remove it, or choose another folder)")
            }
            if last && kind != S_IFREG {
                throw KitTarget.Refusal(description: "\(path) is not a regular file; nothing was written (remove it, or choose another folder)")
            }
            if !last && kind != S_IFDIR {
                throw KitTarget.Refusal(description: "\(path) is not a folder; nothing was written (remove it, or choose another folder)")
            }
        }
        return .regularFile
    }
}
