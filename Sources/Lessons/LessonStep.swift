import Foundation

/// One screen of a lesson: the text under one `## ` heading.
public struct LessonStep: Sendable {
    /// The heading text, without the `## `.
    public var title: String
    /// Prose and directives, in file order.
    public var blocks: [LessonBlock]
    /// Where the heading is.
    public var location: SourceLocation

    /// Creates a step.
    public init(title: String, blocks: [LessonBlock], location: SourceLocation) {
        self.title = title; self.blocks = blocks; self.location = location
    }

    /// The questions asked in this step, in order.
    public var questions: [Question] {
        blocks.compactMap { if case .question(let q) = $0 { q } else { nil } }
    }
}
