import Foundation

/// A lesson: front matter and steps the learner moves through one at a time.
public struct Lesson: Sendable {
    /// A short slug, unique across the catalog, for example `four-way-close`.
    public var id: String
    /// The title shown in the lesson list.
    public var title: String
    /// One sentence saying what the lesson teaches.
    public var summary: String
    /// How long the lesson takes, in minutes.
    public var minutes: Int
    /// Ids of lessons that should be done first.
    public var requires: [String]
    /// The language folder the lesson came from, for example `en`.
    public var language: String
    /// The path of the lesson file.
    public var file: String
    /// The steps, in the order the learner sees them.
    public var steps: [LessonStep]

    /// Creates a lesson from its parts.
    public init(id: String, title: String, summary: String, minutes: Int, requires: [String],
                language: String, file: String, steps: [LessonStep]) {
        self.id = id; self.title = title; self.summary = summary; self.minutes = minutes
        self.requires = requires; self.language = language; self.file = file; self.steps = steps
    }

    /// Every question in the lesson, in order.
    public var questions: [Question] {
        steps.flatMap { $0.blocks.compactMap { if case .question(let q) = $0 { q } else { nil } } }
    }

    /// The question with this id (either the full `lesson/question` id or the short one).
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id || $0.id == "\(self.id)/\(id)" }
    }
}
