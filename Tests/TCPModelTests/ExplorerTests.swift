import Foundation
import Testing
import TCPModel

/// The fault explorer: every pattern of up to K losses, grouped by outcome.
@Suite struct ExplorerTests {
    @Test func zeroLossesIsTheSingleBaselineRun() throws {
        let exploration = Explorer.explore(try builtins.load("active-close"), maxLosses: 0)
        #expect(exploration.runs == 1)
        #expect(exploration.classes.map(\.outcomes) == [[.clean]])
    }

    @Test func oneLossMakesOneRunPerTransmission() throws {
        let scenario = try builtins.load("active-close")
        let baseline = Simulator.run(scenario, losing: [])
        let exploration = Explorer.explore(scenario, maxLosses: 1)
        #expect(exploration.runs == 1 + baseline.losableTransmissions)
    }

    // With no TIME_WAIT, losing exactly the client's final ACK (its second pure ACK, after the
    // handshake ACK) leaves the server retransmitting its FIN to a CLOSED client, which answers RST.
    @Test func withoutTimeWaitOnlyTheLostFinalAckEndsInReset() throws {
        let exploration = Explorer.explore(try builtins.load("active-close"), maxLosses: 1, profile: .noTimeWait)
        let resets = exploration.classes.filter { $0.outcomes.contains(.reset) }
        #expect(resets.count == 1 && resets.first?.count == 1)
        #expect(resets.first?.exampleDropped == ["client->server ACK #2"])
    }

    @Test func withTimeWaitNoSingleOrDoubleLossEndsInReset() throws {
        for profile in [ProfileName.linux, .rfc9293] {
            let exploration = Explorer.explore(try builtins.load("active-close"), maxLosses: 2, profile: profile)
            #expect(exploration.count(of: .reset) == 0, "\(profile)")
            #expect(exploration.count(of: .staleData) == 0, "\(profile)")
        }
    }

    @Test func runsAddUpAndEveryRunIsInOneClass() throws {
        let exploration = Explorer.explore(try builtins.load("lost-final-ack-without-time-wait"), maxLosses: 2)
        #expect(exploration.classes.reduce(0) { $0 + $1.count } == exploration.runs)
        #expect(Set(exploration.classes.map(\.outcomes)).count == exploration.classes.count)
    }

    /// A run budget smaller than the exploration stops it after exactly that many runs (counted, not
    /// timed), says so, and every counted run is still in one class.
    @Test func theRunBudgetCapsALargeExploration() throws {
        let scenario = try builtins.load("wandering-duplicate")
        let exploration = Explorer.explore(scenario, maxLosses: 6, runBudget: 500)
        #expect(exploration.runs == 500)
        #expect(exploration.incomplete)
        #expect(exploration.runLimit == 500)
        #expect(exploration.classes.reduce(0) { $0 + $1.count } == 500)
        let note = try #require(exploration.runLimitNote)
        #expect(note.hasPrefix("explored the first 500 loss patterns"))
        #expect(!note.contains("\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(SimulationJSON.encode(exploration).utf8)) as? [String: Any])
        #expect(json["run_limit"] as? Int == 500)
        #expect(json["complete"] as? Bool == false)
    }

    /// An exploration that fits in its budget is complete and carries no note.
    @Test func anExplorationWithinTheBudgetIsComplete() throws {
        let scenario = try builtins.load("active-close")
        let full = Explorer.explore(scenario, maxLosses: 1)
        let exact = Explorer.explore(scenario, maxLosses: 1, runBudget: full.runs)
        #expect(!exact.incomplete && exact.runLimit == nil && exact.runLimitNote == nil)
        #expect(exact.runs == full.runs)
        let short = Explorer.explore(scenario, maxLosses: 1, runBudget: full.runs - 1)
        #expect(short.runs == full.runs - 1 && short.runLimit == full.runs - 1)
    }

    /// The default budget is the documented 200,000 runs.
    @Test func theDefaultBudgetIsTwoHundredThousandRuns() {
        #expect(Explorer.runBudget == 200_000)
    }

    @Test func anExampleReplaysToTheSameOutcome() throws {
        let scenario = try builtins.load("lost-final-ack-without-time-wait")
        let exploration = Explorer.explore(scenario, maxLosses: 2)
        for item in exploration.classes where !item.exampleDropped.isEmpty {
            // Turn the example back into drop lines right after the profile line and rerun it.
            var lines = (builtins.text(of: "lost-final-ack-without-time-wait") ?? "").components(separatedBy: "\n")
            let profileLine = try #require(lines.firstIndex { $0.hasPrefix("profile") })
            lines.insert(contentsOf: item.exampleDropped.map { "drop " + $0 }, at: profileLine + 1)
            let text = lines.joined(separator: "\n") + "\nrun"
            let replay = Simulator.run(try Scenario.parse(text, source: "replay"))
            #expect(replay.outcomes == item.outcomes, "\(item.exampleDropped)")
        }
    }
}
