import Foundation
import Lessons
import Rendering
import TCPModel
import Testing

/// Runs scenario text (lines joined by newlines) and returns the result.
private func simulate(_ lines: String...) throws -> SimulationResult {
    try Simulator.run(Scenario.parse(lines.joined(separator: "\n"), source: "test"))
}

/// The repository's built-in scenarios.
let builtins = ScenarioLibrary(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons/scenarios"))

@Suite struct SequenceDiagramTests {
    @Test func diagramMarksLossesTimersAndFailedExpectations() throws {
        let result = try simulate("open", "close client", "wait 50ms", "drop client->server ACK", "close server",
                                  "wait 1s", "expect client CLOSED")
        let text = SequenceDiagram(color: false, width: 80).render(result)
        #expect(text.contains("✗ lost"))
        #expect(text.contains("retransmit"))
        #expect(text.contains("⏱ time-wait ↺"))
        #expect(text.contains("✗ line 7: expect client CLOSED — actually TIME_WAIT"))
        #expect(!text.contains("\u{1B}["), "no colour unless asked")
        let colored = SequenceDiagram(color: true, width: 80).render(result)
        #expect(colored.contains("\u{1B}[1;31m"))
    }

    @Test(arguments: [60, 80, 120])
    func diagramLinesFitTheWidth(width: Int) throws {
        let text = SequenceDiagram(color: false, width: width).render(Simulator.run(try builtins.load("wandering-duplicate")))
        for line in text.split(separator: "\n") where !line.hasPrefix("outcome:") {
            #expect(line.count <= width, "\(line)")
        }
    }

    /// The exploration table starts with the note that the run budget cut it short.
    @Test func anExplorationTableStartsWithItsRunLimitNote() throws {
        let exploration = Explorer.explore(try builtins.load("wandering-duplicate"), maxLosses: 6, runBudget: 500)
        let note = try #require(exploration.runLimitNote)
        // Wide enough that the note is not wrapped: this is about its place, not its wrapping.
        let table = SequenceDiagram(color: false, width: 300).render(exploration, maxLosses: 6)
        #expect(table.components(separatedBy: "\n").first?.contains(note) == true)
    }

    // Issue 11: a run stopped by a work limit says so in its verdict, not as a failed expectation.
    @Test func aRunStoppedByAWorkLimitSaysSo() throws {
        let text = (["open"] + Array(repeating: "wait 99999999999msl", count: 20)).joined(separator: "\n")
        let result = Simulator.run(try Scenario.parse(text, source: "t"))
        let diagram = SequenceDiagram().render(result)
        #expect(diagram.contains("stopped at a work limit"))
        #expect(!diagram.contains("expectation(s) failed"))
    }
}
