import Foundation
import Lessons

/// A learner's progress joined with the lessons: per lesson its status, step and score, per question
/// how it went. This is what `progress` shows and `progress --export FILE` writes as JSON.
public struct ProgressReport: Sendable, Codable {
    /// One question's record, named.
    public struct QuestionEntry: Sendable, Codable {
        public var id: String
        public var points: Double
        public var attempts: Int
        public var hintsUsed: Int
        public var skipped: Bool
        public var revealed: Bool
        public var solved: Bool
        public var missed: Bool
        public var secondsSpent: Double
    }

    /// One lesson's record.
    public struct LessonEntry: Sendable, Codable {
        public var id: String
        public var title: String
        public var status: LessonStatus
        /// The saved step (0-based).
        public var step: Int
        public var steps: Int
        /// Points of the questions solved (skipped, revealed or missed questions score nothing).
        public var score: Double
        public var maxScore: Double
        public var solved: Int
        public var hintsUsed: Int
        public var skipped: Int
        public var revealed: Int
        public var secondsSpent: Double
        public var started: Date?
        public var finished: Date?
        public var questions: [QuestionEntry]
    }

    public var generated: Date
    public var score: Double
    public var maxScore: Double
    public var lessons: [LessonEntry]

    /// Joins the progress with the catalog, in catalog order.
    public init(catalog: LessonCatalog, progress: Progress, generated: Date = Date()) {
        self.generated = generated
        lessons = catalog.lessons.map { lesson in
            let record = progress[lesson: lesson.id]
            let questions = lesson.questions.map { question -> QuestionEntry in
                let q = record.questions[question.id] ?? QuestionProgress()
                return QuestionEntry(id: question.id, points: question.points, attempts: q.attempts,
                                     hintsUsed: q.hintsUsed, skipped: q.skipped, revealed: q.revealed,
                                     solved: q.solved, missed: q.missed, secondsSpent: q.secondsSpent)
            }
            return LessonEntry(
                id: lesson.id, title: lesson.title, status: record.status, step: record.step,
                steps: lesson.steps.count,
                score: questions.filter(\.solved).reduce(0) { $0 + $1.points },
                maxScore: questions.reduce(0) { $0 + $1.points },
                solved: questions.filter(\.solved).count,
                hintsUsed: questions.reduce(0) { $0 + $1.hintsUsed },
                skipped: questions.filter(\.skipped).count,
                revealed: questions.filter(\.revealed).count,
                secondsSpent: questions.reduce(0) { $0 + $1.secondsSpent },
                started: record.started, finished: record.finished, questions: questions)
        }
        score = lessons.reduce(0) { $0 + $1.score }
        maxScore = lessons.reduce(0) { $0 + $1.maxScore }
    }

    /// The report as pretty JSON with sorted keys and ISO 8601 dates.
    public func json() throws -> Data {
        try ProgressStore.encoder.encode(self)
    }
}
