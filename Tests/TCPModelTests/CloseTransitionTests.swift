import Testing
import TCPModel

/// One test per close transition of RFC 9293 Fig. 5 (fact sheet A.2), plus the handshake the
/// scenarios start with. Latency is 5 ms one way unless a test sets it.
@Suite struct CloseTransitionTests {
    @Test func handshakeUsesTheConfiguredISNsAndReachesEstablished() throws {
        let result = try simulate("set isn client 100", "set isn server 900", "open")
        let client = result.segments(from: .client), server = result.segments(from: .server)
        #expect(client.first?.flags == .syn && client.first?.seq == 100)
        #expect(server.first?.flags == [.syn, .ack] && server.first?.seq == 900 && server.first?.ack == 101)
        #expect(client.dropFirst().first?.flags == .ack && client.dropFirst().first?.ack == 901)
        #expect(result.visited[.client] == [.closed, .synSent, .established])
        #expect(result.visited[.server] == [.listen, .synReceived, .established])
    }

    // A.2: ESTAB →(CLOSE / send FIN)→ FIN-WAIT-1
    @Test func fact2_closeInEstablishedSendsFinAndEntersFinWait1() throws {
        let result = try simulate("open", "close client", "expect client FIN_WAIT_1")
        #expect(result.passed)
        #expect(result.segments(from: .client).last?.flags == [.fin, .ack])
    }

    // A.2: FIN-WAIT-1 →(ACK of our FIN)→ FIN-WAIT-2
    @Test func fact2_ackOfOurFinMovesFinWait1ToFinWait2() throws {
        // The FIN arrives after 5 ms; with no data received Linux ACKs it at the next timer tick
        // (4 ms, fact 33), so the ACK is back after 14 ms.
        let result = try simulate("open", "close client", "wait 13ms", "expect client FIN_WAIT_1", "wait 1ms",
                                  "expect client FIN_WAIT_2")
        #expect(result.passed, "FIN arrives after 5 ms, its ACK leaves 4 ms later and is back after 14 ms: \(result.failures)")
    }

    // A.2: FIN-WAIT-1 →(FIN / send ACK)→ CLOSING, and fact 3: both end in TIME-WAIT.
    @Test func fact3_simultaneousCloseGoesThroughClosingToTimeWaitOnBothSides() throws {
        let result = try simulate("open", "close client", "close server", "wait 1s")
        for role in EndpointRole.allCases {
            #expect(result.visited[role]?.suffix(3) == [.finWait1, .closing, .timeWait], "\(role)")
            #expect(result.final[role] == .timeWait)
        }
    }

    // A.2 note 2: FIN-WAIT-1 →(FIN that also ACKs our FIN)→ TIME-WAIT, never FIN-WAIT-2.
    @Test func fact2_finThatAcksOurFinGoesStraightToTimeWait() throws {
        let result = try simulate("open", "drop server->client ACK", "close client", "wait 10ms", "close server", "wait 10ms")
        #expect(result.final[.client] == .timeWait)
        #expect(result.visited[.client]?.contains(.finWait2) == false)
        #expect(result.visited[.client]?.suffix(2) == [.finWait1, .timeWait])
    }

    // A.2: FIN-WAIT-2 →(FIN / send ACK)→ TIME-WAIT
    @Test func fact2_finInFinWait2SendsAckAndEntersTimeWait() throws {
        let result = try simulate("open", "close client", "wait 50ms", "close server", "wait 50ms")
        #expect(result.visited[.client]?.suffix(3) == [.finWait1, .finWait2, .timeWait])
        let serverFin = try #require(result.segments(from: .server).last { $0.flags.contains(.fin) })
        let lastAck = try #require(result.segments(from: .client).last)
        #expect(lastAck.flags == .ack && lastAck.ack == serverFin.seq &+ 1)
    }

    // A.2: CLOSING →(ACK of our FIN)→ TIME-WAIT
    @Test func fact2_ackInClosingEntersTimeWait() throws {
        let result = try simulate("open", "close client", "close server", "wait 7ms", "expect client CLOSING",
                                  "wait 5ms", "expect client TIME_WAIT")
        #expect(result.passed, "\(result.failures)")
    }

    // A.2: ESTAB →(FIN / send ACK)→ CLOSE-WAIT →(CLOSE / send FIN)→ LAST-ACK →(ACK of our FIN)→ CLOSED
    @Test func fact2_passiveCloserGoesCloseWaitLastAckClosed() throws {
        let result = try simulate("open", "close client", "wait 50ms", "close server", "wait 50ms")
        #expect(result.visited[.server] == [.listen, .synReceived, .established, .closeWait, .lastAck, .closed])
    }

    // A.2: only the side that closes first enters TIME-WAIT.
    @Test func fact2_onlyTheActiveCloserEntersTimeWait() throws {
        let clientFirst = try simulate("open", "close client", "wait 50ms", "close server", "run")
        #expect(clientFirst.visited[.client]?.contains(.timeWait) == true)
        #expect(clientFirst.visited[.server]?.contains(.timeWait) == false)
        let serverFirst = try simulate("open", "close server", "wait 50ms", "close client", "run")
        #expect(serverFirst.visited[.server]?.contains(.timeWait) == true)
        #expect(serverFirst.visited[.client]?.contains(.timeWait) == false)
    }

