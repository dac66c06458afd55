import Foundation

/// A problem found in a lesson file, printed as `file:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Errors make `twlab lint` fail; warnings are printed but do not.
    public enum Severity: String, Sendable { case error, warning }
    /// Where the problem is.
    public var location: SourceLocation
    /// Whether lint fails because of it.
    public var severity: Severity
    /// What is wrong and, where possible, what to write instead.
    public var message: String

    /// Creates a diagnostic at a location. Control characters in the message (from a quoted value)
    /// are made visible, so a diagnostic is always one line that cannot drive the terminal, and a
    /// quoted value longer than `quoteLimit` characters is shortened with "…".
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity; self.location = location
        self.message = Self.clippingQuotes(VisibleText.escaped(message))
    }

    /// The longest quoted value a message shows in full.
    static let quoteLimit = 80

    /// The message with every `'…'` span longer than `quoteLimit` cut short.
    static func clippingQuotes(_ message: String) -> String {
        guard message.utf8.count > quoteLimit else { return message }
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return message }
        return parts.enumerated().map { index, part in
            let quoted = index % 2 == 1 && index < parts.count - 1
            return quoted && part.count > quoteLimit ? part.prefix(quoteLimit - 1) + "…" : part
        }.joined(separator: "'")
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(VisibleText.escaped(location.description)): \(severity.rawValue): \(message)" }
}
