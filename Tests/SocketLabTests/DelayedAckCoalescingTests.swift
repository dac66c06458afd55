import Foundation
import TCPModel
import Testing
@testable import SocketLab

/// Whether a closing side's FIN carries the ACK of the peer's FIN depends on whether its application
/// closed before the kernel's next timer tick (fact 33): timing, which the comparison tolerates.
@Suite struct DelayedAckCoalescingTests {
    func segment(_ t: Double, _ from: EndpointRole, _ flags: String, seq: UInt32, ack: UInt32, length: Int = 0) -> TraceSegment {
        TraceSegment(timeMs: t, from: from, flags: flags, seq: seq, ack: ack, length: length)
    }

    @Test func aBareAckJustBeforeTheSameSidesFinAgreesWithAFinThatCarriesIt() {
        let opening = [segment(0, .client, "SYN", seq: 0, ack: 0), segment(0.1, .server, "SYN|ACK", seq: 0, ack: 1),
                       segment(0.2, .client, "ACK", seq: 1, ack: 1), segment(1, .client, "FIN|ACK", seq: 1, ack: 1)]
        let kernel = opening + [segment(5, .server, "ACK", seq: 1, ack: 2), segment(9, .server, "FIN|ACK", seq: 1, ack: 2),
                                segment(9.1, .client, "ACK", seq: 2, ack: 2)]
        let simulated = opening + [segment(5, .server, "FIN|ACK", seq: 1, ack: 2), segment(5.1, .client, "ACK", seq: 2, ack: 2)]
        func shape(_ trace: [TraceSegment]) -> [String] { trace.map { "\($0.from) \($0.flags) \($0.seq) \($0.ack)" } }
        #expect(shape(TraceComparison.coalescingDelayedAcks(kernel)) == shape(TraceComparison.coalescingDelayedAcks(simulated)))
        #expect(shape(kernel) != shape(simulated), "without coalescing the two differ")
    }

    @Test func anAckFollowedByDataOrByTheOtherSideIsKept() {
        let ack = segment(5, .server, "ACK", seq: 1, ack: 2)
        #expect(TraceComparison.coalescingDelayedAcks([ack, segment(6, .server, "PSH|ACK", seq: 1, ack: 2, length: 10)]).count == 2)
        #expect(TraceComparison.coalescingDelayedAcks([ack, segment(6, .client, "FIN|ACK", seq: 2, ack: 1)]).count == 2)
        #expect(TraceComparison.coalescingDelayedAcks([ack, segment(500, .server, "FIN|ACK", seq: 1, ack: 2)]).count == 2,
                "a FIN long after the ACK did not ride on it")
    }
}
