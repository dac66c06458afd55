import ArgumentParser

/// Every command twlab offers besides the shell itself, declared once: the command line lists them
/// under `twlab`, and the shell runs the same declarations for a line typed at its prompt.
public enum CommandCatalog {
    /// The commands, in `help` order.
    public static var commands: [ParsableCommand.Type] {
        var list: [ParsableCommand.Type] = [SimCommand.self, ModelCommand.self, SocketsCommand.self, WatchCommand.self,
                                            LabCommand.self, LintCommand.self, QuizCommand.self, DiagramCommand.self,
                                            GlossaryCommand.self]
        #if TWLAB_TESTING_AIDS
        list.append(SimBenchCommand.self)
        #endif
        return list
    }
}

/// The root a line typed at the shell prompt is parsed with: `twlab` and the catalog's commands, so that
/// usage lines, help and errors read exactly as on the command line.
public struct TwlabCommands: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "twlab",
        abstract: "A terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.",
        subcommands: CommandCatalog.commands)
}
