import Commands
import Foundation
import Testing

/// Tab completion comes from the commands' declarations: subcommands, options, listed values and the
/// declared custom completions.
@Suite struct CommandCompletionTests {
    let io = CommandIO(write: { _ in }, writeError: { _ in }, width: 80, useColor: false, interactive: false,
                       lessonsDirectory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                           .deletingLastPathComponent().appendingPathComponent("Lessons"),
                       shouldStop: { false })

    @Test func optionsOfSimAreItsDeclaredOptions() {
        let options = CommandCompletion.candidates(words: ["sim"], partial: "--", io: io)
        for option in ["--profile", "--json", "--explore", "--expression", "--width"] { #expect(options.contains(option), "\(option)") }
        #expect(options.contains("-e"))
    }

    @Test func profileValuesComeFromTheDeclaration() {
        #expect(Set(CommandCompletion.candidates(words: ["sim", "--profile"], partial: "", io: io)) == ["linux", "rfc9293", "no-time-wait"])
    }

    @Test func scenarioNamesComeFromTheLessonsFolder() {
        let names = CommandCompletion.candidates(words: ["sim"], partial: "", io: io)
        #expect(names.contains("active-close"))
        #expect(names.contains("lost-final-ack"))
    }

    @Test func labOffersItsSubcommandsAndExperimentNames() {
        let words = CommandCompletion.candidates(words: ["lab"], partial: "", io: io)
        #expect(words.contains("list") && words.contains("run"))
        #expect(words.contains("active-close"), "lab NAME is short for lab run NAME")
        #expect(CommandCompletion.candidates(words: ["lab", "run"], partial: "", io: io).contains("port-exhaustion"))
    }

    @Test func anUnknownCommandOffersNothing() {
        #expect(CommandCompletion.candidates(words: ["nonsense"], partial: "", io: io).isEmpty)
    }
}
