import ArgumentParser
import Foundation
import Lessons
import Quiz
import Rendering
import Tutor

extension Disclosure.Feedback: ExpressibleByArgument {}

/// `twlab quiz grade`: grades answers files into a report. Exit 0 when every file reaches the pass
/// mark, 1 when one does not, 2 on unusable input.
public struct QuizGradeCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade answers files into a report or a gradebook.",
        discussion: """
        Every file is graded on the whole course: the questions of --course, or of the --lesson \
        options, or every shipped question. An answers file's own `lessons:` never changes that, and \
        a question without an answer scores 0.

        Reports never contain expected answers unless --show-expected is given; --feedback adds each \
        question's first hint or its explanation.

        Exit status: 0 when every file reaches the pass mark, 1 when one does not, 2 on unusable \
        input.

        With --only QUESTION, one question is graded, one line per file goes to standard output \
        (pass or fail and the points), nothing to standard error, and the exit status is 0 only when \
        every answer is right.

        In a Gradescope autograder (/autograder exists) with --format gradescope, or a PrairieLearn \
        grader (/grade exists) with --format prairielearn, and no --output, the answers come from the \
        submission folder, the results go where the platform reads them, and (Gradescope) the student \
        id comes from the submission metadata.
        """)

    @Argument(help: "Answers files (YAML), or folders of them. In an autograder they default to the submitted .yaml files.")
    var answers: [String] = []
    @OptionGroup var lessons: QuizLessonOptions
    @Option(help: ArgumentHelp("A course file: the lessons and questions graded, and the pass mark.", valueName: "file"))
    var course: String?
    @Option(help: ArgumentHelp("The course secret (without it, practice variants and the report says so).", valueName: "file"))
    var secretFile: String?
    @Option(help: "The report format: text, json, junit, tap, gradescope, prairielearn, csv or score.")
    var format: ReportFormat = .text
    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (- is standard output).", valueName: "path"))
    var output: String?
    @Option(help: "The fraction of the points a file needs to pass (default 0.6, or the course file's).")
    var passMark: Double?
    @Option(help: ArgumentHelp("Grade only this question; print pass or fail and the points; exit 0 only if right.", valueName: "question-id"))
    var only: String?
    @Option(help: "What reports add for a question not answered right: none, hints (its first hint) or explain (its explanation).")
    var feedback: Disclosure.Feedback = .none
    @Flag(help: "Show each question's expected answer in the reports (for the instructor; students can read most reports).")
    var showExpected = false
    @Option(help: "TAP version line: 13 (default, what prove reads) or 14.") var tapVersion: Int = 13
    @Option(help: "Gradescope test visibility: visible, hidden, after_due_date or after_published (default visible, or after_published with --show-expected).")
    var visibility: String?

    public func validate() throws {
        if let passMark { guard (0...1).contains(passMark) else { throw ValidationError("--pass-mark is a fraction from 0 to 1, for example 0.6") } }
        guard tapVersion == 13 || tapVersion == 14 else { throw ValidationError("--tap-version is 13 or 14") }
        if let visibility, !GradescopeReportWriter.visibilities.contains(visibility) {
            throw ValidationError("--visibility is one of \(GradescopeReportWriter.visibilities.joined(separator: ", "))")
        }
    }

    public func run() throws {
        let messages = QuizMessages(toStandardOutput: only != nil)
        let platform = only == nil && output == nil ? GradingPlatform.detect(format: format) : nil
        let shownVisibility = visibility ?? (showExpected ? "after_published" : "visible")
        let disclosure = Disclosure(showExpected: showExpected, feedback: feedback)
        // The text report and --only's lines are for people: in the interface language (or --lang).
        let words = QuizReportWords.make(lessons.language.flatMap(UILanguage.parse) ?? .current)

        func render(_ run: GradingRun) -> String {
            format == .gradescope ? GradescopeReportWriter(visibility: shownVisibility).write(run)
                                  : format.render(run, tapVersion: tapVersion, words: words)
        }
        func fail(_ message: String) throws -> Never {
            messages.say("error: " + message)
            if let platform {
                // The platform must always find a results file.
                let run = GradingRun(submissions: [SubmissionGrade(file: answers.first ?? "submission", student: platform.studentID ?? "unknown",
                                                                   questions: [], problems: [message], isUsable: false)],
                                     questionIDs: [], isPractice: secretFile == nil, passMark: passMark ?? 0.6)
                try? platform.write(render(run))
            }
            throw ExitCode(2)
        }

        let catalog: QuizCatalog, secret: Data?, questions: [Question], mark: Double
        do {
            catalog = try lessons.catalog()
            secret = try secretFile.map(QuizCatalog.readSecret(path:))
            let chosen = try course.map(QuizCourse.read(path:)) ?? QuizCourse()
            questions = try chosen.select(from: catalog.lessons)
            mark = passMark ?? chosen.passMark ?? 0.6
        } catch let error as QuizError {
            try fail(error.errorDescription ?? "\(error)")
        } catch let error as QuizCourse.Problem {
            try fail(error.message)
        }
        guard !questions.isEmpty else { try fail(QuizError.noQuestions.errorDescription ?? "no questions") }
        // On a platform the platform says whose submission it is; without that, a copied file would be
        // graded under its own `student:` line, so nothing is graded.
        if let platform, platform.studentID == nil { try fail(platform.missingIdentity) }
        var paths = SubmissionReader.expand(answers)
        if paths.isEmpty, let platform { paths = platform.submittedAnswersFiles }
        if paths.isEmpty {
            try fail(platform == nil ? "no answers file given; usage: twlab quiz grade ANSWERS.yaml…"
                                     : "no .yaml answers file in the submission; hand in the answers file your instructor gave you, filled in")
        }
        if (format == .gradescope || format == .prairielearn) && paths.count > 1 && only == nil {
            try fail("--format \(format.rawValue) grades one submission; give one answers file")
        }

        let reader = SubmissionReader(secret: secret)
        var files = paths.map(reader.read)
        if let id = platform?.studentID {
            for index in files.indices where files[index].student != id {
                files[index].problems.append("\(files[index].path): the file's `student:` differs from the platform's id `\(QuizText.visible(id))`; graded as `\(QuizText.visible(id))`")
                files[index].student = id
            }
        }
        let grader = QuizGrader(questions: questions, generator: VariantGenerator(secret: secret),
                                authority: .standard(scenarios: catalog.scenarios))

        if let only {
            guard let question = grader.resolve(only), questions.contains(where: { $0.id == question.id }) else {
                try fail(QuizError.unknownQuestion(only).errorDescription ?? only)
            }
            var allRight = true
            for file in files {
                let answer = file.isUsable ? file.answers.last { grader.resolve($0.id)?.id == question.id }?.value : nil
                let result = grader.grade(answer, to: question, student: file.student)
                allRight = allRight && result.status == .correct
                let verdict = result.status == .correct ? words.onlyPass : (result.status == .ungradable ? words.onlyNotGraded : words.onlyFail)
                print(TextReportWords.fill(words.onlyLine, QuizText.visible(file.student), question.id, verdict,
                                           QuizText.number(result.points), QuizText.number(result.maxPoints)))
            }
            throw ExitCode(allRight ? 0 : 1)
        }

        let run = grader.grade(files, passMark: mark, disclosure: disclosure)
        for submission in run.submissions { submission.problems.forEach(messages.say) }
        do {
            if let output {
                try OutputFileWriter.write(Data(render(run).utf8), toPath: output)
            } else if let platform {
                try platform.write(render(run))
            } else if format == .text {
                // Text is for people: wrapped to the terminal (or $COLUMNS); machine formats go as they are.
                printText(render(run), terminator: "")
            } else {
                print(render(run), terminator: "")
            }
        } catch {
            messages.say("error: cannot write the report to \(output ?? "the autograder") (\(ErrorText.plain(error))); check the --output path")
            throw ExitCode(2)
        }
        throw ExitCode(run.exitStatus)
    }
}

