import Foundation
import Testing

/// Runs the built binary with piped input and checks the transcript against what the issue asks
/// for: each command echoed as `twlab> command`, then its output; status 1 when a command failed.
@Suite struct ShellScriptEndToEndTests {
    /// The version as the command line reports it, to compare the shell's `version` with.
    private func version() throws -> String {
        try TwlabBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func versionAndQuitTranscript() throws {
        let result = try TwlabBinary.run([], stdin: "version\nquit\nversion\n")
        #expect(result.status == 0)
        #expect(result.stdout == "twlab> version\ntwlab \(try version())\ntwlab> quit\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func helpListsTheBuiltInCommands() throws {
        let result = try TwlabBinary.run([], stdin: "help\nhelp version\nexit\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "twlab> help")
        for name in ["help", "quit", "version"] {
            #expect(lines.contains { $0.hasPrefix("  \(name)") }, "help lists \(name)")
        }
        #expect(lines.contains("twlab> help version"))
        #expect(lines.contains("usage: version"))
        #expect(lines.contains("twlab> exit"))
    }

    @Test func unknownCommandSuggestsAndFailsTheScript() throws {
        let result = try TwlabBinary.run([], stdin: "hepl\nversion\n")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "twlab> hepl")
        #expect(lines[1].contains("unknown command 'hepl'"))
        #expect(lines[1].contains("did you mean 'help'?"))
        #expect(lines[2] == "twlab> version")
    }

    @Test func emptyInputIsAnEmptySuccessfulSession() throws {
        let result = try TwlabBinary.run([], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func aLastLineWithoutNewlineStillRuns() throws {
        let result = try TwlabBinary.run([], stdin: "version")
        #expect(result.status == 0)
        #expect(result.stdout == "twlab> version\ntwlab \(try version())\n")
    }

    @Test func aOneMebibyteLineIsSkippedWithAMessage() throws {
        let huge = String(repeating: "a", count: 1 << 20)
        let result = try TwlabBinary.run([], stdin: "version\n\(huge)\nversion\n")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[2].contains("line 2"))
        #expect(lines[2].contains("1048576 bytes"))
        #expect(lines[3] == "twlab> version")
        #expect(result.stdout.utf8.count < 1000, "the huge line is not echoed")
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        var bytes = Data("vers".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(Data("ion\nversion\n".utf8))
        let result = try TwlabBinary.run([], environment: [:], stdinBytes: bytes)
        #expect(result.status == 1)  // the repaired word is not a command
        #expect(result.stdout.contains("twlab> vers\u{FFFD}(\u{FFFD}ion"))
        #expect(result.stdout.contains("invalid UTF-8"))
        #expect(result.stdout.hasSuffix("twlab> version\ntwlab \(try version())\n"))
    }

    @Test func controlCharactersAreRemovedAndTheCommandRuns() throws {
        let result = try TwlabBinary.run([], stdin: "ver\u{0}si\u{1B}on\u{7}\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("twlab> version\n"))
        #expect(result.stdout.contains("3 control characters were removed"))
        #expect(result.stdout.hasSuffix("twlab \(try version())\n"))
    }

    @Test func anUnterminatedQuoteIsOneLine() throws {
        let result = try TwlabBinary.run([], stdin: "help \"version\nversion\n")
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 4)
        #expect(result.stdout.contains("never closed"))
    }

    @Test(arguments: [["--script"], ["shell", "--script"]])
    func scriptFileGivesTheSameTranscriptAsAPipe(prefix: [String]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-script-\(UUID().uuidString).twlab")
        try Data("# a demo\nversion\n\nhelp quit\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try TwlabBinary.run(prefix + [url.path])
        let fromPipe = try TwlabBinary.run([], stdin: "# a demo\nversion\n\nhelp quit\n")
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromPipe.stdout)
        #expect(fromFile.stdout.hasPrefix("twlab> version\n"))
    }

    @Test func aMissingScriptIsAUsageError() throws {
        let result = try TwlabBinary.run(["--script", "/nonexistent/demo.twlab"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/demo.twlab"))
    }

    @Test func colourFollowsTheOptionAndNoColor() throws {
        let escape = "\u{1B}["
        let always = try TwlabBinary.run(["--color", "always"], stdin: "hepl\n", environment: ["NO_COLOR": ""])
        #expect(always.stdout.contains(escape))
        let alwaysBeatsNoColor = try TwlabBinary.run(["--color", "always"], stdin: "hepl\n", environment: ["NO_COLOR": "1"])
        #expect(alwaysBeatsNoColor.stdout.contains(escape))
        let auto = try TwlabBinary.run(["--color", "auto"], stdin: "hepl\n", environment: ["NO_COLOR": ""])
        #expect(!auto.stdout.contains(escape), "a pipe is not a terminal")
        let never = try TwlabBinary.run(["--color", "never"], stdin: "hepl\n", environment: ["NO_COLOR": ""])
        #expect(!never.stdout.contains(escape))
        #expect(never.stdout.contains("unknown command 'hepl'"))
    }

    @Test func lessonsOptionReachesTheDefaultShellCommand() throws {
        let lessons = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lessons) }
        let result = try TwlabBinary.run(["--lessons", lessons.path, "--color", "never"], stdin: "version\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("twlab> version\n"))
        let missing = try TwlabBinary.run(["--lessons", "/nonexistent/lessons"], stdin: "version\n")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/lessons"))
    }

    /// Ctrl-C (SIGINT) during a script run stops the running command, not the shell: the script
    /// goes on with the next line.
    @Test func ctrlCStopsTheRunningCommandOfAScript() throws {
        let process = Process()
        process.executableURL = TwlabBinary.url
        process.environment = ["NO_COLOR": "1", "HOME": FileManager.default.temporaryDirectory.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("version\nsleep 30\nversion\n".utf8))
        // Wait until the first command has answered, so the SIGINT finds the shell running.
        var seen = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains("twlab> sleep 30") {
            seen.append(output.fileHandleForReading.availableData)
        }
        usleep(200_000)
        process.interrupt()
        // The sleep stops; the script goes on to the next line, then ends when input ends.
        try? input.fileHandleForWriting.close()
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let transcript = String(decoding: seen, as: UTF8.self)
        #expect(process.terminationReason == .exit, "the shell exits by itself, not killed by the signal")
        #expect(process.terminationStatus == 0)
        #expect(transcript.contains("(interrupted)"))
        #expect(transcript.hasSuffix("twlab> version\ntwlab \(try version())\n"))
    }

    @Test func aBadColourIsAUsageError() throws {
        let result = try TwlabBinary.run(["--color", "sometimes"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--color"))
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try TwlabBinary.run(["--no-such-option"], stdin: "")
        #expect(result.status == 2)
    }

    @Test func helpAndCompletionScriptsComeFromArgumentParser() throws {
        let help = try TwlabBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"))
        #expect(help.stdout.contains("shell"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try TwlabBinary.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            #expect(script.stdout.contains("twlab"), "\(shell)")
        }
    }

    @Test func textWrapsToColumns() throws {
        let narrow = try TwlabBinary.run([], stdin: "help\n", environment: ["COLUMNS": "40"])
        for line in narrow.stdout.split(separator: "\n") where !line.hasPrefix("twlab> ") {
            #expect(line.count <= 40, "'\(line)'")
        }
        let wide = try TwlabBinary.run([], stdin: "help\n", environment: ["COLUMNS": "200"])
        #expect(wide.stdout.split(separator: "\n").count < narrow.stdout.split(separator: "\n").count)
    }
}
