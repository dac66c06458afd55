import Testing
@testable import TCPModel

/// The places where the `linux` profile was found to disagree with Linux 6.18, each pinned to what
/// the kernel did (fact sheet section F; scripted peers and real loopback sockets with a capture).
/// Both ISNs are 0 where a trace is compared, so the numbers read as tcpdump's relative ones.
@Suite struct LinuxAgreementTests {
    // Fact 34: shutdown(SHUT_WR) on the passive side, then an RST in LAST_ACK: the application
    // that still holds the socket reads ECONNRESET (SO_ERROR 104). An orphan reports nothing.
    @Test func resetInLastAckReachesAnApplicationThatStillHoldsTheSocket() throws {
        let held = try simulate("open", "shutdown client", "wait 50ms", "shutdown server", "wait 1ms",
                                "expect server LAST_ACK", "abort client", "wait 50ms")
        #expect(held.passed, "\(held.failures)")
        #expect(held.errors[.server] == ["ECONNRESET"])
        #expect(held.final[.server] == .closed)
        let orphan = try simulate("open", "shutdown client", "wait 50ms", "close server", "wait 1ms",
                                  "expect server LAST_ACK", "abort client", "wait 50ms")
        #expect(orphan.passed, "\(orphan.failures)")
        #expect(orphan.errors[.server]?.isEmpty == true)
    }

    // Fact 34: an RST in CLOSE_WAIT gives EPIPE; in SYN_SENT ECONNREFUSED.
    @Test func resetInCloseWaitIsEPIPE() throws {
        let result = try simulate("open", "shutdown server", "wait 50ms", "abort server", "wait 50ms")
        #expect(result.final[.client] == .closed)
        #expect(result.errors[.client] == ["EPIPE"])
    }

