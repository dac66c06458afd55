import ArgumentParser
import Commands
import Foundation

/// The entry point: with no subcommand, the interactive shell.
///
/// Exit statuses: 0 success, 1 a command failed (for example in a shell script run), 2 a usage
/// error (unknown option, bad value).
public struct TwlabCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "twlab",
        abstract: "A terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.",
        version: TwlabInfo.version,
        subcommands: [ShellCommandLine.self] + ShellLineCommands.configuration.subcommands,
        defaultSubcommand: ShellCommandLine.self
    )

    /// Runs a command (`sim`, `lab`, `present`…) through `CommandRunner` with the shell's own root, exactly
    /// as the shell does for the same words; `help COMMAND` as `COMMAND --help`; a shell-only command
    /// (`lessons`, `start`…) with one line saying where it works; anything else (the shell, `--help`,
    /// `--version`, completion scripts) as ArgumentParser's own `main()` would, except that usage errors
    /// exit with status 2 and messages wrap to the terminal.
    public static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        LocalizedHelp.lintRoot = TwlabCommand.self
        let io = CommandIO.commandLine()
        if arguments.first == "help", arguments.count >= 2, CommandRunner.command(at: [arguments[1]], root: ShellLineCommands.self) != nil {
            arguments = Array(arguments.dropFirst()) + ["--help"]
        }
        if let first = arguments.first, CommandRunner.command(at: [first], root: ShellLineCommands.self) != nil {
            switch CommandRunner.run(arguments, io: io, root: ShellLineCommands.self) {
            case .success: Foundation.exit(0)
            case .failure(let status): Foundation.exit(status)
            }
        }
        if let first = arguments.first, !first.hasPrefix("-"),
           CommandTable.all().contains(where: { !$0.isHidden && ($0.name == first || $0.aliases.contains(first)) }) {
            io.errorLine("twlab: '\(first)' is a command of the shell: start twlab and type it at the twlab> prompt "
                         + "(or run it in a script: printf '\(first)\\n' | twlab).")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let exitCode as ExitCode {
            exit(withError: exitCode)
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error, columns: io.width)
            if code == .success {
                message = LocalizedHelp.translated(message, words: arguments, root: self, width: io.width)
                var text = message
                while text.hasSuffix("\n") { text.removeLast() }
                io.text(text + "\n")
                Foundation.exit(0)
            }
            io.errorLine(message)
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
