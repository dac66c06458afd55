import Foundation

/// Everything one learner has done in twlab's lessons, as saved in `progress.json`.
public struct Progress: Sendable, Equatable, Codable {
    /// The file format version, raised when a field changes meaning.
    public var version: Int
    /// Progress per lesson, keyed by lesson id.
    public var lessons: [String: LessonProgress]
    /// The lesson the learner was last in, so a restarted shell can resume it.
    public var currentLesson: String?

    /// The format version this build writes.
    public static let currentVersion = 1

    /// An empty record: nothing started yet.
    public init(lessons: [String: LessonProgress] = [:], currentLesson: String? = nil) {
        self.version = Progress.currentVersion
        self.lessons = lessons
        self.currentLesson = currentLesson
    }

    /// The record of one lesson, created on first use.
    public subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }
}

/// Where a learner is in one lesson and how each of its questions went.
public struct LessonProgress: Sendable, Equatable, Codable {
    /// The index of the step the learner is on (0-based).
    public var step: Int
    /// When the lesson was first started.
    public var started: Date?
    /// When the learner moved past the last step; nil while the lesson is unfinished.
    public var finished: Date?
    /// Progress per question, keyed by the question id (`LESSON/QUESTION`).
    public var questions: [String: QuestionProgress]

    public init(step: Int = 0, started: Date? = nil, finished: Date? = nil,
                questions: [String: QuestionProgress] = [:]) {
        self.step = step; self.started = started; self.finished = finished; self.questions = questions
    }

    /// The mark shown in the lesson list: finished, started, or not yet touched.
    public var status: LessonStatus {
        if finished != nil { return .finished }
        if started != nil { return .started }
        return .notStarted
    }
}

/// How far a learner got in a lesson, as shown by `lessons`.
public enum LessonStatus: String, Sendable, Codable {
    case notStarted = "not-started"
    case started
    case finished

    /// `✓` finished, `▸` started, `·` not started.
    public var mark: String {
        switch self {
        case .finished: return "✓"
        case .started: return "▸"
        case .notStarted: return "·"
        }
    }
}

/// How one question went. Skips and revealed solutions are recorded apart from real solves.
public struct QuestionProgress: Sendable, Equatable, Codable {
    /// Answers given that had the right shape (invalid answers cost nothing).
    public var attempts: Int
    /// Hints shown so far.
    public var hintsUsed: Int
    /// The learner skipped the question.
    public var skipped: Bool
    /// The learner asked for the solution.
    public var revealed: Bool
    /// The learner gave a right answer (before any skip or reveal).
    public var solved: Bool
    /// The learner used every attempt without a right answer; the answer was then shown.
    public var missed: Bool
    /// Seconds spent with the question open.
    public var secondsSpent: Double
    /// The last answer given, as typed.
    public var lastAnswer: String?
    /// The practice variant used, for questions with parameters.
    public var variant: String?

    public init(attempts: Int = 0, hintsUsed: Int = 0, skipped: Bool = false, revealed: Bool = false,
                solved: Bool = false, missed: Bool = false, secondsSpent: Double = 0,
                lastAnswer: String? = nil, variant: String? = nil) {
        self.attempts = attempts; self.hintsUsed = hintsUsed; self.skipped = skipped
        self.revealed = revealed; self.solved = solved; self.missed = missed
        self.secondsSpent = secondsSpent; self.lastAnswer = lastAnswer; self.variant = variant
    }

    /// True once the question no longer waits for an answer.
    public var isResolved: Bool { solved || skipped || revealed || missed }

    /// Tolerates files written before a field existed: missing fields take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        hintsUsed = try c.decodeIfPresent(Int.self, forKey: .hintsUsed) ?? 0
        skipped = try c.decodeIfPresent(Bool.self, forKey: .skipped) ?? false
        revealed = try c.decodeIfPresent(Bool.self, forKey: .revealed) ?? false
        solved = try c.decodeIfPresent(Bool.self, forKey: .solved) ?? false
        missed = try c.decodeIfPresent(Bool.self, forKey: .missed) ?? false
        secondsSpent = try c.decodeIfPresent(Double.self, forKey: .secondsSpent) ?? 0
        lastAnswer = try c.decodeIfPresent(String.self, forKey: .lastAnswer)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
    }
}
