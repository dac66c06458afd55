import Rendering
import Foundation
import Tutor

/// Shell commands for help, quit, version (foundation).
enum BuiltinCommands {
    static func make() -> [ShellCommand] {
        [help, quit, version, clear, sleep]
    }

    static var help: ShellCommand {
        ShellCommand(
            name: "help",
            aliases: ["?"],
            summary: "List the commands, or explain one.",
            usage: "help [COMMAND]",
            details: "With no argument, lists every command with one line about it. With a command name, shows how to use it.",
            complete: { context, request in
                request.words.count == 1 ? commandNames(context) : []
            },
            run: { context, arguments in
                let commands = registeredCommands(context)
                if arguments.count > 1 {
                    context.output.line("help takes at most one command name, for example: help version")
                    return .failure
                }
                if let name = arguments.first {
                    return explain(name, commands: commands, context: context)
                }
                list(commands, context: context)
                return .success
            }
        )
    }

    static var quit: ShellCommand {
        ShellCommand(
            name: "quit",
            aliases: ["exit"],
            summary: "Leave the shell (Ctrl-D does the same).",
            usage: "quit",
            details: "Saves the command history and leaves. Your lesson progress is kept.",
            run: { _, _ in .quit }
        )
    }

    static var version: ShellCommand {
        ShellCommand(
            name: "version",
            summary: "Show the version of twlab.",
            usage: "version",
            run: { context, _ in
                context.output.line("twlab \(TwlabInfo.version)")
                return .success
            }
        )
    }

    static var clear: ShellCommand {
        ShellCommand(
            name: "clear",
            summary: "Clear the screen.",
            usage: "clear",
            run: { context, _ in
                if context.interactive { context.output.write("\u{1B}[H\u{1B}[2J") }
                return .success
            }
        )
    }

    static var sleep: ShellCommand {
        ShellCommand(
            name: "sleep",
            summary: "Wait a number of seconds (Ctrl-C stops the wait); handy in scripted demos.",
            usage: "sleep SECONDS",
            details: "SECONDS may have a fraction, for example 'sleep 0.5'. At most 3600.",
            run: { context, arguments in
                guard arguments.count == 1, let seconds = Double(arguments[0]), seconds >= 0, seconds <= 3600 else {
                    context.output.line("usage: sleep SECONDS, with SECONDS a number from 0 to 3600, for example: sleep 2")
                    return .failure
                }
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline {
                    if context.interrupted() { return .success }
                    usleep(20_000)
                }
                return .success
            }
        )
    }

    private static func registeredCommands(_ context: ShellContext) -> [ShellCommand] {
        context.commands.isEmpty ? CommandTable.all() : context.commands
    }

    private static func commandNames(_ context: ShellContext) -> [String] {
        registeredCommands(context).map(\.name)
    }

    /// A command's one-line summary in the interface language (`help.summary.NAME`), else its own.
    private static func summaryText(_ command: ShellCommand) -> String {
        let key = "help.summary." + command.name
        let text = UIText.template(key)
        return text == key ? command.summary : text
    }

    /// A command's longer explanation in the interface language (`help.details.NAME`), else its own.
    static func detailsText(_ command: ShellCommand) -> String {
        let key = "help.details." + command.name
        let text = UIText.template(key)
        return text == key ? command.details : text
    }

    private static func list(_ allCommands: [ShellCommand], context: ShellContext) {
        let commands = allCommands.filter { !$0.isHidden }
        let output = context.output
        output.line(output.styled(UIText.text("help.heading"), .bold))
        // Usages up to this wide share a line with the summary; longer ones get a line of their own.
        let column = min((commands.map { DisplayWidth.of($0.usage) }.max() ?? 0) + 4, max(output.width / 3, 12))
        let indent = String(repeating: " ", count: column)
        let summaryWidth = max(output.width - column, 10)
        for command in commands {
            let usageWidth = DisplayWidth.of(command.usage) + 2
            let summary = TextWrapper.wrap(summaryText(command), width: summaryWidth)
            if usageWidth + 2 <= column {
                let pad = String(repeating: " ", count: column - usageWidth)
                output.line("  " + output.styled(command.usage, .cyan) + pad + (summary.first ?? ""))
            } else {
                for line in TextWrapper.wrap(command.usage, width: max(output.width - 2, 10), hangingIndent: 2) {
                    output.line("  " + output.styled(line, .cyan))
                }
                output.line(indent + (summary.first ?? ""))
            }
            for line in summary.dropFirst() { output.line(indent + line) }
        }
        output.paragraph(UIText.text("help.footer"))
    }

    private static func explain(_ name: String, commands: [ShellCommand], context: ShellContext) -> CommandResult {
        let output = context.output
        guard let command = CommandLookup.find(name, in: commands) else {
            let names = commands.flatMap { [$0.name] + $0.aliases }
            if let suggestion = CommandSuggester.closest(to: name, among: names) {
                output.line(UIText.text("help.no-command.suggest", name, suggestion))
            } else {
                output.line(UIText.text("help.no-command", name))
            }
            return .failure
        }
        if let help = command.help {
            var text = help(output.width)
            while text.hasSuffix("\n") { text.removeLast() }
            output.line(text)
            return .success
        }
        output.line(output.styled(UIText.text("help.usage", command.usage), .bold))
        output.paragraph(summaryText(command))
        if !command.details.isEmpty {
            output.line()
            output.paragraph(detailsText(command))
        }
        if !command.aliases.isEmpty {
            output.line()
            output.line(UIText.text("help.also", command.aliases.joined(separator: ", ")))
        }
        return .success
    }
}
