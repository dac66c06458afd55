import Testing
@testable import TCPModel

/// The fact sheet's TIME_WAIT rules (sections A and B, and the Linux specifics of C).
@Suite struct TimeWaitFactTests {
    static let lostFinalAck = ["open", "close client", "wait 50ms", "drop client->server ACK", "close server", "run"]

    // A.4: a retransmitted FIN in TIME-WAIT is acknowledged and the 2MSL timer restarts.
    @Test(arguments: [ProfileName.linux, .rfc9293])
    func fact4_retransmittedFinIsAckedAndRestartsTheTimer(profile: ProfileName) throws {
        let result = try Simulator.run(Scenario.parse(Self.lostFinalAck.joined(separator: "\n"), source: "t"), profile: profile)
        let serverFins = result.sentSegments.filter { $0.segment.from == .server && $0.segment.flags.contains(.fin) }
        #expect(serverFins.count == 2, "the FIN is sent once and retransmitted once")
        // Linux: 200 ms + the 10 ms RTT (fact 39); RFC 6298: at least 1 s.
        let rto: Int64 = profile == .linux ? 210 : 1_000
        #expect(serverFins[1].t - serverFins[0].t == rto)
        let arrival = serverFins[1].t + 5
        let restart = result.timers(.client).first { $0.kind == .timeWait && $0.action == .restart }
        let length: Int64 = profile == .linux ? 60_000 : 240_000
        #expect(restart?.t == arrival && restart?.ms == length)
        let ackAfter = result.sentSegments.first { $0.segment.from == .client && $0.t == arrival }
        #expect(ackAfter?.segment.flags == .ack && ackAfter?.segment.ack == serverFins[1].segment.seq &+ 1)
        #expect(result.entries(.client, into: .closed).last == arrival + length, "TIME_WAIT counts from the restart")
        #expect(result.final[.server] == .closed && result.outcomes == [.clean])
    }

    // A.5: a CLOSED endpoint answers a segment with ACK set by <SEQ=SEG.ACK><CTL=RST>.
    @Test func fact5_closedEndpointAnswersAckBearingSegmentWithResetAtSegAck() throws {
        let result = try Simulator.run(Scenario.parse(Self.lostFinalAck.joined(separator: "\n"), source: "t"), profile: .noTimeWait)
        let retransmittedFin = try #require(result.sentSegments.last { $0.segment.from == .server && $0.segment.flags.contains(.fin) })
        let reset = try #require(result.segments(from: .client).last)
        #expect(reset.flags == .rst)
        #expect(reset.seq == retransmittedFin.segment.ack)
        #expect(result.outcomes.contains(.reset) && result.final[.server] == .closed)
    }

    // A.5: without ACK the reply is <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
    @Test func fact5_closedEndpointAnswersSegmentWithoutAckWithResetAck() throws {
        var engine = SimulationEngine(settings: ProfileSettings(.linux), recordEvents: true)
        let stray = Segment(from: .server, flags: .fin, seq: 4_000, ack: 0, length: 10, tsval: nil, tsecr: nil,
                            connection: 1, index: 1)
        engine.receive(stray, at: 0)
        let reply = engine.events.compactMap { event -> Segment? in
            if case .send(let segment, _) = event.kind { return segment }
            return nil
        }
        #expect(reply.count == 1)
        #expect(reply.first?.flags == [.rst, .ack])
        #expect(reply.first?.seq == 0)
        let ack: UInt32 = try #require(reply.first?.ack)
        let expected: UInt32 = 4_000 + 10 + 1
        #expect(ack == expected, "SEG.LEN counts the data and the FIN")
    }

    // A.5 / 32 (close-remote-fin-then-close): after LAST_ACK any segment gets an RST.
    @Test func fact5_closedEndpointNeverAnswersAnRst() {
        var engine = SimulationEngine(settings: ProfileSettings(.linux), recordEvents: true)
        engine.receive(Segment(from: .server, flags: .rst, seq: 1, ack: 0, length: 0, tsval: nil, tsecr: nil,
                               connection: 1, index: 1), at: 0)
        #expect(engine.transmissions == 0)
    }

    // A.7: RFC 9293 — an RST in TIME-WAIT closes it.
    @Test func fact7_rfc9293ClosesTimeWaitOnReset() throws {
        let scenario = try builtins.load("time-wait-assassination")
        let result = Simulator.run(scenario, profile: .rfc9293)
        #expect(result.final[.client] == .closed)
        let closed = try #require(result.entries(.client, into: .closed).first)
        #expect(closed < 240_000, "closed by the RST long before 2MSL")
    }

