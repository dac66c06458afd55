import Foundation

/// A place in a lesson file: the file path, a 1-based line and a 1-based column.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The path of the file.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a location; line and column count from 1.
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }

    /// `file:line:col`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same file, `lines` further down, at `column`.
    func shifted(lines: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }
}
