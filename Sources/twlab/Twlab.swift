import ArgumentParser

/// The entry point: with no subcommand, the interactive shell.
@main
struct Twlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twlab",
        abstract: "A terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.",
        version: TwlabVersion.string,
        subcommands: [ShellCommandLine.self, SimCommand.self, ModelCommand.self, SocketsCommand.self,
                      LabCommand.self, LintCommand.self, QuizCommand.self],
        defaultSubcommand: ShellCommandLine.self
    )
}
