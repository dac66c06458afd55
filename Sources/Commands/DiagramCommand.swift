import ArgumentParser

/// `twlab diagram`: pictures for slides and for the terminal.
public struct DiagramCommand: ParsableCommand {
    /// Creates the command (ArgumentParser fills it from the command line).
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw pictures of TCP for the terminal or for slides.",
        subcommands: [DiagramStatesCommand.self],
        defaultSubcommand: DiagramStatesCommand.self
    )
}
