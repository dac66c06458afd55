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
    /// When true, an answers file's own `lessons:` list narrows the questions graded for it.
    public let followsFileLessons: Bool
    private var expectedCache: [String: Result<String, ExpectedAnswerError>] = [:]
    private var verdictCache: [String: Verdict] = [:]
    private let byID: [String: Question]
    private let byShortID: [String: [Question]]

    /// Why a right answer could not be computed.
    public struct ExpectedAnswerError: Error, Sendable {
        /// One line naming the question and the problem.
        public var message: String
    }

    /// A grader for these questions. `followsFileLessons` should be false when the instructor chose the
    /// lessons explicitly.
    public init(questions: [Question], generator: VariantGenerator, authority: AnswerAuthority,
                followsFileLessons: Bool = true) {
        self.questions = questions
        self.generator = generator
        self.authority = authority
        self.followsFileLessons = followsFileLessons
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
        var result = QuestionResult(
            questionID: question.id, lessonID: question.lessonID, status: .missing, points: 0,
            maxPoints: question.points, given: answer?.text, expected: nil, variant: variant)
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
        switch verdict(given, expected: expected, question: question) {
        case .correct:
            result.status = .correct
            result.points = question.points
        case .wrong:
            result.status = .wrong
        case .nearMiss(let why):
            // The tutor lets a learner answer a near miss again; a paper has one answer, so it scores
            // nothing, and the report carries the same reply the tutor gives.
            result.status = .wrong
            result.message = why
        case .invalid(let why):
            result.status = .invalid
            result.message = why
        }
        return result
    }

    /// The authority's verdict, remembered: in a class many students give the same answer, and the
    /// comparison depends only on the question, the answer and the right answer.
    private func verdict(_ given: String, expected: String, question: Question) -> Verdict {
        let key = question.id + "\u{0}" + expected + "\u{0}" + given
        if let known = verdictCache[key] { return known }
        let verdict = authority.check(given, expected, question)
        if verdictCache.count < 200_000 { verdictCache[key] = verdict }
        return verdict
    }

    /// Grades one answers file.
    public func grade(_ file: AnswersFile) -> SubmissionGrade {
        var problems = file.problems
        var selected = questions
        if followsFileLessons, let lessons = file.lessons, !lessons.isEmpty {
            let known = Set(questions.map(\.lessonID))
            for lesson in lessons where !known.contains(lesson) {
                problems.append("\(file.path): lesson `\(QuizText.visible(QuizText.clipped(lesson, to: 60)))` in `lessons:` is not one being graded; ignored")
            }
            let wanted = Set(lessons).intersection(known)
            if !wanted.isEmpty { selected = questions.filter { wanted.contains($0.lessonID) } }
        }
        let selectedIDs = Set(selected.map(\.id))
        var answers: [String: AnswerValue] = [:]
        for (id, value) in file.answers {
            guard let question = resolve(id) else {
                problems.append("\(file.path):\(value.line): question \(QuizText.visible(QuizText.clipped(id, to: 80))) is not a question of the lessons being graded; ignored (ids look like LESSON-ID/QUESTION-ID, see `twlab quiz paper --template`)")
                continue
            }
            if !selectedIDs.contains(question.id) {
                problems.append("\(file.path):\(value.line): question \(question.id) belongs to a lesson not listed in `lessons:`; ignored")
                continue
            }
            answers[question.id] = value
        }
        var results: [QuestionResult] = []
        results.reserveCapacity(selected.count)
        for question in selected {
            let result = grade(answers[question.id], to: question, student: file.student)
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

    /// Grades a class: every file, one grade each, in the order given.
    public func grade(_ files: [AnswersFile], passMark: Double) -> GradingRun {
        let start = Date()
        let submissions = files.map(grade)
        var seen = Set<String>()
        var columns: [String] = []
        for submission in submissions {
            for result in submission.questions where seen.insert(result.questionID).inserted {
                columns.append(result.questionID)
            }
        }
        let order = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        columns.sort { (order[$0] ?? 0) < (order[$1] ?? 0) }
        return GradingRun(submissions: submissions, questionIDs: columns, isPractice: generator.isPractice,
                          passMark: passMark, executionTime: Date().timeIntervalSince(start))
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
