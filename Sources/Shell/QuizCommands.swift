import ArgumentParser
import Commands
import Foundation
import Lessons
import Quiz
import Rendering
import Tutor

/// Shell commands for quiz (grading): `quiz [LESSON-ID…] [--student ID]` asks every question of the
/// lessons in turn, grades each answer the way `twlab quiz grade` does, and ends with a score. In a
/// script run the shell's exit status then tells whether the score reached the pass mark.
enum QuizCommands {
    static let name = "quiz"

    /// True when the words are for the instructors' `quiz` (paper, grade, export… or its help), which the
    /// shell runs as the command line does.
    static func isCatalogQuiz(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        let subcommands = QuizCommand.configuration.subcommands.map { $0._commandName }
        return subcommands.contains(first) || ["-h", "--help", "help"].contains(first)
    }

    static func make() -> [ShellCommand] {
        [ShellCommand(
            name: name,
            summary: "Answer a lesson's questions in a row and get a score.",
            usage: "quiz [LESSON-ID…] | quiz answer|skip|stop | quiz paper|grade|export …",
            details: """
            Asks every question of the lessons (all lessons when none is named) and grades each answer
            the way `twlab quiz grade` does. Type each answer at the prompt (or `quiz answer TEXT` when
            the answer looks like a command); `quiz skip` leaves a question unanswered and `quiz stop`
            ends early. The quiz ends with a score; in a script run the shell then exits with status 1
            when the score is below the pass mark. Variants use the practice seed: the graded quiz from
            your instructor may use other numbers.

            The instructors' commands work here as on the command line: quiz paper, quiz grade,
            quiz export (see `twlab quiz --help`).
            """,
            complete: { context, request in
                guard request.words.count >= 1 else { return [] }
                let catalog = LessonCatalog.load(directory: context.lessonsDirectory)
                if request.words.count >= 2 && isCatalogQuiz(Array(request.words.dropFirst())) {
                    return CommandCompletion.candidates(words: request.words, partial: request.partial, io: context.commandIO(),
                                                         root: ShellLineCommands.self)
                }
                return ["answer", "skip", "stop", "--student", "--pass-mark"] + catalog.lessons.map(\.id)
                    + QuizCommand.configuration.subcommands.map { $0._commandName }
            },
            run: { context, arguments in
                if isCatalogQuiz(arguments) { return CatalogCommands.run([name] + arguments, context: context) }
                return try QuizRun.start(context: context, arguments: arguments)
            }
        )]
    }
}

/// One quiz in progress in the shell.
final class QuizRun {

    let grader: QuizGrader
    let student: String
    let passMark: Double
    var index = 0
    var results: [QuestionResult] = []
    /// The interceptor that was in place before the quiz (the tutor's), put back when it ends.
    var previousInterceptor: ((String) -> CommandResult?)?

    init(grader: QuizGrader, student: String, passMark: Double) {
        self.grader = grader
        self.student = student
        self.passMark = passMark
    }

    /// Runs `quiz …`.
    static func start(context: ShellContext, arguments: [String]) throws -> CommandResult {
        if let first = arguments.first, ["stop", "skip", "answer"].contains(first) {
            guard let run = context.quiz else {
                context.output.line(UIText.text("quiz.none"))
                return .failure
            }
            switch first {
            case "stop": return run.finish(context: context)
            case "skip": return run.answer("", context: context) ?? .success
            default: return run.answer(arguments.dropFirst().joined(separator: " "), context: context) ?? .success
            }
        }
        var lessonIDs: [String] = []
        var student = ProcessInfo.processInfo.environment["USER"] ?? "student"
        var passMark = 0.6
        var remaining = arguments[...]
        while let word = remaining.popFirst() {
            switch word {
            case "--student":
                guard let value = remaining.popFirst() else { context.output.line("--student needs an id"); return .failure }
                student = value
            case "--pass-mark":
                guard let value = remaining.popFirst().flatMap(Double.init), (0...1).contains(value) else {
                    context.output.line("--pass-mark needs a fraction from 0 to 1, for example 0.6")
                    return .failure
                }
                passMark = value
            default:
                lessonIDs.append(word)
            }
        }
        let catalog: QuizCatalog
        do {
            catalog = try QuizCatalog.load(directory: context.lessonsDirectory, selecting: lessonIDs,
                                           language: TutorCommands.lessonLanguage(in: context.lessonsDirectory))
        } catch let error as QuizError {
            context.output.line(error.errorDescription ?? "\(error)")
            return .failure
        }
        let grader = QuizGrader(questions: catalog.questions, generator: VariantGenerator(secret: nil),
                                authority: .standard(scenarios: catalog.scenarios))
        let run = QuizRun(grader: grader, student: student, passMark: passMark)
        if let earlier = context.quiz {
            run.previousInterceptor = earlier.previousInterceptor
        } else {
            run.previousInterceptor = context.lineInterceptor
        }
        context.quiz = run
        context.output.line(UIText.text("quiz.start", String(grader.questions.count)))
        context.output.line(UIText.text("quiz.practice"))
        context.lineInterceptor = { [weak context] line in
            guard let context else { return nil }
            return run.answer(line, context: context)
        }
        run.ask(context: context)
        return .success
    }

