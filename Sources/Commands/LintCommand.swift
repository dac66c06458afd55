import ArgumentParser
import Foundation
import Lessons
import SocketLab
import TCPModel

/// `twlab lint`: Check lesson files and their scenarios.
public struct LintCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lesson files and their scenarios.",
        discussion: """
        Checks the front matter, unique ids, every directive's fields, that every scenario parses and its \
        expect lines hold, that every prediction's computed answer is among its choices, that named \
        experiments exist, and that translations carry the same lessons. Problems are printed as \
        file:line:col: error: message; the exit status is 1 when there is any error.
        """)

    @Argument(help: "Lesson folders, lesson files (.md) or scenarios (.twsim). Default: the shipped lessons folder.")
    var paths: [String] = []

    @Option(name: .long, help: "The lessons folder, when no path is given.")
    var lessons: String?

    @Flag(name: .long, help: "Do not print warnings.")
    var noWarnings = false

    @Flag(name: .long, help: "Also print every question's computed answer for its practice variant (for instructors; graded variants differ per student).")
    var answers = false

    public func run() throws {
        var urls = paths.map { URL(fileURLWithPath: $0) }
        if urls.isEmpty {
            guard let folder = LessonsFolder.find(explicit: lessons) else {
                printError("twlab: no lessons folder found; pass a path, or set $TWLAB_LESSONS")
                throw ExitCode(2)
            }
            urls = [folder]
        }
        var experiments: [String: [String]] = [:]
        for name in ExperimentCatalog.names { experiments[name] = ExperimentCatalog.findingKeys[name] ?? [] }
        let report = Linter(experiments: experiments, commands: LessonCommandVocabulary.catalog).lint(urls)
        var text = ""
        for diagnostic in report.diagnostics where !(noWarnings && diagnostic.severity == .warning) {
            text += diagnostic.description + "\n"
        }
        let interface = InterfaceTranslationLint.lines()
        for line in interface.errors + (noWarnings ? [] : interface.warnings) { text += line + "\n" }
        if !text.isEmpty { CommandIO.current.writeError(CommandIO.current.fitted(String(text.dropLast())) + "\n") }
        if answers {
            for url in urls { printAnswers(root: url) }
        }
        printText(report.summary)
        if !report.errors.isEmpty || !interface.errors.isEmpty { throw ExitCode(1) }
    }

    /// Prints `lesson/question: answer` for every question of a lessons folder, language folder or
    /// lesson file, for its practice variant (the one the tutor shows), labelled so.
    private func printAnswers(root: URL) {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory)
        let catalog: LessonCatalog
        let scenarios: URL
        if isDirectory.boolValue, FileManager.default.fileExists(atPath: root.appendingPathComponent("en").path) {
            catalog = LessonCatalog.load(directory: root)
            scenarios = root.appendingPathComponent("scenarios")
        } else {
            let folder = isDirectory.boolValue ? root : root.deletingLastPathComponent()
            let files = isDirectory.boolValue ? LessonCatalog.lessonFiles(in: root) : [root]
            catalog = LessonCatalog.load(files: files, language: folder.lastPathComponent)
            scenarios = folder.deletingLastPathComponent().appendingPathComponent("scenarios")
        }
        let key = AnswerKey(scenarios: ScenarioLibrary(directory: scenarios))
        let practice = VariantGenerator(secret: nil)
        printText("# Practice variants only (what the tutor and `quiz paper` without a secret show); every student's graded variant differs.")
        for question in catalog.questions {
            let variant = practice.variant(for: question, student: VariantGenerator.practiceStudent)
            var answer: String
            do {
                answer = try key.expected(for: question, parameters: variant.values).text
                let alternatives = question.filled(with: variant.values).alternativeAnswers
                if !alternatives.isEmpty {
                    answer += " (also accepted: " + alternatives.joined(separator: ", ") + ")"
                }
            } catch {
                answer = "(\(error))"
            }
            let values = question.substitutions(for: variant.values).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
            printText("\(question.id): \(answer)" + (values.isEmpty ? "" : "  [practice: " + values.joined(separator: ", ") + "]"))
        }
    }
}
