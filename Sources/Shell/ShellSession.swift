import Rendering
import Foundation
import Lessons

/// The read–eval–print loop: reads lines, runs commands, and keeps count of failures.
///
/// In script mode (a pipe or `--script FILE`) every command is echoed as `twlab> command` before its
/// output, so a transcript reads like a session, and the session's exit status is 1 when any
/// command failed.
public final class ShellSession {
    /// The state the commands share (output, lessons folder, interceptor, prompt detail).
    public let context: ShellContext
    /// The commands this session runs, in `help` order.
    public let commands: [ShellCommand]
    private let reader: LineReader
    private let scriptMode: Bool
    /// How many commands failed so far.
    public private(set) var failures = 0

    /// The word the prompt starts with.
    public static let promptName = "twlab"

    /// Prepares a session reading from `reader`. In `scriptMode` commands are echoed and failures
    /// make the exit status 1.
    public init(context: ShellContext, commands: [ShellCommand], reader: LineReader, scriptMode: Bool) {
        self.context = context
        self.commands = commands
        self.reader = reader
        self.scriptMode = scriptMode
        context.commands = commands
    }

    /// Runs until `quit`, end of input, or (in script mode) Ctrl-C. Returns the exit status:
    /// 0, or in script mode 1 when a command failed and 130 when interrupted.
    public func run() -> Int32 {
        defer { reader.close() }
        while true {
            if InterruptSignal.terminationRequested { return status }
            InterruptSignal.clear()
            switch reader.read(prompt: prompt()) {
            case .end:
                return status
            case .interrupted:
                if InterruptSignal.terminationRequested { return status }
                if scriptMode {
                    report(UIText.text("shell.script-interrupted"))
                    return 130
                }
            case .rejected(let message):
                report(message)
                failures += 1
            case .line(let text, let notes):
                let line = text.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") {
                    for note in notes { context.output.line(note) }
                    continue
                }
                if scriptMode { context.output.line("\(Self.promptName)> \(line)") }
                for note in notes { context.output.line(context.output.styled("note: \(note)", .yellow)) }
                if !scriptMode { reader.remember(line) }
                if execute(line) == .quit { return status }
            }
        }
    }

    private var status: Int32 { scriptMode && failures > 0 ? 1 : 0 }

    /// Runs one line as a command (or offers it to `context.lineInterceptor`) and returns how it
    /// ended. Failures are counted and explained on the output.
    @discardableResult
    public func execute(_ line: String) -> CommandResult {
        let result = ControlEcho.suppressed(when: context.interactive) { dispatch(line) }
        if result == .failure { failures += 1 }
        return result
    }

    private func dispatch(_ typed: String) -> CommandResult {
        let line = Self.withoutProgramName(typed)
        let firstWord = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        // While a quiz waits for an answer, a short word is an answer ("n" for "nobody"), not a
        // command's alias; only a command's full name still runs the command.
        if let command = CommandLookup.find(firstWord, in: commands),
           context.quiz == nil || command.name == firstWord.lowercased() {
            let words: [String]
            do {
                words = try CommandLineTokenizer.words(line)
            } catch {
                report(error.description)
                return .failure
            }
            return run(command, arguments: Array(words.dropFirst()))
        }
        if let interceptor = context.lineInterceptor, let result = interceptor(line) {
            return result
        }
        do {
            _ = try CommandLineTokenizer.words(line)
        } catch {
            report(error.description)
            return .failure
        }
        let shown = firstWord.count > 40 ? String(firstWord.prefix(40)) + "…" : firstWord
        let names = commands.filter { !$0.isHidden }.flatMap { [$0.name] + $0.aliases }
        if let suggestion = CommandSuggester.closest(to: firstWord, among: names) {
            report(UIText.text("shell.unknown-command.suggest", shown, suggestion))
        } else {
            report(UIText.text("shell.unknown-command", shown))
        }
        return .failure
    }

    /// The line without a leading `twlab ` that a learner copied from the command line: `twlab model
    /// ports --rate 600` typed at the prompt runs `model ports --rate 600`.
    static func withoutProgramName(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(promptName) else { return line }
        let rest = trimmed.dropFirst(promptName.count)
        guard let next = rest.first, next == " " || next == "\t" else { return line }
        let command = rest.drop { $0 == " " || $0 == "\t" }
        return command.isEmpty ? line : String(command)
    }

    private func run(_ command: ShellCommand, arguments: [String]) -> CommandResult {
        if context.interactive { context.output.width = TerminalSize.columns() }
        InterruptSignal.clear()
        defer { InterruptSignal.clear() }
        let result: CommandResult
        do {
            result = try command.run(context, arguments)
        } catch {
            report("\(command.name): \(Self.describe(error))")
            return .failure
        }
        if InterruptSignal.isRaised {
            context.output.line(context.output.styled(UIText.text("shell.interrupted"), .yellow))
        }
        return result
    }

    private func prompt() -> String {
        let output = context.output
        var text = output.styled(Self.promptName, .cyan)
        if let detail = context.promptDetail(), !detail.isEmpty {
            text += " " + output.styled(detail, .dim)
        }
        return text + "> "
    }

    /// Prints an error in red. Whatever it quotes (a mistyped word, a file name) has its control
    /// characters made visible, so a message can never drive the terminal.
    private func report(_ message: String) {
        context.output.line(context.output.styled(VisibleText.escaped(message), .red))
    }

    /// One line for a thrown error: its `LocalizedError` description when it has one.
    static func describe(_ error: Error) -> String {
        if let localized = error as? LocalizedError, let description = localized.errorDescription {
            return description
        }
        return String(describing: error)
    }
}
