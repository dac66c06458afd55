// CONTRACT STUBS — the lesson model that the tutor and the quiz grader build against. The lessons work
// replaces the bodies (and may move each type to its own file), keeps these names, and may add fields.
import Foundation
import TCPModel

/// A place in a lesson file.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found in a lesson file, printed as `file:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity; self.location = location; self.message = message
    }
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A lesson: front matter and steps the learner moves through one at a time.
public struct Lesson: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var minutes: Int
    public var requires: [String]
    /// The language folder the lesson came from, for example `en`.
    public var language: String
    public var file: String
    public var steps: [LessonStep]
    /// Every question in the lesson, in order.
    public var questions: [Question] { steps.flatMap { $0.blocks.compactMap { if case .question(let q) = $0 { q } else { nil } } } }
}

/// One screen of a lesson.
public struct LessonStep: Sendable {
    public var title: String
    public var blocks: [LessonBlock]
    public var location: SourceLocation
}

/// What a step is made of, in order.
public enum LessonBlock: Sendable {
    /// Prose in Markdown.
    case text(String)
    /// A scenario shown as a sequence diagram (optionally explored).
    case sim(SimBlock)
    /// A live experiment, run after the learner confirms.
    case lab(LabBlock)
    /// A `predict` or `quiz` question.
    case question(Question)
}

/// A scenario given by built-in name or written inline.
public enum ScenarioReference: Sendable, Equatable {
    case builtIn(String)
    case inline(String)
}

public struct SimBlock: Sendable {
    public var scenario: ScenarioReference
    public var profile: ProfileName?
    /// When set, the scenario is explored for up to this many lost segments.
    public var explore: Int?
    public var caption: String?
    public var location: SourceLocation
}

public struct LabBlock: Sendable {
    public var experiment: String
    public var options: [String: String]
    public var caption: String?
    /// The scenario shown instead when the experiment cannot run here.
    public var fallback: ScenarioReference?
    public var location: SourceLocation
}

public enum QuestionKind: String, Sendable, Codable { case predict, quiz }

/// What shape of answer a question takes and how answers compare.
public enum AnswerKind: Sendable, Equatable {
    /// A TCP state, in any spelling.
    case state
    /// One of these choices (compared case-insensitively).
    case choice([String])
    /// A number, right within the tolerance.
    case number(tolerance: Double)
    /// A set of TCP flags, in any order.
    case flags
    /// Free text; any of the accepted spellings (case-insensitive, spaces folded) is right.
    case text
}

/// What a prediction observes in a simulation run.
public enum Observable: Sendable, Equatable {
    case final(EndpointRole)
    case visited(EndpointRole)
    case sent(EndpointRole)
    case errors(EndpointRole)
    case outcome
    /// `client`, `server`, `both` or `neither`: who passed through TIME_WAIT.
    case timeWaitSide
    /// How many of the explored runs (up to `maxLosses` lost segments) had this outcome.
    case exploreCount(maxLosses: Int, outcome: Outcome)
}

/// Where the right answer comes from. Predictions are never graded against a copied key.
public indirect enum AnswerSource: Sendable, Equatable {
    case simulation(ScenarioReference, observable: Observable, profile: ProfileName?)
    /// A finding of a live experiment; `fallback` computes it by simulation when the lab cannot run.
    case experiment(name: String, finding: String, fallback: AnswerSource?)
    /// A fixed key (quiz questions): the first item is canonical, the rest are also accepted.
    case key([String])
    /// An arithmetic expression over the question's parameters, for example `ports / 60`.
    case expression(String)
}

/// A parameter a quiz question draws per student.
public struct QuestionParameter: Sendable, Equatable {
    public var name: String
    public var range: ClosedRange<Double>
    public var step: Double
}

public struct Question: Sendable {
    /// Unique across all lessons: `LESSON-ID/QUESTION-ID`.
    public var id: String
    public var lessonID: String
    public var kind: QuestionKind
    /// The question text; `{name}` placeholders are filled with parameters.
    public var prompt: String
    public var answerKind: AnswerKind
    public var source: AnswerSource
    public var params: [QuestionParameter]
    public var hints: [String]
    public var explain: String
    public var points: Double
    public var location: SourceLocation
}

/// The verdict on one answer.
public enum Verdict: Sendable, Equatable {
    case correct
    case wrong
    /// The answer is not of the question's shape (say, `banana` for a state); the message says why.
    case invalid(String)
}

/// Lessons found in a directory tree, by language.
public struct LessonCatalog: Sendable {
    public var lessons: [Lesson]
    public var diagnostics: [Diagnostic]
    /// Loads `DIR/<lang>/*.md` (default language `en`). Broken files become diagnostics, never a crash.
    public static func load(directory: URL, language: String = "en") -> LessonCatalog {
        LessonCatalog(lessons: [], diagnostics: [])
    }
    public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }
}

/// Compares answers the same way everywhere (shell, quiz papers, grading).
public enum AnswerChecker {
    public static func check(_ given: String, against expected: String, kind: AnswerKind) -> Verdict { .wrong }
}

/// Computes the right answer of a question that does not need the live lab.
public enum AnswerOracle {
    /// The canonical right answer, which `AnswerChecker` itself grades correct. Experiments use their
    /// `fallback`. Throws a `Diagnostic` when the scenario or expression is broken.
    public static func expected(for question: Question, parameters: [String: Double],
                                scenarios: ScenarioLibrary) throws -> String {
        throw Diagnostic(at: question.location, "the lesson engine is not built yet")
    }
}