    // Fact 35: close() with 100 unread bytes. Captured: `R. 1:1 ack 101` instead of a FIN, the
    // closer goes straight to CLOSED (no TIME_WAIT) and the peer reads ECONNRESET.
    @Test func closeWithUnreadDataSendsResetInsteadOfFin() throws {
        let result = try simulate("set autoread off", "set isn client 0", "set isn server 0", "open", "send client 100",
                                  "wait 50ms", "close server", "wait 50ms")
        #expect(result.trace == ["client S 0:0", "server S. 0:0 ack 1", "client . 1:1 ack 1",
                                 "client P. 1:101 ack 1", "server . 1:1 ack 101", "server R. 1:1 ack 101"])
        #expect(result.visited[.server]?.contains(.timeWait) == false)
        #expect(result.final[.server] == .closed && result.final[.client] == .closed)
        #expect(result.errors[.client] == ["ECONNRESET"])
        #expect(result.outcomes.contains(.reset))
    }

    // Fact 35 / RFC 2525 §2.17 (tcp_close_no_rst.pkt): data that was read leaves a normal FIN.
    @Test func closeAfterReadingSendsFin() throws {
        let read = try simulate("set autoread off", "open", "send client 100", "wait 50ms", "read server",
                                "close server", "wait 50ms")
        #expect(read.segments(from: .server).last?.flags == [.fin, .ack])
        #expect(read.final[.server] == .finWait2)
        let auto = try simulate("open", "send client 100", "wait 50ms", "close server", "wait 50ms")
        #expect(auto.segments(from: .server).last?.flags == [.fin, .ack], "autoread is on by default")
    }

    // Fact 36: with every ACK of the handshake lost, the server sends six SYN-ACKs at about
    // 0, 1, 3, 7, 15 and 31 s (tcp_synack_retries 5) and drops the request at about 63 s.
    @Test func synAckRetriesFollowTcpSynackRetries() throws {
        let drops = (1...8).map { "drop client->server ACK #\($0)" }
        let result = try Simulator.run(Scenario.parse((drops + ["open", "run"]).joined(separator: "\n"), source: "t"))
        let synAcks = result.sentSegments.filter { $0.segment.flags == [.syn, .ack] }
        #expect(synAcks.count == 6)
        let first = try #require(synAcks.first?.t)
        #expect(synAcks.map { $0.t - first } == [0, 1_000, 3_000, 7_000, 15_000, 31_000])
        let dropped = try #require(result.entries(.server, into: .closed).last)
        #expect(dropped - first == 63_000)
        #expect(result.errors[.server]?.isEmpty == true, "nobody had accepted the connection")
    }

    static let clientInTimeWait = ["open", "close client", "wait 50ms", "close server", "wait 50ms",
                                   "expect client TIME_WAIT"]

    // Fact 38 (tcp_tw_reuse 0): binding the port of one's own TIME_WAIT without SO_REUSEADDR fails
    // with EADDRINUSE; no SYN is sent and connect() is never retried.
    @Test func reconnectWithoutReuseAddrFailsInBind() throws {
        let result = try Simulator.run(Scenario.parse((Self.clientInTimeWait + ["reconnect"]).joined(separator: "\n"), source: "t"))
        #expect(result.errors[.client] == ["EADDRINUSE"])
        #expect(result.final[.client] == .timeWait)
        #expect(result.sent[.client]?.filter { $0 == .syn }.count == 1, "only the first connection's SYN")
    }

    // Fact 38: with SO_REUSEADDR and timestamps on, connect() takes the TIME_WAIT over at once;
    // the new ISN is the old SND.NXT + 65535 + 2 (fact 16).
    @Test func reconnectWithReuseAddrTakesTheTimeWaitOver() throws {
        let result = try Simulator.run(Scenario.parse((["set isn client 0"] + Self.clientInTimeWait + ["reconnect reuseaddr"])
            .joined(separator: "\n"), source: "t"))
        #expect(result.errors[.client]?.isEmpty == true)
        #expect(result.final[.client] == .established && result.final[.server] == .established)
        let syn = try #require(result.segments(from: .client).last { $0.flags == .syn })
        #expect(syn.seq == 2 &+ 65_535 &+ 2)
        let reconnectAt = try #require(result.entries(.client, into: .synSent).last)
        #expect(reconnectAt < 1_000, "at once, not after 60 s")
    }

    // Fact 38: with SO_REUSEADDR but timestamps off, connect() fails with EADDRNOTAVAIL.
    @Test func reconnectWithoutTimestampsFailsInConnect() throws {
        let result = try Simulator.run(Scenario.parse((["set timestamps off"] + Self.clientInTimeWait + ["reconnect reuseaddr"])
            .joined(separator: "\n"), source: "t"))
        #expect(result.errors[.client] == ["EADDRNOTAVAIL"])
        #expect(result.final[.client] == .timeWait)
    }

    // Fact 39: the first FIN retransmission comes after 200 ms + the RTT (kernel: 213–217 ms on
    // loopback, the rest being timer granularity); an orphan sends 9 FINs (tcp_orphan_retries 0
    // means 8) and is gone silently about 110 s after the first (not 102 s = 200 ms × 511).
    @Test func orphanFinRetransmissionsIncludeTheRoundTrip() throws {
        let drops = (1...9).map { "drop client->server FIN|ACK #\($0)" }
        let result = try Simulator.run(Scenario.parse((drops + ["open", "close client", "run"]).joined(separator: "\n"), source: "t"))
        let fins = result.sentSegments.filter { $0.segment.flags == [.fin, .ack] }
        #expect(fins.count == 9)
        #expect(fins[1].t - fins[0].t == 210)
        let gone = try #require(result.entries(.client, into: .closed).last) - fins[0].t
        #expect(gone == 210 * 511)
        #expect((105_000...112_000).contains(gone), "within 5% of the kernel's ~110 s")
        #expect(result.sent[.client]?.contains { $0.contains(.rst) } == false)
        #expect(result.errors[.client]?.isEmpty == true)
    }
}
