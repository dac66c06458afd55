import Foundation
import Testing
import TCPModel

/// Every shipped scenario parses, carries expectations and a header comment, and passes.
@Suite struct BuiltinScenarioTests {
    static let issueNames = ["active-close", "passive-close", "lost-final-ack", "lost-final-ack-without-time-wait",
                             "simultaneous-close", "fin-ack-combined", "half-close", "abort", "orphan-fin-wait-2",
                             "wandering-duplicate", "wandering-duplicate-without-time-wait", "time-wait-assassination",
                             "time-wait-assassination-rfc1337", "syn-reopens-time-wait"]

    /// With no scenarios at all (no lessons folder) a missing name says why and what to do.
    @Test func aMissingScenarioInAnEmptyLibrarySaysWhy() {
        #expect(throws: ScenarioError.self) { try ScenarioLibrary(texts: [:], location: "").load("active-close") }
        do { _ = try ScenarioLibrary(texts: [:], location: "").load("active-close") } catch {
            #expect("\(error)".contains("no lessons folder was found; pass --lessons DIR or set TWLAB_LESSONS"), "\(error)")
            #expect(!"\(error)".contains("try: )"))
        }
    }

    @Test func everyScenarioTheIssueListsIsShipped() {
        let names = Set(builtins.names)
        for name in Self.issueNames { #expect(names.contains(name), "\(name) is missing") }
    }

    @Test func everyBuiltinScenarioPasses() throws {
        let names = builtins.names
        #expect(names.count >= Self.issueNames.count)
        for name in names {
            let text = try #require(builtins.text(of: name))
            #expect(text.hasPrefix("# "), "\(name) starts with a comment saying what it shows")
            let scenario = try builtins.load(name)
            let expectations = scenario.steps.filter {
                switch $0.action {
                case .expectState, .expectSent, .expectOutcome: return true
                default: return false
                }
            }
            #expect(expectations.count >= 2, "\(name) has expect lines")
            let result = Simulator.run(scenario)
            #expect(result.passed, "\(name): \(result.failures)")
        }
    }

    @Test func aMissingNameListsTheBuiltins() {
        do {
            _ = try builtins.load("no-such-scenario")
            Issue.record("loaded")
        } catch let error as ScenarioError {
            #expect(error.message.contains("active-close"))
        } catch { Issue.record("\(error)") }
    }
}
