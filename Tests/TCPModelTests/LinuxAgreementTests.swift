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

    // The lost-fin-retransmission lab (Linux 6.18 through a TUN puppet that drops every FIN,
    // tcp_orphan_retries 3): the kernel sent the FIN at 14.8 ms and again at 211.8, 638.7, 1474.6
    // and 3134.7 ms, four retransmissions, then nothing (no RST). `tcp_write_timeout()` gives up
    // by time: (2⁴ − 1) × 200 ms = 3 s after the first retransmission (`retransmits_timed_out()`,
    // from TCP_RTO_MIN, not the real RTO); with the RTT in the RTO the fourth comes 2.9 s after
    // the first, just inside, and the next timer, 6.3 s after it, gives up.
    @Test func orphanRetriesAreATimeNotACount() throws {
        let drops = (1...6).map { "drop client->server FIN|ACK #\($0)" }
        let result = try Simulator.run(Scenario.parse((["set retries 3", "set isn client 0", "set isn server 0"] + drops
            + ["open", "close client", "run"]).joined(separator: "\n"), source: "t"))
        #expect(result.trace == DelayedAckTests.handshake + Array(repeating: "client F. 1:1 ack 1", count: 5))
        let fins = result.sentSegments.filter { $0.segment.flags == [.fin, .ack] }.map(\.t)
        #expect(zip(fins.dropFirst(), fins).map { $0 - $1 } == [210, 420, 840, 1_680])
        let gone = try #require(result.entries(.client, into: .closed).last)
        #expect(fins[4] - fins[1] == 2_940 && gone - fins[1] == 6_300, "inside, then past the 3 s limit")
        #expect(result.notes.contains { $0.contains("gave up after 4 retransmissions") })
        #expect(result.sent[.client]?.contains { $0.contains(.rst) } == false)
        #expect(ProfileSettings(.linux).retryTimeLimit(3) == 3_000)
        // tcp_retries2 15: 200 ms doubled up to the 120 s ceiling (9 doublings), then 6 × 120 s.
        #expect(ProfileSettings(.linux).retryTimeLimit(15) == 1_023 * 200 + 6 * 120_000)
    }

    // The passive-close lab (Linux 6.18, captured on lo): the server writes its response and calls
    // close() at once, but on loopback the response reaches the client before close() runs, and
    // the client ACKs its first data at once (quick-ack, fact 33), so that ACK precedes the FIN:
    //   P. 1:19 ack 1 / . 1:1 ack 19 / P. 1:42 ack 19 / . 19:19 ack 42 / F. 42:42 ack 19 /
    //   . 19:19 ack 43 (delayed) / F. 19:19 ack 43 / . 43:43 ack 20
    // The lab's scenario waits out the model's 5 ms latency before the close, as loopback does.
    @Test func thePassiveCloseLabScenarioSendsTheKernelsSegments() throws {
        let result = try Simulator.run(builtins.load("lab-passive-close"))
        #expect(result.passed, "\(result.failures)")
        #expect(relativeTrace(result) == DelayedAckTests.handshake + [
            "client P. 1:19 ack 1", "server . 1:1 ack 19", "server P. 1:42 ack 19", "client . 19:19 ack 42",
            "server F. 42:42 ack 19", "client . 19:19 ack 43", "client F. 19:19 ack 43", "server . 43:43 ack 20",
        ])
    }

    static let oldCopy = ["set timestamps off", "set isn client 1000", "set isn server 5000", "open",
                          "duplicate client->server PSH|ACK after 500ms", "send client 100", "wait 50ms",
                          "close client", "wait 50ms", "close server", "wait 50ms", "set isn client 1000"]

    // The wandering-duplicate lab, round 2 (timestamps off, Linux 6.18 through a TUN puppet that
    // reconnects at once with the same ISN): the copy of the old 100 bytes fits RCV.NXT exactly,
    // but its ACK number lies below the new connection's ISN; the kernel answered
    //   P. 1:101 ack 4292131387 (the copy) / . 1:1 ack 1
    // a challenge ACK, and the application read nothing (TCPChallengeACK +1). `tcp_ack()` takes
    // no ACK below SND.UNA − min(max_window, bytes_acked): nothing below ISS + 1 on a new server.
    @Test func anAckOfBytesTheConnectionNeverSentDrawsAChallengeAck() throws {
        let result = try simulate(Self.oldCopy + ["set isn server 9000", "reconnect", "wait 600ms"], profile: .noTimeWait)
        let answer = try #require(result.sentSegments.last { $0.segment.from == .server })
        #expect(tcpdump(answer.segment) == "server . 9001:9001 ack 1001", "ack 1 (relative): the copy is not taken")
        #expect(!result.outcomes.contains(.staleData))
        #expect(result.notes.contains { $0.contains("challenge ACK (RFC 5961 §5.2)") })
        // Round 3: once the new server has sent (and had acknowledged) bytes past the copy's ACK
        // number, that ACK is merely old, and the copy is read as new data (RFC 1337 hazard H1).
        let later = try simulate(Self.oldCopy + ["set isn server 4000", "reconnect", "send server 2000", "wait 600ms"],
                                 profile: .noTimeWait)
        #expect(later.outcomes.contains(.staleData))
        // RFC 5961 alone bounds old ACKs by the peer's window (65,535 here), which 4,000 is within.
        let rfc = try simulate(["profile rfc9293", "set time-wait 0s"] + Self.oldCopy + ["set isn server 9000", "reconnect", "wait 600ms"])
        #expect(rfc.outcomes.contains(.staleData))
    }
}

/// The trace in tcpdump's relative numbers: each side's sequence numbers from its own ISN.
private func relativeTrace(_ result: SimulationResult) -> [String] {
    let segments = result.sentSegments.map(\.segment)
    let isn: [EndpointRole: UInt32] = [
        .client: segments.first { $0.from == .client && $0.flags.contains(.syn) }?.seq ?? 0,
        .server: segments.first { $0.from == .server && $0.flags.contains(.syn) }?.seq ?? 0,
    ]
    return segments.map { segment in
        var relative = segment
        relative.seq = segment.seq &- (isn[segment.from] ?? 0)
        if segment.flags.contains(.ack) { relative.ack = segment.ack &- (isn[segment.to] ?? 0) }
        return tcpdump(relative)
    }
}
