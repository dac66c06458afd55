import ArgumentParser
import Commands
import Foundation

/// The root a line typed at the shell prompt is parsed with, and the one `twlab WORDS` runs through:
/// the catalog's commands and `present`, which lives here because it drives the terminal. Usage lines,
/// help and errors read exactly alike on the command line and in the shell.
struct ShellLineCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twlab",
        abstract: "A terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.",
        subcommands: CommandCatalog.commands + [PresentCommand.self])
}
