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
        subcommands: [ShellCommandLine.self] + CommandCatalog.commands + [PresentCommand.self],
        defaultSubcommand: ShellCommandLine.self
    )

    /// Runs a catalog command (`sim`, `lab`…) through `CommandRunner`, exactly as the shell does for the
    /// same words; anything else (the shell, `--help`, `--version`, completion scripts) as ArgumentParser's
    /// own `main()` would, except that usage errors exit with status 2.
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, CommandRunner.command(at: [first]) != nil {
            switch CommandRunner.run(arguments, io: .commandLine()) {
            case .success: Foundation.exit(0)
            case .failure(let status): Foundation.exit(status)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exitCode as ExitCode {
            exit(withError: exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
