/// How a shell command ended.
public enum CommandResult: Sendable, Equatable {
    case success
    /// The command failed; it already printed why. In script mode the shell then exits non-zero.
    case failure
    /// Leave the shell.
    case quit
}

/// A request to complete the word under the cursor.
public struct CompletionRequest: Sendable {
    /// The words before the one being completed (the command name first).
    public var words: [String]
    /// The partial word being completed (may be empty).
    public var partial: String
    public init(words: [String], partial: String) { self.words = words; self.partial = partial }
}

/// One command of the interactive shell. Areas of twlab each contribute a list of these
/// (see `CommandTable`), so adding a command never touches the line reader.
public struct ShellCommand {
    public var name: String
    public var aliases: [String]
    /// One line for `help`.
    public var summary: String
    /// For example `sim NAME|FILE [--json]`.
    public var usage: String
    /// Several lines for `help NAME`.
    public var details: String
    /// The full help at a width, when the command has its own (the catalog's commands print their
    /// swift-argument-parser help); nil to build it from `usage`, `summary` and `details`.
    public var help: ((Int) -> String)?
    /// Candidates for the word being completed; the shell filters them by the partial word.
    public var complete: (ShellContext, CompletionRequest) -> [String]
    /// Runs the command with its arguments (the command name is not included). A thrown error is
    /// printed as one line and counts as a failure.
    public var run: (ShellContext, [String]) throws -> CommandResult

    public init(name: String, aliases: [String] = [], summary: String, usage: String, details: String = "",
                help: ((Int) -> String)? = nil,
                complete: @escaping (ShellContext, CompletionRequest) -> [String] = { _, _ in [] },
                run: @escaping (ShellContext, [String]) throws -> CommandResult) {
        self.name = name; self.aliases = aliases; self.summary = summary; self.usage = usage
        self.details = details; self.help = help; self.complete = complete; self.run = run
    }

    /// True for testing aids whose names start with `_`: they run, but `help`, Tab completion and
    /// "did you mean" never offer them.
    public var isHidden: Bool { name.hasPrefix("_") }
}
