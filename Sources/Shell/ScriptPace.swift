import Foundation

/// How a script run is shown to a room: commands typed out at a pace, or one at a time on Enter.
public struct ScriptPace: Sendable, Equatable {
    /// How long typing one command takes (zero: no typing effect).
    public var typingSeconds: Double
    /// Whether to wait for Enter before each command.
    public var waitsForEnter: Bool

    /// No pacing: commands run as fast as they come.
    public static let none = ScriptPace(typingSeconds: 0, waitsForEnter: false)

    /// Creates a pace.
    public init(typingSeconds: Double, waitsForEnter: Bool) {
        self.typingSeconds = typingSeconds; self.waitsForEnter = waitsForEnter
    }

    /// Reads a duration such as `1s`, `500ms`, `0.5` (seconds) or `2s`; nil for anything else or
    /// for more than a minute.
    public static func seconds(parsing text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let value: Double?
        if trimmed.hasSuffix("ms") { value = Double(trimmed.dropLast(2)).map { $0 / 1000 } }
        else if trimmed.hasSuffix("s") { value = Double(trimmed.dropLast()) }
        else { value = Double(trimmed) }
        guard let value, value.isFinite, value >= 0, value <= 60 else { return nil }
        return value
    }
}
