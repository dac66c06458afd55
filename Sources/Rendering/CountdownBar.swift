import Foundation
/// A text bar showing how much of a TIME_WAIT timer is left: `[##########..........] 31.2 s`.
public struct CountdownBar: Sendable {
    /// The full length of the timer the bar is measured against (Linux: 60 s, `TCP_TIMEWAIT_LEN`).
    public var fullMilliseconds: Int
    /// The number of cells between the brackets.
    public var width: Int

    public init(fullMilliseconds: Int = 60_000, width: Int = 20) {
        self.fullMilliseconds = max(1, fullMilliseconds)
        self.width = max(1, width)
    }

    /// The bar for `milliseconds` left followed by the seconds; more than the full length shows a full bar.
    public func render(_ milliseconds: Int) -> String {
        cells(milliseconds) + String(format: " %.1f s", Double(max(0, milliseconds)) / 1000)
    }

    /// Only the bracketed cells: `[######......]`.
    public func cells(_ milliseconds: Int) -> String {
        let left = min(max(0, milliseconds), fullMilliseconds)
        let filled = (left * width + fullMilliseconds - 1) / fullMilliseconds
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }
}
