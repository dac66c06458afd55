/// How one question of a submission was graded.
public enum QuestionStatus: String, Sendable, Codable, CaseIterable {
    /// The answer is right: full points.
    case correct
    /// The answer is of the right shape but wrong.
    case wrong
    /// No answer was given (or the whole file was unusable).
    case missing
    /// The answer is not of the question's shape (for example `banana` for a TCP state), or could not
    /// be read from the file.
    case invalid
    /// The lesson itself is broken so the right answer could not be computed; the question is left out
    /// of the score and the instructor is told why.
    case ungradable
}
