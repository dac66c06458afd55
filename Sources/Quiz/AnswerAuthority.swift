import Lessons
import TCPModel

/// Where the grader gets right answers and verdicts from. The standard authority is the lessons'
/// `AnswerOracle` (which runs the simulation for predictions) and `AnswerChecker` (the same comparison
/// the shell uses); tests may substitute their own.
public struct AnswerAuthority: Sendable {
    /// The canonical right answer of a question for the given parameter values.
    public var expected: @Sendable (Question, [String: Double]) throws -> String
    /// The verdict on an answer to the question, given its canonical right answer.
    public var check: @Sendable (_ given: String, _ expected: String, Question) -> Verdict

    /// Makes an authority from two functions.
    public init(expected: @escaping @Sendable (Question, [String: Double]) throws -> String,
                check: @escaping @Sendable (String, String, Question) -> Verdict) {
        self.expected = expected
        self.check = check
    }

    /// The lessons' oracle and checker, with the shipped scenarios.
    public static func standard(scenarios: ScenarioLibrary) -> AnswerAuthority {
        AnswerAuthority(
            expected: { question, values in
                try AnswerOracle.expected(for: question, parameters: values, scenarios: scenarios)
            },
            check: { given, expected, question in
                // The canonical answer first, then any other answer a quiz key accepts.
                let verdict = AnswerChecker.check(given, against: expected, kind: question.answerKind)
                guard verdict != .correct else { return .correct }
                if case .key(let keys) = question.source {
                    for alternative in keys.dropFirst()
                    where AnswerChecker.check(given, against: alternative, kind: question.answerKind) == .correct {
                        return .correct
                    }
                }
                return verdict
            }
        )
    }
}
