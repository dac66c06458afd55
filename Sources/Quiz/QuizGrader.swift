import Foundation
import Lessons

/// Grades answers against the lessons' questions. Right answers are computed by the answer authority
/// (the simulation for predictions), once per question and parameter values, so a class of a thousand
/// files runs each scenario only once per variant.
public final class QuizGrader {
    /// The questions that can be graded, in lesson order.
    public let questions: [Question]
    /// Where each student's parameter values come from.
    public let generator: VariantGenerator
    /// Where right answers and verdicts come from.
    public let authority: AnswerAuthority
    private var expectedCache: [String: Result<String, ExpectedAnswerError>] = [:]
    private var verdictCache: [String: Verdict] = [:]
    private let byID: [String: Question]
    private let byShortID: [String: [Question]]

    /// Why a right answer could not be computed.
    public struct ExpectedAnswerError: Error, Sendable {
        /// One line naming the question and the problem.
        public var message: String
    }

    /// A grader for these questions: the instructor's choice (a course, `--lesson`, or every shipped
    /// question). Every file is graded on all of them; a file cannot narrow the set.
    public init(questions: [Question], generator: VariantGenerator, authority: AnswerAuthority) {
        self.questions = questions
        self.generator = generator
        self.authority = authority
        var byID: [String: Question] = [:]
        var byShortID: [String: [Question]] = [:]
        for question in questions {
            byID[question.id] = question
            let short = question.id.split(separator: "/").last.map(String.init) ?? question.id
            byShortID[short, default: []].append(question)
        }
        self.byID = byID
        self.byShortID = byShortID
    }

    /// The canonical right answer for this variant, computed once and then cached.
    public func expected(for question: Question, variant: Variant) -> Result<String, ExpectedAnswerError> {
        let key = question.id + "\u{0}" + variant.values.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        if let cached = expectedCache[key] { return cached }
        let result: Result<String, ExpectedAnswerError>
        do {
            result = .success(try authority.expected(question, variant.values))
        } catch {
            result = .failure(ExpectedAnswerError(message: "the right answer cannot be computed (\(error)); check the lesson with `twlab lint`"))
        }
        expectedCache[key] = result
        return result
    }

    /// Grades one answer (nil when none was given) to one question for a student.
    public func grade(_ answer: AnswerValue?, to question: Question, student: String) -> QuestionResult {
        let variant = generator.variant(for: question, student: student)
        let filled = question.filled(with: variant.values)
        var result = QuestionResult(
            questionID: question.id, lessonID: question.lessonID, status: .missing, points: 0,
            maxPoints: question.points, given: answer?.text, expected: nil, variant: variant)
        result.hint = filled.hints.first
        result.explanation = filled.explain.isEmpty ? nil : filled.explain
        switch expected(for: question, variant: variant) {
        case .failure(let error):
            result.status = .ungradable
            result.message = error.message
            return result
        case .success(let expected):
            result.expected = expected
        }
        guard let answer else { return result }
        guard let given = answer.text, let expected = result.expected else {
            result.status = .invalid
            result.message = answer.problem
            return result
        }
        switch verdict(given, expected: expected, question: filled) {
        case .correct:
            result.status = .correct
            result.points = question.points
        case .wrong:
            result.status = .wrong
        case .invalid:
            // The checker's own message quotes the answer; reports and logs only say what shape is wanted.
            result.status = .invalid
            result.message = "not a valid answer; write \(question.answerKind.inputHint)"
        }
        return result
    }

    /// The authority's verdict, remembered: in a class many students give the same answer, and the
    /// comparison depends only on the question, the answer and the right answer.
    private func verdict(_ given: String, expected: String, question: Question) -> Verdict {
        var key = question.id + "\u{0}" + expected + "\u{0}" + given
        // A variant may fill placeholders in the choices; the verdict then depends on them too.
        if case .choice(let choices) = question.answerKind { key += "\u{0}" + choices.joined(separator: "\u{1}") }
        if let known = verdictCache[key] { return known }
        let verdict = authority.check(given, expected, question)
        if verdictCache.count < 200_000 { verdictCache[key] = verdict }
        return verdict
    }

    /// Grades one answers file on every question of the grader. The file's own `lessons:` list does not
    /// change what is graded; a question without an answer is wrong (missing, no points).
    public func grade(_ file: AnswersFile) -> SubmissionGrade {
        var problems = file.problems
        if let lessons = file.lessons, Set(lessons) != Set(questions.map(\.lessonID)) {
            problems.append("\(file.path): `lessons:` in an answers file does not choose what is graded; every question of the course counts, and unanswered ones score 0")
        }
        var answers: [String: AnswerValue] = [:]
        for (id, value) in file.answers {
            guard let question = resolve(id) else {
                problems.append("\(file.path):\(value.line): this key is not the id of a question being graded; ignored (ids look like LESSON-ID/QUESTION-ID, see `twlab quiz paper --template`)")
                continue
            }
            answers[question.id] = value
        }
        var results: [QuestionResult] = []
        results.reserveCapacity(questions.count)
        for question in questions {
            let answer = file.isUsable ? answers[question.id] : nil
            let result = grade(answer, to: question, student: file.student)
            if result.status == .invalid, let message = result.message, answers[question.id]?.problem == nil {
                let line = answers[question.id]?.line ?? 0
                problems.append("\(file.path):\(line): question \(question.id): \(QuizText.visible(message))")
            }
            if result.status == .ungradable, let message = result.message {
                problems.append("\(file.path): question \(question.id): \(message)")
            }
            results.append(result)
        }
        return SubmissionGrade(file: file.path, student: file.student, questions: results,
                               problems: Self.sortedByLine(problems, file: file.path),
                               isUsable: file.isUsable)
    }

    /// Grades a class: every file, one grade each, in the order given. Two files for the same student
    /// are both flagged (`duplicate-student`), with a message naming the other file.
    public func grade(_ files: [AnswersFile], passMark: Double, disclosure: Disclosure = Disclosure()) -> GradingRun {
        let start = Date()
        var submissions = files.map(grade)
        let byStudent = Dictionary(grouping: submissions.indices, by: { submissions[$0].student })
        for (student, indices) in byStudent where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { QuizText.visible(submissions[$0].file) }
                submissions[index].notes.append(DuplicateStudent.note)
                submissions[index].problems.append("warning: \(submissions[index].file): student `\(QuizText.visible(student))` also handed in \(others.joined(separator: ", ")); check which file counts")
            }
        }
        return GradingRun(submissions: submissions, questionIDs: questions.map(\.id), isPractice: generator.isPractice,
                          passMark: passMark, executionTime: Date().timeIntervalSince(start), disclosure: disclosure)
    }

    /// Messages in the order of the lines they name (messages about the whole file last), stable otherwise.
    static func sortedByLine(_ messages: [String], file: String) -> [String] {
        func line(_ message: String) -> Int {
            guard message.hasPrefix(file + ":") else { return Int.max }
            return Int(message.dropFirst(file.count + 1).prefix { $0.isNumber }) ?? Int.max
        }
        return messages.enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }.map(\.element)
    }

    /// The question an answers-file key names: its full id, or a short id that only one question has.
    public func resolve(_ id: String) -> Question? {
        if let question = byID[id] { return question }
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        if let question = byID[trimmed] { return question }
        if let candidates = byShortID[trimmed], candidates.count == 1 { return candidates.first }
        return nil
    }
}
