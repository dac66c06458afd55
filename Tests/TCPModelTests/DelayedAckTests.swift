import Testing
import TCPModel

/// Delayed ACKs (fact 33, measured on Linux 6.18 with a packet capture on `lo`) and RFC 9293's
/// "should delay, less than 0.5 s". Both ISNs are 0 so the traces read as tcpdump's relative numbers.
@Suite struct DelayedAckTests {
    static let handshake = ["client S 0:0", "server S. 0:0 ack 1", "client . 1:1 ack 1"]

    // Fact 33: the client sends 100 bytes and closes; the server's application closes 10 ms after
    // the FIN arrived, inside the 40 ms delayed-ACK window. Captured on loopback:
    //   P. 1:101 ack 1 / . ack 101 / F. 101:101 ack 1 / F. 1:1 ack 102 / . ack 2
    // Three segments close the connection, and the client never visits FIN_WAIT_2.
    @Test func finAckRidesOnTheApplicationsFinWithinTheWindow() throws {
        let result = try simulate("set isn client 0", "set isn server 0", "open", "send client 100", "wait 20ms",
                                  "close client", "wait 10ms", "close server", "run")
        #expect(result.trace == Self.handshake + [
            "client P. 1:101 ack 1",
            "server . 1:1 ack 101",      // the first data is quick-acked
            "client F. 101:101 ack 1",
            "server F. 1:1 ack 102",     // the ACK of the FIN rides on the server's FIN
            "client . 102:102 ack 2",
        ])
        #expect(result.visited[.client] == [.closed, .synSent, .established, .finWait1, .timeWait, .closed])
        #expect(result.visited[.server] == [.listen, .synReceived, .established, .closeWait, .lastAck, .closed])
        // The delayed-ACK timer is in the trace: started when the FIN arrived, stopped by the FIN.
        let timers = result.timers(.server).filter { $0.kind == .delayedAck }
        #expect(timers.map(\.action) == [.start, .cancel])
        #expect(timers.first?.ms == 40)
        #expect(result.outcomes == [.clean])
    }

    // Fact 33: when the application is slower than 40 ms the timer fires and a bare ACK goes out,
    // 40 ms after the FIN arrived (the kernel showed 40–44 ms); then the four-segment close.
    @Test func delayedAckFiresAfterFortyMilliseconds() throws {
        let result = try simulate("set isn client 0", "set isn server 0", "open", "send client 100", "wait 20ms",
                                  "close client", "wait 100ms", "close server", "run")
        #expect(result.trace.suffix(4) == ["client F. 101:101 ack 1", "server . 1:1 ack 102",
                                           "server F. 1:1 ack 102", "client . 102:102 ack 2"])
        let finArrival = try #require(result.received(by: .server).first { $0.segment.flags.contains(.fin) }).t
        let ack = try #require(result.sentSegments.first { $0.segment.from == .server && $0.segment.flags == .ack && $0.segment.ack == 102 })
        #expect(ack.t - finArrival == 40)
        #expect(result.timers(.server).contains { $0.kind == .delayedAck && $0.action == .expire })
        #expect(result.visited[.client]?.contains(.finWait2) == true)
    }

    // Fact 33: on a connection that has received no data, Linux ACKs a FIN at the next timer tick
    // (ato is 0, so `__tcp_send_delayed_ack()` arms the timer for `jiffies + 0`). Measured on this
    // kernel (6.18.44, CONFIG_HZ=250) over 40 idle loopback closes: 0.2–8.0 ms, median 3.97 ms,
    // most within 3.3–4.1 ms, i.e. one 4 ms jiffy. The kernel's trace of the wandering-duplicate
    // lab, connection 4 (no data received): `F. 1:1 ack 1` at 1524.4 ms, `. 1:1 ack 2` at 1525.9 ms,
    // `F. 1:1 ack 2` at 1576.2 ms. An application that closes 50 ms later gets four segments.
    @Test func aCloseWithoutDataIsAckedAtTheNextTick() throws {
        let result = try simulate("set isn client 0", "set isn server 0", "open", "close client", "wait 50ms",
                                  "close server", "run")
        #expect(result.trace == Self.handshake + ["client F. 1:1 ack 1", "server . 1:1 ack 2",
                                                  "server F. 1:1 ack 2", "client . 2:2 ack 2"])
        let finArrival = try #require(result.received(by: .server).first { $0.segment.flags.contains(.fin) }).t
        let ack = try #require(result.sentSegments.first { $0.segment.from == .server && $0.segment.flags == .ack })
        #expect(ack.t - finArrival == 4, "one jiffy at CONFIG_HZ=250")
        let timers = result.timers(.server).filter { $0.kind == .delayedAck }
        #expect(timers.map(\.action) == [.start, .expire] && timers.first?.ms == 4)
        #expect(result.visited[.client]?.contains(.finWait2) == true)
    }

    // Fact 33 and the kernel traces of the rebind, port-exhaustion, tw-reuse, fin-timeout and
    // max-tw-buckets labs (Linux 6.18, captured on lo): when the peer's application closes within
    // that tick (there about 0.1 ms after the FIN), its FIN carries the ACK, even with no data:
    //   S 0:0 / S. 0:0 ack 1 / . 1:1 ack 1 / F. 1:1 ack 1 / F. 1:1 ack 2 / . 2:2 ack 2
    // and the first closer goes FIN_WAIT_1 → TIME_WAIT without FIN_WAIT_2.
    @Test func aCloseWithinTheTickCarriesTheAckOfADataLessFin() throws {
        let result = try simulate("set isn client 0", "set isn server 0", "open", "close client", "wait 6ms",
                                  "close server", "run")
        #expect(result.trace == Self.handshake + ["client F. 1:1 ack 1", "server F. 1:1 ack 2", "client . 2:2 ack 2"])
        #expect(result.visited[.client] == [.closed, .synSent, .established, .finWait1, .timeWait, .closed])
        #expect(result.timers(.server).filter { $0.kind == .delayedAck }.map(\.action) == [.start, .cancel])
        // The same close, server first (the rebind lab's order).
        let passive = try simulate("set isn client 0", "set isn server 0", "open", "close server", "wait 6ms",
                                   "close client", "run")
        #expect(passive.trace == Self.handshake + ["server F. 1:1 ack 1", "client F. 1:1 ack 2", "server . 2:2 ack 2"])
        // `rfc9293` ACKs a FIN at once, data or not.
        let rfc = try simulate("profile rfc9293", "set isn client 0", "set isn server 0", "open", "close client",
                               "wait 6ms", "close server", "run")
        #expect(rfc.trace.suffix(4) == ["client F. 1:1 ack 1", "server . 1:1 ack 2", "server F. 1:1 ack 2", "client . 2:2 ack 2"])
    }

    // `set delayed-ack off` restores the four-segment close even after data.
    @Test func delayedAckOffAcksTheFinAtOnce() throws {
        let result = try simulate("set delayed-ack off", "set isn client 0", "set isn server 0", "open", "send client 100",
                                  "wait 20ms", "close client", "wait 10ms", "close server", "run")
        #expect(result.trace.suffix(4) == ["client F. 101:101 ack 1", "server . 1:1 ack 102",
                                           "server F. 1:1 ack 102", "client . 102:102 ack 2"])
        #expect(result.visited[.client]?.contains(.finWait2) == true)
    }

    // Pingpong: after the server replies within ato, its next ACK of a request waits 40 ms (and
    // the missed delay ends pingpong); without the reply the request is quick-acked at once.
    @Test func aReplyEntersPingpongModeAndLaterAcksWait() throws {
        let withReply = try simulate("set isn client 0", "set isn server 0", "open", "send client 100", "wait 10ms",
                                     "send server 100", "wait 100ms", "send client 100", "wait 100ms")
        let request = try #require(withReply.received(by: .server).last { $0.segment.length > 0 }).t
        let ack = try #require(withReply.sentSegments.last { $0.segment.from == .server && $0.segment.flags == .ack })
        #expect(ack.segment.ack == 201 && ack.t - request == 40)
        let noReply = try simulate("set isn client 0", "set isn server 0", "open", "send client 100", "wait 100ms",
                                   "send client 100", "wait 100ms")
        let second = try #require(noReply.received(by: .server).last { $0.segment.length > 0 }).t
        let quick = try #require(noReply.sentSegments.last { $0.segment.from == .server && $0.segment.flags == .ack })
        #expect(quick.segment.ack == 201 && quick.t == second)
    }

    // More than one full-sized segment unacknowledged is ACKed at once (RFC 9293 SHLD-19).
    @Test func everySecondFullSegmentIsAckedAtOnce() throws {
        let result = try simulate("profile rfc9293", "set isn client 0", "set isn server 0", "open", "send client 5840",
                                  "wait 1s")
        let acks = result.segments(from: .server).filter { $0.flags == .ack }.map(\.ack)
        #expect(acks == [2921, 5841])
    }

    // RFC 9293 §3.8.6.3: the profile delays ACKs of data by 200 ms (< 0.5 s, MUST-40), and ACKs a
    // FIN at once (BSD: "no more input can be expected, send ACK now").
    @Test func rfcProfileDelaysDataAcksTwoHundredMilliseconds() throws {
        let result = try simulate("profile rfc9293", "open", "send client 100", "wait 1s", "close client", "wait 1s")
        let data = try #require(result.received(by: .server).first { $0.segment.length > 0 }).t
        let ack = try #require(result.sentSegments.first { $0.segment.from == .server && $0.segment.flags == .ack && $0.t > data })
        #expect(ack.t - data == 200)
        let fin = try #require(result.received(by: .server).first { $0.segment.flags.contains(.fin) }).t
        #expect(result.sentSegments.contains { $0.segment.from == .server && $0.segment.flags == .ack && $0.t == fin })
        #expect(result.final[.client] == .finWait2)
    }
}
