import Foundation

/// What a step is made of, in order.
public enum LessonBlock: Sendable {
    /// Prose in Markdown (plain code blocks such as ```` ```text ```` stay part of the prose).
    case text(String)
    /// A scenario shown as a sequence diagram (optionally explored).
    case sim(SimBlock)
    /// A live experiment, run after the learner confirms.
    case lab(LabBlock)
    /// A `predict` or `quiz` question.
    case question(Question)
}
