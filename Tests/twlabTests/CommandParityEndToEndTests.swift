import Foundation
import Testing

/// The same words typed after `twlab ` on the command line and at the shell prompt give the same
/// output, the same errors and the same help (one declaration per command), at 80 and 60 columns.
@Suite struct CommandParityEndToEndTests {
    /// Words as a user types them. The first ones are hints the tutor prints and commands lessons name.
    static let pairs: [[String]] = [
        ["sim", "-e", "open; close client; wait 100ms; close server; wait 61s", "--profile", "rfc9293"],
        ["sim", "--profile", "rfc9293", "-e", "open; close client; run"],
        ["model", "ports", "--rate", "600"],
        ["model", "--rate", "600"],
        ["model", "ports", "--range", "5-3"],
        ["sim", "active-close", "--explore", "1"],
        ["sim", "--explore", "1", "active-close", "--json"],
        ["sim", "lost-final-ack", "--width", "60"],
        ["sim", "no-such-scenario"],
        ["sim", "-e", "open; close nobody"],
        ["sim", "--explore", "9", "active-close"],
        ["sim"],
        ["sim", "--help"],
        ["sockets", "--port", "1", "--count"],
        ["sockets", "--state", "nonsense"],
        ["sockets", "time-wait", "--port", "1"],
        ["lab", "list"],
        ["lab", "--help"],
        ["lab", "run", "--help"],
        ["lab", "no-such-experiment", "--yes"],
        ["lint", "Lessons/en/01-four-way-close.md"],
        ["quiz", "--help"],
        ["quiz", "paper", "--lesson", "four-way-close", "--student", "alice"],
        ["help", "sim"],
        ["help", "lab"],
        ["present", "--help"],
        ["present"],
        ["present", "1", "--theme", "bogus"],
        ["lab", "bogus"],
        ["diagram", "states", "--format", "mermaid"],
    ]

    /// A shell line for the words: each word single-quoted when it holds a blank or a quote.
    static func line(_ words: [String]) -> String {
        words.map { word in
            word.contains(where: { " ;'\"".contains($0) }) ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : word
        }.joined(separator: " ")
    }

    /// A shell-only command on the command line says where it works, in one line, with status 2.
    @Test func aShellCommandOnTheCommandLineSaysWhereItWorks() throws {
        for word in ["lessons", "version", "start"] {
            let result = try TwlabBinary.run([word])
            #expect(result.status == 2)
            #expect(result.stderr.contains("'\(word)' is a command of the shell"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test(arguments: [80, 60])
    func commandLineAndShellAgree(columns: Int) throws {
        let environment = ["COLUMNS": String(columns), "TWLAB_LESSONS": TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path]
        for words in Self.pairs {
            // Standard error joined to standard output in order, as the shell shows both in its transcript.
            let cli = try TwlabBinary.runMerged(words, environment: environment)
            for typed in [Self.line(words), "twlab " + Self.line(words)] {
                let shell = try TwlabBinary.run([], stdin: typed + "\n", environment: environment)
                // The transcript is the echoed line (wrapped like any other), then exactly what the command line printed.
                #expect(shell.stdout.hasSuffix(cli.output), "\(typed) at \(columns) columns:\n\(shell.stdout)\n---\n\(cli.output)")
                let echo = String(decoding: Array(shell.stdout.utf8.dropLast(cli.output.utf8.count)), as: UTF8.self)
                #expect(echo.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                            == ("twlab> " + typed).split(whereSeparator: \.isWhitespace).joined(separator: " "),
                        "only the echo comes before the output: \(echo)")
                #expect((shell.status == 0) == (cli.status == 0), "\(typed): shell \(shell.status), command line \(cli.status)")
            }
            // JSON, Mermaid, DOT and SVG are for programs: their lines are as long as their syntax needs.
            let machine = words.contains("--json") || words.contains("--format")
            for line in cli.output.split(separator: "\n") where !machine {
                #expect(DisplayColumns.of(String(line)) <= columns, "\(words.joined(separator: " ")): \(line)")
            }
        }
    }
}
