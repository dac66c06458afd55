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
        #expect(TraceComparison.firstDifference(kernel, simulated, toleranceMs: 250) == nil)
        #expect(TraceComparison.firstDifference(simulated, kernel, toleranceMs: 250) == nil, "either side may have piggybacked")
    }

    @Test func anAckWithoutTheSameSidesFinIsStillADifference() {
        let ack = segment(5, .server, "ACK", seq: 1, ack: 2)
        let fin = segment(5, .server, "FIN|ACK", seq: 1, ack: 2)
        #expect(TraceComparison.firstDifference([ack], [fin], toleranceMs: 250) != nil, "no FIN follows the ACK")
        #expect(TraceComparison.firstDifference([ack, segment(6, .server, "FIN|ACK", seq: 1, ack: 3)], [fin], toleranceMs: 250) != nil,
                "the FIN acknowledges something else")
    }
}
