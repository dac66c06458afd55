/// Splits text taller than the screen into pages. Each page leaves two rows free: the bottom one for
/// `--More--` (and, after the last page, the prompt), the top one for the command line that asked.
public struct Pager: Sendable, Equatable {
    /// Rows of the screen.
    public var height: Int

    /// A pager for a screen of `height` rows (at least 3).
    public init(height: Int) { self.height = max(3, height) }

    /// The prompt shown under each page but the last.
    public static var prompt: String { UIText.text("pager.more") }

    /// The text's lines in pages of `height - 2` rows; one page when it fits the screen.
    public func pages(_ text: String) -> [[String]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let rows = height - 2
        guard lines.count > rows else { return [lines] }
        return stride(from: 0, to: lines.count, by: rows).map { Array(lines[$0..<min($0 + rows, lines.count)]) }
    }
}
