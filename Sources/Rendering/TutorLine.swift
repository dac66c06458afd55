/// One piece of what the tutor has to say. The session produces these; `StepRenderer` turns them
/// into terminal text, so the session stays free of any user interface.
public enum TutorLine: Sendable, Equatable {
    /// A step or lesson title.
    case heading(String)
    /// Lesson prose in light Markdown (headings, `code`, lists, **bold**), wrapped to the width.
    case prose(String)
    /// Preformatted text, for example a sequence diagram; never wrapped.
    case diagram(String)
    /// A question waiting for the learner.
    case question(String)
    /// A right answer or other good news.
    case success(String)
    /// A wrong answer.
    case failure(String)
    /// A command that could not do what was asked, and what to do instead.
    case error(String)
    /// A hint.
    case hint(String)
    /// A quiet remark: what to type next, where the learner is.
    case note(String)
    /// A plain line.
    case plain(String)

    /// The text without its kind.
    public var text: String {
        switch self {
        case .heading(let t), .prose(let t), .diagram(let t), .question(let t), .success(let t),
             .failure(let t), .error(let t), .hint(let t), .note(let t), .plain(let t):
            return t
        }
    }

    /// True for lines that report a command that could not do what was asked.
    public var isError: Bool { if case .error = self { true } else { false } }
}
