import Foundation

/// A `predict` or `quiz` question.
public struct Question: Sendable {
    /// Unique across all lessons: `LESSON-ID/QUESTION-ID`.
    public var id: String
    /// The id of the lesson the question belongs to.
    public var lessonID: String
    /// A prediction (answered by simulation) or a quiz question (answered by a key).
    public var kind: QuestionKind
    /// The question text; `{name}` placeholders are filled with parameters.
    public var prompt: String
    /// The shape of the answer and how answers compare.
    public var answerKind: AnswerKind
    /// Where the right answer comes from.
    public var source: AnswerSource
    /// Parameters drawn per student (numbers or choices; see `QuestionParameter`).
    public var params: [QuestionParameter]
    /// Graduated hints, vaguest first.
    public var hints: [String]
    /// Shown after the question is answered (right or wrong).
    public var explain: String
    /// What a right answer is worth.
    public var points: Double
    /// Where the block starts in the lesson file.
    public var location: SourceLocation
    /// The file line of the first line of an inline script, so errors inside it point at the right line.
    public var scriptLine: Int?
    /// Where the question text (`ask`) starts in the lesson file, when it was read from one.
    public var promptLocation: SourceLocation?
    /// Where each hint starts in the lesson file, in the order of `hints` (empty when not read from a file).
    public var hintLocations: [SourceLocation]
    /// The `observe` text when it holds `{placeholders}` (such as `final {who}`), read again for each variant.
    public var observeTemplate: String?

    /// Creates a question.
    public init(id: String, lessonID: String, kind: QuestionKind, prompt: String, answerKind: AnswerKind,
                source: AnswerSource, params: [QuestionParameter] = [], hints: [String] = [],
                explain: String = "", points: Double = 1, location: SourceLocation, scriptLine: Int? = nil,
                promptLocation: SourceLocation? = nil, hintLocations: [SourceLocation] = []) {
        self.id = id; self.lessonID = lessonID; self.kind = kind; self.prompt = prompt
        self.answerKind = answerKind; self.source = source; self.params = params; self.hints = hints
        self.explain = explain; self.points = points; self.location = location; self.scriptLine = scriptLine
        self.promptLocation = promptLocation; self.hintLocations = hintLocations
    }

    /// The id inside its lesson (the part after `lesson-id/`).
    public var shortID: String {
        id.hasPrefix(lessonID + "/") ? String(id.dropFirst(lessonID.count + 1)) : id
    }

    /// The prompt with every `{name}` replaced by the parameter's value.
    public func renderedPrompt(parameters: [String: Double]) -> String {
        filled(with: parameters).prompt
    }

    /// The answers accepted besides the canonical one (the rest of a key).
    public var alternativeAnswers: [String] {
        if case .key(let keys) = source { return Array(keys.dropFirst()) }
        return []
    }

    /// The name of the live experiment whose finding answers this question, if any.
    public var experiment: String? {
        if case .experiment(let name, _, _) = source { return name }
        return nil
    }
}
