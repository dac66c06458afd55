/// Tab completion for the shell: command names for the first word, and for later words whatever
/// the command's `complete` offers, filtered by what is typed so far.
public struct CommandCompleter {
    /// The commands whose names and arguments are offered.
    public var commands: [ShellCommand]
    /// Passed to each command's `complete`.
    public var context: ShellContext

    /// Completes against `commands`.
    public init(commands: [ShellCommand], context: ShellContext) {
        self.commands = commands
        self.context = context
    }

    /// The word being completed and the sorted, distinct candidates that start with it.
    public func complete(lineBeforeCursor: String) -> (partial: String, candidates: [String]) {
        var (words, partial) = CommandLineTokenizer.completionWords(lineBeforeCursor)
        // `twlab sim --pro` completes like `sim --pro`: the shell ignores a leading program name.
        if words.first == ShellSession.promptName { words.removeFirst() }
        let offered: [String]
        if words.isEmpty {
            offered = commands.filter { !$0.isHidden }.flatMap { [$0.name] + $0.aliases }
        } else if let command = CommandLookup.find(words[0], in: commands) {
            offered = command.complete(context, CompletionRequest(words: words, partial: partial))
        } else {
            offered = []
        }
        let matching = Set(offered.filter { $0.hasPrefix(partial) })
        return (partial, matching.sorted())
    }
}

/// Finds a command by its name or one of its aliases.
enum CommandLookup {
    static func find(_ name: String, in commands: [ShellCommand]) -> ShellCommand? {
        if let exact = commands.first(where: { $0.name == name || $0.aliases.contains(name) }) { return exact }
        let lowered = name.lowercased()
        return commands.first { $0.name.lowercased() == lowered || $0.aliases.contains { $0.lowercased() == lowered } }
    }
}
