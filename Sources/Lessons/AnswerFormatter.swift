import Foundation

/// Writes answers in their canonical spelling, the one `AnswerChecker` is guaranteed to accept.
public enum AnswerFormatter {
    /// A number without a needless fraction: `470`, `470.5`, `0.333`. At most three decimals.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
