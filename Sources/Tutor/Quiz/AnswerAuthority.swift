import Lessons
import TCPModel

/// Where the grader gets right answers and verdicts from. The standard authority is the lessons'
/// `AnswerOracle` (which runs the simulation for predictions) and `AnswerChecker` (the same comparison
/// the shell uses); tests may substitute their own.
public struct AnswerAuthority: Sendable {
    /// The canonical right answer of a question for the given parameter values.
    public var expected: @Sendable (Question, [String: Double]) throws -> String
    /// The verdict on an answer given the canonical right answer.
    public var check: @Sendable (_ given: String, _ expected: String, AnswerKind) -> Verdict

    /// Makes an authority from two functions.
    public init(expected: @escaping @Sendable (Question, [String: Double]) throws -> String,
                check: @escaping @Sendable (String, String, AnswerKind) -> Verdict) {
        self.expected = expected
        self.check = check
    }

    /// The lessons' oracle and checker, with the shipped scenarios.
    public static func standard(scenarios: ScenarioLibrary) -> AnswerAuthority {
        AnswerAuthority(
            expected: { question, values in
                try AnswerOracle.expected(for: question, parameters: values, scenarios: scenarios)
            },
            check: { given, expected, kind in AnswerChecker.check(given, against: expected, kind: kind) }
        )
    }
}
