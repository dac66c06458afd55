import Testing
import PropertyBased
import TCPModel

/// Invariants that hold for every pattern of lost segments, checked on random patterns.
@Suite struct SimulatorPropertyTests {
    /// Up to three loss positions among the first 40 transmissions (runs send fewer, so some
    /// patterns lose fewer than three; all of them are valid patterns).
    static let lossPatterns = Gen.int(in: 1...40).array(of: 0...3)

    // The issue's property: with TIME_WAIT, ≤3 losses in active-close end clean or in timeout, never reset or stale data.
    @Test(arguments: [ProfileName.linux, .rfc9293])
    func upToThreeLossesInActiveCloseNeverResetOrCorrupt(profile: ProfileName) async throws {
        let scenario = try builtins.load("active-close")
        await propertyCheck(count: 300, input: Self.lossPatterns) { losses in
            let result = Simulator.run(scenario, profile: profile, losing: losses)
            #expect(result.outcomes.isSubset(of: [.clean, .timeout]), "losing \(result.lost): \(result.outcomes)")
            #expect(!result.outcomes.contains(.reset) && !result.outcomes.contains(.staleData))
        }
    }

    static let closingScenarios = ["active-close", "passive-close", "simultaneous-close", "lost-final-ack",
                                   "fin-ack-combined", "half-close"]

    // A sender never numbers new bytes below earlier ones, and a receiver never takes back an ACK.
    @Test func sequenceAndAcknowledgementNumbersNeverGoBackwards() async throws {
        let scenarios = try Self.closingScenarios.map { try builtins.load($0) } + [try builtins.load("wandering-duplicate")]
        await propertyCheck(count: 200, input: Gen.int(in: 0...(scenarios.count - 1)), Self.lossPatterns,
                            Gen<ProfileName>.case) { which, losses, profile in
            let result = Simulator.run(scenarios[which], profile: profile, losing: losses)
            var lastSeq: [String: UInt32] = [:], lastAck: [String: UInt32] = [:]
            for (_, segment, again) in result.sentSegments where !segment.flags.contains(.rst) {
                let key = "\(segment.from)#\(segment.connection)"
                if !again, let previous = lastSeq[key] {
                    #expect(!Self.before(segment.seq, previous), "\(key) seq \(segment.seq) after \(previous), losing \(result.lost)")
                }
                if !again { lastSeq[key] = segment.seq }
                if segment.flags.contains(.ack), !segment.flags.contains(.syn) {
                    if let previous = lastAck[key] {
                        #expect(!Self.before(segment.ack, previous), "\(key) ack \(segment.ack) after \(previous)")
                    }
                    lastAck[key] = segment.ack
                }
            }
        }
    }

    // Within one connection an endpoint enters TIME_WAIT at most once (restarts do not re-enter).
    @Test func atMostOneTimeWaitPerEndpoint() async throws {
        let scenarios = try Self.closingScenarios.map { try builtins.load($0) }
        await propertyCheck(count: 200, input: Gen.int(in: 0...(scenarios.count - 1)), Self.lossPatterns,
                            Gen<ProfileName>.case) { which, losses, profile in
            let result = Simulator.run(scenarios[which], profile: profile, losing: losses)
            for role in EndpointRole.allCases {
                #expect(result.entries(role, into: .timeWait).count <= 1,
                        "\(Self.closingScenarios[which]) \(profile) losing \(result.lost): \(role)")
            }
        }
    }

    // Whatever text arrives, parsing either succeeds or names a line and column in one line.
    @Test func arbitraryTextNeverCrashesTheParser() async {
        let words = ["open", "close", "client", "server", "drop", "client->server", "FIN|ACK", "#2", "wait", "5s",
                     "2msl", "expect", "TIME_WAIT", "sent", "set", "msl", "run", "#", "\u{0}", "ü", "->", "|", "9999999999"]
        let line = Gen.element(of: words).array(of: 0...6)
        await propertyCheck(count: 300, input: line.array(of: 1...8)) { lines in
            let text = lines.map { $0.compactMap { $0 }.joined(separator: " ") }.joined(separator: "\n")
            do {
                let scenario = try Scenario.parse(text, source: "gen")
                _ = Simulator.run(scenario)
            } catch let error as ScenarioError {
                #expect(error.line >= 1 && error.line <= lines.count && error.column >= 1)
                #expect(!error.description.contains("\n"))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    static func before(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a &- b) < 0 }
}
