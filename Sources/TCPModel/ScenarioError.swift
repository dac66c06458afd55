/// A place in a scenario text, and what is wrong there.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path, built-in name or `inline` for `-e` the text came from.
    public var source: String
    /// The 1-based line of the problem (0 when the whole source is missing).
    public var line: Int
    /// The 1-based column of the offending word.
    public var column: Int
    /// What is wrong and what to write instead.
    public var message: String

    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source; self.line = line; self.column = column; self.message = message
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(source):\(line):\(column): error: \(message)" }
}
