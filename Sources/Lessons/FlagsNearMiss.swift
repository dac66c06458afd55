import Foundation
import TCPModel

/// The one rule about the ACK bit, told where a learner's flags differ from TCP's only in it.
///
/// Every segment after the opening SYN carries ACK: it tells the peer how far this side has received,
/// so a FIN of a synchronized connection goes out as FIN|ACK. The exception is a reset that answers a
/// segment which itself carried ACK: RFC 9293 §3.10.7.1 builds it as `<SEQ=SEG.ACK><CTL=RST>`, with no
/// ACK bit. A learner who knows the main flag but not this rule gets this reply instead of "wrong".
public enum FlagsNearMiss {
    /// A near miss as values, for a reply worded in another language: the main flag, the flags TCP
    /// sent, and whether those carry ACK (else the reset rule applies).
    public struct Miss: Sendable, Equatable {
        public var main: String
        public var expected: String
        public var expectsAck: Bool
    }

    /// The near miss of the answer `given` against `expected` (both written as flags), if it is one.
    public static func miss(given: String, expected: String) -> Miss? {
        func parse(_ text: String) -> TCPFlags? {
            TCPFlags(parsing: text.split(whereSeparator: { $0.isWhitespace || $0 == "/" }).joined(separator: "|"))
        }
        guard let given = parse(given), let want = parse(expected), reply(given: given, expected: want) != nil else { return nil }
        return Miss(main: want.subtracting(.ack).description, expected: want.description, expectsAck: want.contains(.ack))
    }

    /// The reply for `given` against `expected`, or nil when they differ in more than the ACK bit.
    public static func reply(given: TCPFlags, expected: TCPFlags) -> String? {
        guard given != expected, given.subtracting(.ack) == expected.subtracting(.ack),
              !expected.subtracting(.ack).isEmpty else { return nil }
        let main = expected.subtracting(.ack).description
        if expected.contains(.ack) {
            return "\(main) is right, but the segment also carries ACK: after the handshake every segment "
                + "acknowledges what the peer has sent, so write \(expected.description). That did not cost an attempt."
        }
        return "\(main) is right, but this one carries no ACK: a reset answering a segment that had the ACK "
            + "bit takes its sequence number from that ACK and acknowledges nothing (RFC 9293 §3.10.7.1). "
            + "That did not cost an attempt."
    }
}
