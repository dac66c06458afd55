import Foundation
import Testing
import TCPModel

/// Ctrl-C reaches the explorer and the simulator within one run or one step.
@Suite struct InterruptPollingTests {
    @Test func theExplorerStopsWithinOneRunOfCtrlC() throws {
        let scenario = try builtins.load("lost-final-ack")
        var polls = 0
        // Ctrl-C "arrives" right after the first look: the explorer used to look again only after
        // 256 more runs; now it looks before every run and between the steps of a run.
        let exploration = Explorer.explore(scenario, maxLosses: 4, profile: nil, shouldStop: {
            polls += 1
            return polls > 1
        })
        #expect(exploration.runs <= 1)
        #expect(exploration.incomplete)
    }

    @Test func aPlainRunStopsBetweenSteps() throws {
        let scenario = try builtins.load("active-close")
        let whole = Simulator.run(scenario, recordEvents: true)
        let stopped = Simulator.run(scenario, recordEvents: true, shouldStop: { true })
        #expect(whole.eventCount > 0)
        #expect(stopped.eventCount == 0)
    }
}
