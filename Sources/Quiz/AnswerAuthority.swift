import Lessons
import TCPModel

/// Where the grader gets right answers and verdicts from. The standard authority is the lessons'
/// `AnswerKey` (which runs the simulation for predictions and knows every accepted key), the same
/// pipeline the shell uses; tests may substitute their own.
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

    /// The lessons' answer pipeline (`AnswerKey`), the same one the shell's tutor and lint use.
    public static func standard(scenarios: ScenarioLibrary) -> AnswerAuthority {
        let key = AnswerKey(scenarios: scenarios)
        return AnswerAuthority(
            expected: { question, values in try key.expected(for: question, parameters: values).text },
            check: { given, expected, question in AnswerKey.verdict(given, for: question, expected: expected) }
        )
    }
}