    private func ask(context: ShellContext) {
        guard grader.questions.indices.contains(index) else { return }
        let question = grader.questions[index]
        let variant = grader.generator.variant(for: question, student: student)
        context.output.line()
        context.output.line(context.output.styled(UIText.text("quiz.question", String(index + 1), String(grader.questions.count)), .bold) + "  [\(question.id)]")
        context.output.paragraph(question.renderedPrompt(parameters: variant.values).trimmingCharacters(in: .whitespacesAndNewlines))
        // The paper's hint is English; other languages describe the answer with the tutor's words.
        let shape = UILanguage.current == .english ? QuizPaper.answerHint(question.answerKind)
            : AnswerVocabulary.shape(of: question.answerKind)
        context.output.line(UIText.text("quiz.answer", shape))
    }

    /// Grades one typed answer and moves on.
    func answer(_ line: String, context: ShellContext) -> CommandResult? {
        guard grader.questions.indices.contains(index) else { return nil }
        let question = grader.questions[index]
        let text = line.trimmingCharacters(in: .whitespaces)
        let result = grader.grade(text.isEmpty ? nil : AnswerValue(text: text, line: 0), to: question, student: student)
        let expected = QuizText.visible(result.expected ?? "?")
        switch result.status {
        case .correct: context.output.line(context.output.styled(UIText.text("quiz.right"), .green))
        case .wrong: context.output.line(context.output.styled(UIText.text("quiz.wrong"), .red) + UIText.text("quiz.wrong.answer", expected))
        case .missing: context.output.line(UIText.text("quiz.skipped", expected))
        case .invalid:
            // Not an answer of this question's shape: it does not count, and the question stays. The
            // grader words its reason in English; other languages give the catalog's line alone.
            let reason = UILanguage.current == .english ? " \(QuizText.visible(result.message ?? ""))." : ""
            context.output.paragraph(context.output.styled(UIText.text("quiz.invalid"), .yellow) + reason
                                     + UIText.sentenceGap() + UIText.text("quiz.invalid.again"))
            return .success
        case .ungradable: context.output.line(UIText.text("quiz.ungradable", result.message ?? ""))
        }
        results.append(result)
        index += 1
        if index < grader.questions.count {
            ask(context: context)
            return .success
        }
        return finish(context: context)
    }

    /// Prints the score, ends the quiz, and fails when the pass mark was missed.
    func finish(context: ShellContext) -> CommandResult {
        for question in grader.questions.dropFirst(results.count) {
            results.append(grader.grade(nil, to: question, student: student))
        }
        let submission = SubmissionGrade(file: "shell", student: student, questions: results, problems: [], isUsable: true)
        let percent = Int((submission.fraction * 100).rounded())
        let passed = submission.passes(passMark)
        context.output.line()
        context.output.line(UIText.text("quiz.score", QuizText.number(submission.score), QuizText.number(submission.maxScore), String(percent))
                            + (passed ? UIText.text("quiz.pass") : UIText.text("quiz.fail", String(Int((passMark * 100).rounded())))))
        context.lineInterceptor = previousInterceptor
        context.quiz = nil
        return passed ? .success : .failure
    }
}
