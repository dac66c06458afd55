import Commands
import Foundation
import Testing

/// A command run through `CommandRunner` writes to the `CommandIO` it is given and reports usage errors
/// the way the command line does.
@Suite struct CommandRunnerTests {
    final class Capture: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    func io(_ capture: Capture, width: Int = 80) -> CommandIO {
        CommandIO(write: { capture.out += $0 }, writeError: { capture.err += $0 }, width: width, useColor: false,
                  interactive: false, lessonsDirectory: nil, shouldStop: { false })
    }

    @Test func anInlineScenarioRunsWithOptionsOnEitherSide() {
        for words in [["sim", "-e", "open; close client; run", "--profile", "rfc9293"],
                      ["sim", "--profile", "rfc9293", "-e", "open; close client; run"]] {
            let capture = Capture()
            #expect(CommandRunner.run(words, io: io(capture)) == .success)
            #expect(capture.out.contains("profile rfc9293") || capture.out.contains("rfc9293"))
            #expect(capture.err.isEmpty)
        }
    }

    @Test func aUsageErrorIsStatusTwoOnTheErrorStream() {
        let capture = Capture()
        #expect(CommandRunner.run(["sim", "--explore", "9", "x"], io: io(capture)) == .failure(2))
        #expect(capture.err.contains("--explore takes 0 to 6 losses"))
        #expect(capture.out.isEmpty)
    }

    @Test func helpIsTheArgumentParserHelpAndFitsTheWidth() throws {
        let capture = Capture()
        #expect(CommandRunner.run(["model", "ports", "--help"], io: io(capture, width: 60)) == .success)
        #expect(capture.out.contains("USAGE: twlab model ports"))
        for line in capture.out.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
        #expect(CommandRunner.help(for: ["lab", "run"], width: 80)?.contains("USAGE: twlab lab run") == true)
    }
}
