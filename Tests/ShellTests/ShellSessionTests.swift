import Foundation
import Testing
@testable import Shell

/// A reader that hands out prepared lines.
private final class ScriptedReader: LineReader {
    var inputs: [LineInput]
    var remembered: [String] = []
    var closed = false
    init(_ lines: [String]) { inputs = lines.map { .line($0, notes: []) } }
    init(inputs: [LineInput]) { self.inputs = inputs }
    func read(prompt: String) -> LineInput { inputs.isEmpty ? .end : inputs.removeFirst() }
    func remember(_ line: String) { remembered.append(line) }
    func close() { closed = true }
}

/// Collects what the shell writes.
private final class Transcript: @unchecked Sendable {
    var text = ""
}

private func session(_ inputs: [LineInput], commands: [ShellCommand] = CommandTable.all(),
                     script: Bool = true) -> (ShellSession, Transcript, ScriptedReader) {
    let transcript = Transcript()
    let output = TerminalOutput(useColor: false, width: 80) { transcript.text += $0 }
    let context = ShellContext(output: output, lessonsDirectory: URL(fileURLWithPath: "/nonexistent"), interactive: !script)
    let reader = ScriptedReader(inputs: inputs)
    return (ShellSession(context: context, commands: commands, reader: reader, scriptMode: script), transcript, reader)
}

private func lines(_ texts: [String]) -> [LineInput] { texts.map { .line($0, notes: []) } }

@Suite struct ShellSessionTests {
    @Test func echoesCommandsInScriptModeAndSucceeds() {
        let (shell, transcript, reader) = session(lines(["version", "", "# a comment", "quit", "version"]))
        #expect(shell.run() == 0)
        #expect(transcript.text == "twlab> version\ntwlab \(TwlabInfo.version)\ntwlab> quit\n")
        #expect(reader.closed)
    }

    @Test func unknownCommandSuggestsAndFails() {
        let (shell, transcript, _) = session(lines(["hepl"]))
        #expect(shell.run() == 1)
        #expect(transcript.text.contains("unknown command 'hepl' — did you mean 'help'?"))
    }

    @Test func unterminatedQuoteIsOneLineError() {
        let (shell, transcript, _) = session(lines([#"help "version"#, "version"]))
        #expect(shell.run() == 1)
        let output = transcript.text.split(separator: "\n")
        #expect(output.count == 4)
        #expect(output[1].contains("never closed"))
        #expect(output.last == "twlab \(TwlabInfo.version)")
    }

    @Test func theInterceptorGetsLinesThatAreNotCommands() {
        let (shell, transcript, _) = session(lines(["it's TIME_WAIT", "version"]))
        var offered: [String] = []
        shell.context.lineInterceptor = { line in
            offered.append(line)
            shell.context.output.line("answer noted")
            return .success
        }
        #expect(shell.run() == 0)
        #expect(offered == ["it's TIME_WAIT"])
        #expect(transcript.text.contains("answer noted"))
    }

    @Test func thrownErrorsAreOneLineFailures() {
        struct Broken: Error, LocalizedError { var errorDescription: String? { "the scenario file is missing; check the path" } }
        let boom = ShellCommand(name: "boom", summary: "Fails.", usage: "boom") { _, _ in throw Broken() }
        let (shell, transcript, _) = session(lines(["boom", "version"]), commands: CommandTable.all() + [boom])
        #expect(shell.run() == 1)
        #expect(transcript.text.contains("boom: the scenario file is missing; check the path\n"))
        #expect(transcript.text.hasSuffix("twlab \(TwlabInfo.version)\n"))
    }

    @Test func argumentsArriveTokenized() {
        var received: [String] = []
        let echo = ShellCommand(name: "echo", summary: "Echoes.", usage: "echo WORDS") { _, words in
            received = words
            return .success
        }
        let (shell, _, _) = session(lines([#"echo 'a b' c\ d "时间""#]), commands: [echo])
        #expect(shell.run() == 0)
        #expect(received == ["a b", "c d", "时间"])
    }

    @Test func rejectedLinesAndNotesAreReported() {
        let (shell, transcript, _) = session([.rejected("line 2 is far too long"), .line("version", notes: ["line 3: fixed"])])
        #expect(shell.run() == 1)
        #expect(transcript.text.contains("line 2 is far too long"))
        #expect(transcript.text.contains("note: line 3: fixed"))
    }

    @Test func interactiveModeRemembersLinesAndNeverFailsTheProcess() {
        let (shell, transcript, reader) = session(lines(["hepl", "version"]), script: false)
        #expect(shell.run() == 0)
        #expect(reader.remembered == ["hepl", "version"])
        #expect(!transcript.text.contains("twlab> "))
    }

    @Test func helpListsEveryCommandAndExplainsOne() {
        let (shell, transcript, _) = session(lines(["help", "help quit", "help nosuch"]))
        #expect(shell.run() == 1)
        let listed = transcript.text.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for command in CommandTable.all() where !command.isHidden {
            #expect(listed.contains(command.name), "help lists \(command.name)")
        }
        for command in CommandTable.all() where command.isHidden {
            #expect(!listed.contains(command.name), "help keeps the testing aid \(command.name) out of the list")
        }
        #expect(transcript.text.contains("usage: quit"))
        #expect(transcript.text.contains("help: no command 'nosuch'"))
    }

    @Test func completionOffersCommandsThenArguments() {
        let (shell, _, _) = session([], commands: BuiltinCommands.make())
        let completer = CommandCompleter(commands: shell.commands, context: shell.context)
        #expect(completer.complete(lineBeforeCursor: "ver").candidates == ["version"])
        #expect(completer.complete(lineBeforeCursor: "q").candidates == ["quit"])
        #expect(completer.complete(lineBeforeCursor: "help v").candidates == ["version"])
        #expect(completer.complete(lineBeforeCursor: "zzz ").candidates == [])
    }

    /// Completion comes from the commands' declarations, with or without a leading `twlab`.
    @Test func completionOfCatalogCommandsIgnoresALeadingProgramName() {
        let (shell, _, _) = session([])
        let completer = CommandCompleter(commands: shell.commands, context: shell.context)
        #expect(completer.complete(lineBeforeCursor: "sim --pro").candidates == ["--profile"])
        #expect(completer.complete(lineBeforeCursor: "twlab sim --pro").candidates == ["--profile"])
        #expect(completer.complete(lineBeforeCursor: "twlab sim --profile r").candidates == ["rfc9293"])
        #expect(completer.complete(lineBeforeCursor: "present 1 --th").candidates == ["--theme"])
        #expect(completer.complete(lineBeforeCursor: "present 1 --theme d").candidates == ["dark"])
        #expect(completer.complete(lineBeforeCursor: "lab run port-").candidates == ["port-exhaustion"])
    }
}
