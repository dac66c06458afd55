/// A show of hands as a horizontal bar chart: one line per answer, the bar scaled to the largest
/// count, the right answer marked.
public struct VoteChart: Sendable {
    /// Answers and how many hands went up for each, in the order given.
    public var votes: [(answer: String, count: Int)]
    /// The right answer, marked with ✓ (compared without regard to case).
    public var expected: String?
    /// Columns available.
    public var width: Int

    /// Prepares a chart.
    public init(votes: [(answer: String, count: Int)], expected: String?, width: Int) {
        self.votes = votes; self.expected = expected; self.width = max(20, width)
    }

    /// One line per answer, each at most `width` columns.
    public func lines() -> [String] {
        guard !votes.isEmpty else { return [] }
        let labelWidth = min(max(votes.map { DisplayWidth.of($0.answer) }.max() ?? 0, 4), width / 3)
        let total = max(1, votes.map(\.count).reduce(0, +))
        let most = max(1, votes.map(\.count).max() ?? 1)
        let barRoom = max(1, width - labelWidth - 16)
        return votes.map { vote in
            let isRight = expected.map { $0.lowercased() == vote.answer.lowercased() } ?? false
            let label = DisplayFit.pad(DisplayFit.truncate(vote.answer, to: labelWidth), to: labelWidth)
            let cells = vote.count * barRoom / most
            let percent = vote.count * 100 / total
            let line = (isRight ? "✓ " : "  ") + label + " " + String(repeating: "█", count: cells)
                + " \(vote.count) (\(percent)%)"
            return DisplayFit.truncate(line, to: width)
        }
    }
}
