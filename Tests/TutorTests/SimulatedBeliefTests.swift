import Testing
import Lessons
import TCPModel
@testable import Tutor

/// A wrong state is answered from the run that decided the question, for any variant.
@Suite struct SimulatedBeliefTests {
    static func evidence() throws -> AnswerEvidence {
        // RFC 9293 / fact A.2: after its FIN is acknowledged the closer is in FIN_WAIT_2, the peer in CLOSE_WAIT.
        let scenario = try Scenario.parse("open\nclose client\nwait 1s", source: "test")
        return .run(scenario, Simulator.run(scenario), .final(.client))
    }

    @Test func aStateTheSideLeftSaysWhenItMovedOnWithoutNamingTheAnswer() throws {
        let reply = try #require(SimulatedBelief(evidence: Self.evidence()).reply(to: "fin-wait-1"))
        #expect(reply.contains("The client was in FIN_WAIT_1 from"))
        #expect(reply.contains("moved on"))
        #expect(!reply.contains("FIN_WAIT_2"))
    }

    @Test func theOtherSidesStateIsNamedAsSuch() throws {
        let reply = try #require(SimulatedBelief(evidence: Self.evidence()).reply(to: "CLOSE_WAIT"))
        #expect(reply.contains("the server's state at this moment"))
    }

    @Test func aStateTheRunNeverReachesIsSaidSo() throws {
        let reply = try #require(SimulatedBelief(evidence: Self.evidence()).reply(to: "TIME_WAIT"))
        #expect(reply.contains("never enters TIME_WAIT"))
        #expect(SimulatedBelief(evidence: .none).reply(to: "TIME_WAIT") == nil)
        #expect(SimulatedBelief(evidence: try Self.evidence()).reply(to: "banana") == nil)
    }
}
