import Foundation

/// What `twlab lint` found: every diagnostic, and how much was checked.
public struct LintReport: Sendable {
    /// Every problem found, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// How many lessons were read.
    public var lessonCount = 0
    /// How many questions were checked.
    public var questionCount = 0
    /// How many scenario files were run.
    public var scenarioCount = 0

    /// Creates an empty report.
    public init(diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    /// The diagnostics that make lint fail.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics sorted by file, line and column.
    public var sorted: [Diagnostic] {
        diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
    }

    /// One line saying what was checked and how it went.
    public var summary: String {
        let warnings = diagnostics.count - errors.count
        let counts = "\(lessonCount) lesson\(lessonCount == 1 ? "" : "s"), \(questionCount) question\(questionCount == 1 ? "" : "s"), \(scenarioCount) scenario\(scenarioCount == 1 ? "" : "s")"
        let verdict = errors.isEmpty ? "no errors" : "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        return "checked \(counts): \(verdict)" + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
    }
}
