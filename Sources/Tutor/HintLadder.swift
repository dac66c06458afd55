import Rendering

/// Gives a question's hints one at a time, from the vaguest to the most specific, without ever
/// giving the answer itself (that is `solution`, recorded apart).
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

    /// Takes the next hint, or returns nil when none is left.
    public mutating func next() -> String? {
        guard hasNext else { return nil }
        defer { used += 1 }
        return UIText.text("tutor.hint", String(used + 1), String(hints.count), hints[used])
    }

    /// A line saying what help is left.
    public var offer: String {
        if hasNext {
            return UIText.text("tutor.offer.hints", String(remaining))
        }
        return UIText.text(hints.isEmpty ? "tutor.offer.no-hints" : "tutor.offer.hints-used")
    }
}
