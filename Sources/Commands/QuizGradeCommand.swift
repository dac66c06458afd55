import ArgumentParser
import Foundation
import Lessons
import Quiz
import Tutor

/// `twlab quiz grade`: grades answers files into a report. Exit 0 when every file reaches the pass
/// mark, 1 when one does not, 2 on unusable input.
public struct QuizGradeCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade answers files into a report or a gradebook.",
        discussion: """
        Exit status: 0 when every file reaches the pass mark, 1 when one does not, 2 on unusable \
        input.

        With --only QUESTION, one question is graded, one line goes to standard output, nothing to \
        standard error, and the exit status is 0 only when the answer is right.

        In a Gradescope autograder (/autograder exists) with --format gradescope and no --output, the \
        results go to /autograder/results/results.json and the student id comes from the submission \
        metadata.
        """)

    @Argument(help: "Answers files (YAML), or folders of them. In a Gradescope autograder they default to the submitted .yaml files.")
    var answers: [String] = []
    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: ArgumentHelp("The course secret (without it, practice variants and the report says so).", valueName: "file"))
    var secretFile: String?
    @Option(help: "The report format.") var format: ReportFormat = .text
    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?
    @Option(help: "The fraction of the points a file needs to pass.") var passMark: Double = 0.6
    @Option(help: ArgumentHelp("Grade only this question; exit 0 only if it is right.", valueName: "question-id"))
    var only: String?
    @Option(help: "TAP version line: 13 (default, what prove reads) or 14.") var tapVersion: Int = 13
    @Option(help: "Gradescope test visibility: visible, hidden, after_due_date or after_published.")
    var visibility: String = "visible"

    public func validate() throws {
        guard (0...1).contains(passMark) else { throw ValidationError("--pass-mark is a fraction from 0 to 1, for example 0.6") }
        guard tapVersion == 13 || tapVersion == 14 else { throw ValidationError("--tap-version is 13 or 14") }
        guard GradescopeReportWriter.visibilities.contains(visibility) else {
            throw ValidationError("--visibility is one of \(GradescopeReportWriter.visibilities.joined(separator: ", "))")
        }
    }

    public func run() throws {
        let messages = QuizMessages(toStandardOutput: only != nil)
        let autograder = format == .gradescope && output == nil && only == nil ? AutograderEnvironment.detect() : nil

        func fail(_ message: String) throws -> Never {
            messages.say("error: " + message)
            if let autograder {
                // Gradescope must always find a results file.
                let run = GradingRun(submissions: [SubmissionGrade(file: answers.first ?? "submission", student: autograder.studentID ?? "unknown",
                                                                   questions: [], problems: [message], isUsable: false)],
                                     questionIDs: [], isPractice: secretFile == nil, passMark: passMark)
                try? autograder.write(results: GradescopeReportWriter(visibility: visibility).write(run))
            }
            throw ExitCode(2)
        }

        let catalog: QuizCatalog, secret: Data?
        do {
            catalog = try lessons.catalog()
            secret = try secretFile.map(QuizCatalog.readSecret(path:))
        } catch let error as QuizError {
            try fail(error.errorDescription ?? "\(error)")
        }
        var paths = AnswersFileParser.expandFolders(answers)
        if paths.isEmpty, let autograder { paths = autograder.submittedAnswersFiles }
        if paths.isEmpty {
            try fail(autograder == nil ? "no answers file given; usage: twlab quiz grade ANSWERS.yaml…"
                                       : "no .yaml answers file in the submission; hand in the file from `twlab quiz paper --template`")
        }
        if format == .gradescope && paths.count > 1 && only == nil {
            try fail("--format gradescope grades one submission; give one answers file")
        }

        var files = paths.map(AnswersFileParser.read(path:))
        if let autograder, let id = autograder.studentID {
            for index in files.indices where files[index].student != id {
                files[index].problems.append("\(files[index].path): the file says student `\(QuizText.visible(files[index].student))` but the submission belongs to `\(id)`; graded as `\(id)`")
                files[index].student = id
            }
        }
        let grader = QuizGrader(questions: catalog.questions, generator: VariantGenerator(secret: secret),
                                authority: .standard(scenarios: catalog.scenarios),
                                followsFileLessons: lessons.lessonIDs.isEmpty)

        if let only {
            guard let question = grader.resolve(only) else {
                try fail(QuizError.unknownQuestion(only).errorDescription ?? only)
            }
            var allRight = true
            for file in files {
                let answer = file.answers.last { grader.resolve($0.id)?.id == question.id }?.value
                let result = grader.grade(answer, to: question, student: file.student)
                allRight = allRight && result.status == .correct
                let given = result.given.map { "\"\(QuizText.visible($0))\"" } ?? "nothing"
                let detail: String
                switch result.status {
                case .correct: detail = "right"
                case .wrong: detail = "wrong: gave \(given), expected \(result.expected ?? "?")"
                case .missing: detail = "missing: no answer; expected \(result.expected ?? "?")"
                case .invalid: detail = "invalid: \(result.message ?? "not an answer"); expected \(result.expected ?? "?")"
                case .ungradable: detail = "not graded: \(result.message ?? "")"
                }
                print("\(QuizText.visible(file.student)) \(question.id): \(detail) (variant \(result.variant.id))")
                if !file.isUsable { file.problems.forEach(messages.say) }
            }
            throw ExitCode(allRight ? 0 : 1)
        }

        let run = grader.grade(files, passMark: passMark)
        for submission in run.submissions { submission.problems.forEach(messages.say) }
        let report = format == .gradescope ? GradescopeReportWriter(visibility: visibility).write(run)
                                           : format.render(run, tapVersion: tapVersion)
        do {
            if let output {
                try Data(report.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else if let autograder {
                try autograder.write(results: report)
            } else {
                print(report, terminator: "")
            }
        } catch {
            messages.say("error: cannot write the report to \(output ?? "the autograder") (\(ErrorText.plain(error))); check the --output path")
            throw ExitCode(2)
        }
        throw ExitCode(run.exitStatus)
    }
}
