import ArgumentParser

/// `twlab` / `twlab shell`: the interactive shell (or a script run).
struct ShellCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shell", abstract: "Start the interactive shell (the default).")
    func run() throws {}
}
