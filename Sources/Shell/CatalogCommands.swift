import ArgumentParser
import Commands
import Foundation
import Rendering

/// The shell's entries for the catalog's commands (`sim`, `model`, `sockets`, `watch`, `lab`, `lint`,
/// `quiz`, `diagram`) and `present`: each line is parsed and run by the same `ParsableCommand` as `twlab …` on the command line,
/// with the same help, the same errors and the same Tab completion.
enum CatalogCommands {
    static func make() -> [ShellCommand] {
        ShellLineCommands.configuration.subcommands.filter { $0._commandName != QuizCommands.name }.map { type in
            let name = type._commandName
            return ShellCommand(
                name: name, aliases: type.configuration.aliases,
                summary: type.configuration.abstract,
                usage: usage(of: type),
                help: { width in CommandRunner.help(for: [name], width: width, root: ShellLineCommands.self) ?? "" },
                complete: { context, request in
                    CommandCompletion.candidates(words: request.words, partial: request.partial, io: context.commandIO(),
                                                 root: ShellLineCommands.self)
                },
                run: { context, arguments in run([name] + arguments, context: context) })
        }
    }

    /// `lab [list|run] …`: the name, its subcommands, and an ellipsis when it takes anything more.
    static func usage(of type: ParsableCommand.Type) -> String {
        let children = type.configuration.subcommands.map { $0._commandName }
        return children.isEmpty ? "\(type._commandName) …" : "\(type._commandName) [\(children.joined(separator: "|"))] …"
    }

    /// Runs the words as the command line would and turns the exit status into the shell's result.
    static func run(_ words: [String], context: ShellContext) -> CommandResult {
        switch CommandRunner.run(words, io: context.commandIO(), root: ShellLineCommands.self) {
        case .success: return .success
        case .failure: return .failure
        }
    }
}

extension ShellContext {
    /// The environment a catalog command runs in from this shell: its transcript (errors in red), its
    /// width and colour, its Ctrl-C flag, and a y/N question at the terminal.
    func commandIO() -> CommandIO {
        let output = self.output
        return CommandIO(
            write: { output.write($0) },
            writeError: { text in
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                output.write(lines.map { $0.isEmpty ? $0 : output.styled($0, .red) }.joined(separator: "\n"))
            },
            width: output.width, wrapsText: output.wrapsLines, useColor: output.useColor, interactive: interactive,
            scripted: !interactive,
            lessonsDirectory: lessonsDirectory, shouldStop: interrupted,
            confirm: { question in
                output.write(question + " [y/N] ")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                return answer == "y" || answer == "yes"
            })
    }
}
