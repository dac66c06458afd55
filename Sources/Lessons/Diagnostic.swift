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
    /// are made visible, so a diagnostic is always one line that cannot drive the terminal.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity; self.location = location; self.message = VisibleText.escaped(message)
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(VisibleText.escaped(location.description)): \(severity.rawValue): \(message)" }
}
