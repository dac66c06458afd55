import Foundation

/// The verdict on one answer.
public enum Verdict: Sendable, Equatable {
    case correct
    /// Almost right in a way worth a specific reply (say, `FIN` where the segment is `FIN|ACK`).
    /// It is not accepted, and it never counts as a wrong attempt: the learner answers again.
    case nearMiss(String)
    case wrong
    /// The answer is not of the question's shape (say, `banana` for a state); the message says why.
    /// It never names a candidate answer, and it never counts as an attempt.
    case invalid(String)

    /// True when the answer earns the question's points.
    public var isCorrect: Bool { self == .correct }

    /// True when the answer uses up an attempt: only a plainly wrong answer does.
    public var costsAttempt: Bool { self == .wrong }
}
