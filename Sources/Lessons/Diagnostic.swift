import Foundation

/// A problem found in a lesson file, printed as `file:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Errors make `twlab lint` fail; warnings are printed but do not.
    public enum Severity: String, Sendable { case error, warning }
    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    /// Creates a diagnostic at a location.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity; self.location = location; self.message = message
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
