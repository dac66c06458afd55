import Foundation

/// The verdict on one answer.
public enum Verdict: Sendable, Equatable {
    case correct
    case wrong
    /// The answer is not of the question's shape (say, `banana` for a state); the message says why.
    case invalid(String)
}
