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
        subcommands: [ShellCommandLine.self, SimCommand.self, ModelCommand.self, SocketsCommand.self,
                      LabCommand.self, LintCommand.self, QuizCommand.self, DiagramCommand.self, PresentCommand.self],
        defaultSubcommand: ShellCommandLine.self
    )

    /// Like ArgumentParser's own `main()`, except that usage errors exit with status 2.
    public static func main() {
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