/// The autograder the command runs in, if any: where answers are found and results written.
enum GradingPlatform {
    case gradescope(AutograderEnvironment)
    case prairieLearn(PrairieLearnEnvironment)

    /// The platform matching the format, when its folder exists.
    static func detect(format: ReportFormat) -> GradingPlatform? {
        switch format {
        case .gradescope: return AutograderEnvironment.detect().map(GradingPlatform.gradescope)
        case .prairielearn: return PrairieLearnEnvironment.detect().map(GradingPlatform.prairieLearn)
        default: return nil
        }
    }

    /// Why nothing is graded when the platform names no student.
    var missingIdentity: String {
        switch self {
        case .gradescope:
            return "Gradescope named no student (submission_metadata.json has no user with a sid, email or id), so nothing was graded; the instructor checks the autograder"
        case .prairieLearn:
            return "this PrairieLearn question gave no paper (params.paper in /grade/data/data.json), so nothing was graded; the question needs the kit's server.py and a pool from `twlab quiz paper --pool` (see the kit's README)"
        }
    }

    /// The student id the platform says the submission belongs to.
    var studentID: String? {
        switch self {
        case .gradescope(let environment): return environment.studentID
        case .prairieLearn(let environment): return environment.paperID
        }
    }

    var submittedAnswersFiles: [SubmissionReader.Submitted] {
        switch self {
        case .gradescope(let environment): return environment.submittedAnswersFiles
        case .prairieLearn(let environment): return environment.submittedAnswersFiles
        }
    }

    func write(_ results: String) throws {
        switch self {
        case .gradescope(let environment): try environment.write(results: results)
        case .prairieLearn(let environment): try environment.write(results: results)
        }
    }
}
