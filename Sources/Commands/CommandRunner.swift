import ArgumentParser
import Foundation

/// Runs a catalog command from its words, the way the command line would, inside a `CommandIO`.
public enum CommandRunner {
    /// How a command ended.
    public enum Outcome: Sendable, Equatable {
        /// It did what was asked (exit status 0), or printed the help that was asked for.
        case success
        /// It failed with this exit status (1 a failure, 2 a usage error, 130 interrupted); it already said why.
        case failure(Int32)
    }

    /// Parses `words` (the command name first, without `twlab`) and runs the command with `io` as its
    /// environment. Usage errors print the same message as on the command line, to `io`'s error stream;
    /// help goes to its output.
    public static func run(_ words: [String], io: CommandIO, root: ParsableCommand.Type = TwlabCommands.self) -> Outcome {
        CommandIO.$current.withValue(io) {
            do {
                var command = try root.parseAsRoot(words)
                try command.run()
                return .success
            } catch let interrupted as CommandInterrupted {
                _ = interrupted
                return .failure(130)
            } catch {
                let code = root.exitCode(for: error)
                var message = root.fullMessage(for: error, columns: io.width)
                if code == .success {
                    message = LocalizedHelp.translated(message, words: words, root: root, width: io.width)
                    var text = message
                    while text.hasSuffix("\n") { text.removeLast() }
                    if !text.isEmpty { io.text(text + "\n") }
                    return .success
                }
                if !message.isEmpty { io.errorLine(message) }
                return .failure(code == .validationFailure ? 2 : code.rawValue)
            }
        }
    }

    /// The help of one command (`sim`, `lab run`…), as `twlab sim --help` prints it, in the interface
    /// language; nil for no such command.
    public static func help(for path: [String], width: Int, root: ParsableCommand.Type = TwlabCommands.self) -> String? {
        LocalizedHelp.page(for: path, root: root, width: width)
    }

    /// The command type at a path of command names (aliases included), or nil.
    public static func command(at path: [String], root: ParsableCommand.Type = TwlabCommands.self) -> ParsableCommand.Type? {
        var current: [ParsableCommand.Type] = root.configuration.subcommands
        var found: ParsableCommand.Type?
        for name in path {
            guard let next = current.first(where: { names(of: $0).contains(name) }) else { return nil }
            found = next
            current = next.configuration.subcommands
        }
        return found
    }

    /// A command's name and aliases.
    public static func names(of type: ParsableCommand.Type) -> [String] {
        [type._commandName] + type.configuration.aliases
    }
}
