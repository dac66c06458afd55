import Lessons
import Rendering

/// Gives a question's hints one at a time, from the vaguest to the most specific. The ladder has one
/// rung more than the question has hints: the last rung is the answer itself (`solution`, recorded
/// apart), so "hint 2 of 3" means one more hint shows the answer.
public struct HintLadder: Sendable, Equatable {
    public var hints: [String]
    /// How many hints the learner has seen.
    public var used: Int

    public init(hints: [String], used: Int) {
        self.hints = hints
        self.used = max(0, min(used, hints.count))
    }

    /// True when another hint is left.
    public var hasNext: Bool { used < hints.count }
    /// How many hints are left.
    public var remaining: Int { hints.count - used }
    /// The rungs of the ladder: every hint, then the answer.
    public var rungs: Int { hints.count + 1 }

    /// Takes the next hint, or returns nil when only the answer is left. A hint that names what the
    /// learner has just answered (`repeating`) is passed over, since it would tell them nothing new.
    public mutating func next(repeating said: (String) -> Bool = { _ in false }) -> String? {
        while hasNext, said(hints[used]), used + 1 < hints.count { used += 1 }
        guard hasNext else { return nil }
        defer { used += 1 }
        return UIText.text("tutor.hint", String(used + 1), String(rungs), hints[used])
            + (used + 2 == rungs ? UIText.text("tutor.hint.next-is-answer") : "")
    }

    /// A line saying what help is left.
    public var offer: String {
        if hasNext {
            return UIText.text("tutor.offer.hints", String(used + 1), String(rungs))
        }
        return UIText.text("tutor.offer.answer")
    }
}
