import Foundation

/// One screen of a lesson: the text under one `## ` heading.
public struct LessonStep: Sendable {
    /// The heading text, without the `## `.
    public var title: String
    /// Prose and directives, in file order.
    public var blocks: [LessonBlock]
    /// Where the heading is.
    public var location: SourceLocation
    /// Speaker notes from ```` ```notes ```` blocks, for the presenter's second screen only (empty
    /// when the step has none). Learners and the projector never see them.
    public var notes: String

    /// Creates a step.
    public init(title: String, blocks: [LessonBlock], location: SourceLocation, notes: String = "") {
        self.title = title; self.blocks = blocks; self.location = location; self.notes = notes
    }

    /// The questions asked in this step, in order.
    public var questions: [Question] {
        blocks.compactMap { if case .question(let q) = $0 { q } else { nil } }
    }
}