    // A.2 / C.13: TIME-WAIT →(timer)→ CLOSED; Linux holds it 60 s.
    @Test func fact13_linuxTimeWaitLastsSixtySeconds() throws {
        let result = try simulate("open", "close client", "wait 50ms", "close server", "run")
        let entered = try #require(result.entries(.client, into: .timeWait).first)
        let closed = try #require(result.entries(.client, into: .closed).last)
        #expect(closed - entered == 60_000)
        #expect(result.timers(.client).contains { $0.kind == .timeWait && $0.action == .start && $0.ms == 60_000 })
    }

    // A.6: the RFC's MSL is 2 minutes, so its TIME-WAIT lasts 4 minutes.
    @Test func fact6_rfc9293TimeWaitIsTwiceTwoMinutes() throws {
        let result = try simulate("profile rfc9293", "open", "close client", "wait 50ms", "close server", "run")
        let entered = try #require(result.entries(.client, into: .timeWait).first)
        let closed = try #require(result.entries(.client, into: .closed).last)
        #expect(closed - entered == 240_000)
    }

    @Test func setMslChangesTheRFCTimeWaitButNotLinux() throws {
        let rfc = try simulate("profile rfc9293", "set msl 30s", "open", "close client", "wait 50ms", "close server", "run")
        #expect(rfc.timers(.client).contains { $0.kind == .timeWait && $0.ms == 60_000 })
        // C.14: no setting changes Linux's TIME_WAIT length, MSL included.
        let linux = try simulate("set msl 5s", "open", "close client", "wait 50ms", "close server", "run")
        #expect(linux.timers(.client).contains { $0.kind == .timeWait && $0.ms == 60_000 })
    }

    @Test func noTimeWaitProfileClosesAtOnce() throws {
        let result = try simulate("profile no-time-wait", "open", "close client", "wait 50ms", "close server", "wait 50ms")
        #expect(result.final[.client] == .closed)
        #expect(result.visited[.client]?.contains(.timeWait) == false)
        #expect(result.outcomes == [.clean])
    }

    // Half-close: shutdown(SHUT_WR) sends FIN but keeps receiving (fact 32, shutdown-wr-close).
    @Test func halfClosedClientStillReceivesData() throws {
        let result = try simulate("open", "shutdown client", "wait 50ms", "send server 3000", "wait 50ms")
        #expect(result.final[.client] == .finWait2)
        #expect(!result.sent[.client, default: []].contains { $0.contains(.rst) })
        let data = result.segments(from: .server).filter { $0.length > 0 }
        let lastAck = try #require(result.segments(from: .client).last)
        #expect(data.reduce(0) { $0 + $1.length } == 3000)
        #expect(lastAck.ack == data.last.map { $0.seq &+ UInt32($0.length) })
    }

    // After close() nobody can read: new data is answered with RST (RFC 2525 §2.17 / Linux TCPAbortOnData).
    @Test func dataForAClosedSocketIsAnsweredWithReset() throws {
        let result = try simulate("open", "close client", "wait 50ms", "send server 100", "wait 50ms")
        #expect(result.sent[.client]?.last == .rst)
        #expect(result.final[.client] == .closed)
        #expect(result.outcomes.contains(.reset))
    }

    @Test func sendAfterShutdownFailsWithEPIPE() throws {
        let result = try simulate("open", "shutdown client", "send client 10")
        #expect(result.errors[.client] == ["EPIPE"])
    }
}

/// Profile differences that the lessons point out.
@Suite struct ProfileDifferenceTests {
    // C.22: Linux's active reset carries ACK; RFC 9293's ABORT sends <SEQ=SND.NXT><CTL=RST>.
    @Test func abortResetFlagsFollowTheProfile() throws {
        let linux = try simulate("open", "abort client")
        #expect(linux.sent[.client]?.last == [.rst, .ack])
        let rfc = try simulate("profile rfc9293", "open", "abort client")
        #expect(rfc.sent[.client]?.last == .rst)
        let segment = try #require(rfc.segments(from: .client).last)
        let handshakeAck = try #require(rfc.segments(from: .client).first { $0.flags == .ack })
        #expect(segment.seq == handshakeAck.seq, "SEQ = SND.NXT")
    }

    // Only the Linux profiles put RFC 7323 timestamps on segments.
    @Test func timestampsFollowTheProfile() throws {
        #expect(try simulate("open").segments(from: .client).allSatisfy { $0.tsval != nil })
        #expect(try simulate("profile rfc9293", "open").segments(from: .client).allSatisfy { $0.tsval == nil })
    }

    // A close while SYN_SENT sends nothing (packetdrill close-on-syn-sent, fact 32).
    @Test func closeInSynSentSendsNoReset() throws {
        let result = try simulate("drop client->server SYN", "drop client->server SYN #2", "drop client->server SYN #3",
                                  "drop client->server SYN #4", "drop client->server SYN #5", "drop client->server SYN #6",
                                  "drop client->server SYN #7", "open")
        #expect(result.final[.client] == .closed)
        #expect(result.outcomes.contains(.timeout))
        #expect(result.errors[.client] == ["ETIMEDOUT"])
        #expect(result.sent[.client]?.allSatisfy { $0 == .syn } == true, "seven SYNs and no RST")
        #expect(result.sent[.client]?.count == 7, "the SYN and six retransmissions")
    }
}