    // B.12: Linux, rfc1337 off — an exact RST kills TIME_WAIT (assassination).
    @Test func fact12_exactResetAssassinatesTimeWaitWhenRfc1337IsOff() throws {
        let result = Simulator.run(try builtins.load("time-wait-assassination"))
        let serverReset = try #require(result.segments(from: .server).last)
        let clientFinalAck = try #require(result.segments(from: .client).last { $0.flags == .ack })
        #expect(serverReset.flags == .rst && serverReset.seq == clientFinalAck.ack, "the RST's SEQ is exactly RCV.NXT")
        // RFC 1337's order: the old duplicate reaches the TIME_WAIT side, its ACK draws the closed
        // server's RST, and that RST ends TIME_WAIT seconds into its 60.
        let copies = result.events.compactMap { event -> Segment? in
            if case .receive(let segment, copy: true) = event.kind { return segment }
            return nil
        }
        #expect(copies.count == 1 && copies.first?.from == .server && (copies.first?.length ?? 0) > 0,
                "the segment that starts it is an old copy of the server's data")
        let entered = try #require(result.entries(.client, into: .timeWait).first)
        let closed = try #require(result.entries(.client, into: .closed).last)
        #expect(closed - entered < 5_000)
        #expect(result.outcomes.contains(.reset))
    }

    // B.12: Linux, rfc1337 on — the RST is ignored and TIME_WAIT lasts its 60 s.
    @Test func fact12_resetIsIgnoredInTimeWaitWhenRfc1337IsOn() throws {
        let result = Simulator.run(try builtins.load("time-wait-assassination-rfc1337"))
        #expect(result.segments(from: .server).last?.flags == .rst)
        // The old data restarted the timer (fact 41), so TIME_WAIT ends 60 s after the client's last ACK.
        let lastAck = try #require(result.sentSegments.last { $0.segment.from == .client && $0.segment.flags == .ack })
        let closed = try #require(result.entries(.client, into: .closed).last)
        #expect(closed - lastAck.t == 60_000)
        #expect(result.outcomes == [.clean])
    }

    // B.12: only an exact RST counts; one with another SEQ leaves TIME_WAIT alone.
    @Test func fact12_inexactResetDoesNotEndTimeWait() throws {
        let result = Simulator.run(try builtins.load("wandering-duplicate"))
        let reset = try #require(result.sentSegments.first { $0.segment.flags == .rst })
        #expect(reset.t > 19_000 && reset.t < 21_000)
        let entered = try #require(result.entries(.client, into: .timeWait).first)
        let closed = try #require(result.entries(.client, into: .closed).first { $0 > entered })
        #expect(closed - entered == 60_000)
    }

    // B.11: a newer SYN reopens TIME_WAIT with ISN = old SND.NXT + 65535 + 2 (65539 relative).
    @Test func fact11_newerSynReopensTimeWaitWithTheLinuxISN() throws {
        let result = Simulator.run(try builtins.load("syn-reopens-time-wait"))
        let synAcks = result.segments(from: .server).filter { $0.flags == [.syn, .ack] }
        #expect(synAcks.count == 2)
        #expect(synAcks[1].seq &- synAcks[0].seq == 65_539)
        #expect(result.visited[.server]?.contains(.timeWait) == true)
        #expect(result.final[.server] == .established && result.final[.client] == .established)
    }

    // B.9 (RFC 9293 MAY-2): the RFC profile also accepts a SYN above the old sequence space.
    @Test func fact9_rfcProfileAcceptsANewerSynInTimeWait() throws {
        let result = Simulator.run(try builtins.load("syn-reopens-time-wait"), profile: .rfc9293)
        #expect(result.final[.server] == .established)
    }

    // B.11: an old SYN gets a bare ACK of the old connection; TIME_WAIT stays.
    @Test func fact11_oldSynGetsABareAckOfTheOldConnection() throws {
        let result = Simulator.run(try builtins.load("old-syn-in-time-wait"))
        let copy = try #require(result.received(by: .server).first { $0.copy })
        let reply = try #require(result.sentSegments.first { $0.segment.from == .server && $0.t == copy.t })
        let finalServerAck = try #require(result.segments(from: .client).last { $0.flags == [.fin, .ack] })
        #expect(reply.segment.flags == .ack)
        #expect(reply.segment.ack == finalServerAck.seq &+ 1, "it acknowledges the old connection's FIN")
        #expect(result.visited[.server]?.filter { $0 == .synReceived }.count == 1, "no second handshake")
        #expect(result.passed)
    }

    // C.15: an orphaned FIN_WAIT_2 lasts tcp_fin_timeout, never enters TIME_WAIT; a late FIN gets RST.
    @Test func fact15_orphanFinWait2TimesOutWithoutTimeWait() throws {
        let result = Simulator.run(try builtins.load("orphan-fin-wait-2"))
        let entered = try #require(result.entries(.client, into: .finWait2).first)
        let closed = try #require(result.entries(.client, into: .closed).first)
        #expect(closed - entered == 5_000)
        #expect(result.visited[.client]?.contains(.timeWait) == false)
        #expect(result.sent[.client]?.last == .rst)
        #expect(result.final[.server] == .closed)
    }

    // C.15: tcp_fin_timeout does not change the length of TIME_WAIT.
    @Test func fact15_finTimeoutLeavesTimeWaitAtSixtySeconds() throws {
        let result = try simulate("set fin-timeout 5s", "open", "close client", "wait 1s", "close server", "run")
        let entered = try #require(result.entries(.client, into: .timeWait).first)
        #expect(result.entries(.client, into: .closed).last.map { $0 - entered } == 60_000)
    }

    // C.15: only orphaned sockets get the timeout; after shutdown() FIN_WAIT_2 stays.
    @Test func fact15_finWait2AfterShutdownHasNoTimeout() throws {
        let result = try simulate("set fin-timeout 5s", "open", "shutdown client", "wait 10m")
        #expect(result.final[.client] == .finWait2)
    }

    @Test func rfcProfileHasNoFinWait2Timeout() throws {
        let result = try simulate("profile rfc9293", "open", "close client", "run")
        #expect(result.final[.client] == .finWait2)
        #expect(result.outcomes.contains(.open))
    }

    // C.22: SO_LINGER {1,0}: RST, no FIN, no TIME_WAIT, the peer sees ECONNRESET.
    @Test func fact22_abortSendsResetAndNobodyEntersTimeWait() throws {
        let result = Simulator.run(try builtins.load("abort"))
        #expect(result.sent[.client]?.contains { $0.contains(.fin) } == false)
        #expect(result.sent[.client]?.last?.contains(.rst) == true)
        #expect(result.errors[.server] == ["ECONNRESET"])
        for role in EndpointRole.allCases { #expect(result.visited[role]?.contains(.timeWait) == false) }
    }

    // B.8 hazard H1: without TIME_WAIT old data is accepted into a new incarnation.
    @Test func fact8_wanderingDuplicateIsAcceptedWithoutTimeWait() throws {
        let result = Simulator.run(try builtins.load("wandering-duplicate-without-time-wait"))
        #expect(result.outcomes.contains(.staleData))
    }

    // B.8 / A.6: with TIME_WAIT every old copy has died or been rejected before the 4-tuple is reused.
    @Test func fact8_timeWaitOutlivesTheWanderingDuplicates() throws {
        let result = Simulator.run(try builtins.load("wandering-duplicate"))
        #expect(!result.outcomes.contains(.staleData))
        let expired = result.events.contains { event in
            if case .drop(_, .expired) = event.kind { return event.timeMs >= 30_000 && event.timeMs < 31_000 }
            return false
        }
        #expect(expired, "the 45 s copy dies when it is 30 s (the MSL) old")
        let reconnect = try #require(result.entries(.client, into: .synSent).last)
        #expect(reconnect >= 60_000, "the 4-tuple was reused only after TIME_WAIT ended")
        // Fact 38: the early reconnect (SO_REUSEADDR, timestamps off) fails with EADDRNOTAVAIL.
        #expect(result.errors[.client] == ["EADDRNOTAVAIL"])
    }

    // B.10: PAWS rejects a segment whose timestamp is older than TS.Recent.
    @Test func fact10_pawsRejectsTheOldCopyWhenTimestampsAreOn() throws {
        var scenario = try builtins.load("wandering-duplicate-without-time-wait")
        scenario.steps.removeAll { $0.action == .set(.timestamps(false)) }
        let result = Simulator.run(scenario)
        #expect(!result.outcomes.contains(.staleData))
    }
}
