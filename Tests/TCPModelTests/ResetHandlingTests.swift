import Testing
@testable import TCPModel

/// RST processing in every synchronized state (RFC 9293 §3.10.7.4 second check, with RFC 5961's
/// exact-match rule), driven directly on one endpoint.
@Suite struct ResetHandlingTests {
    static let rcvNxt: UInt32 = 5_000

    func engine(serverIn state: TCPState, orphan: Bool = false, profile: ProfileName = .linux) -> SimulationEngine {
        var engine = SimulationEngine(settings: ProfileSettings(profile), recordEvents: true)
        var tcb = TransmissionControlBlock(role: .server, state: state)
        tcb.connection = 1
        tcb.rcvNxt = Self.rcvNxt
        tcb.irs = Self.rcvNxt &- 1
        tcb.iss = 9_000
        tcb.sndUna = 9_001
        tcb.sndNxt = 9_001
        tcb.orphan = orphan
        engine.endpoints[1] = tcb
        return engine
    }

    func reset(seq: UInt32) -> Segment {
        Segment(from: .client, flags: .rst, seq: seq, ack: 0, length: 0, tsval: nil, tsecr: nil, connection: 1, index: 1)
    }

    // Fact 34, Linux `tcp_reset()`: CLOSE_WAIT → EPIPE, every other synchronized state →
    // ECONNRESET, for an application that still holds the socket (after shutdown() in LAST_ACK and
    // CLOSING too; measured in LAST_ACK as SO_ERROR 104 after shutdown() then read()).
    static let errnoByState: [(TCPState, String?)] = [
        (.synReceived, "ECONNRESET"), (.established, "ECONNRESET"), (.finWait1, "ECONNRESET"),
        (.finWait2, "ECONNRESET"), (.closeWait, "EPIPE"), (.closing, "ECONNRESET"), (.lastAck, "ECONNRESET"),
    ]

    // RFC 9293 §3.10.7.4: "reset" responses up to CLOSE-WAIT; CLOSING and LAST-ACK just close.
    static let rfcErrnoByState: [(TCPState, String?)] = [
        (.synReceived, "ECONNRESET"), (.established, "ECONNRESET"), (.finWait1, "ECONNRESET"),
        (.finWait2, "ECONNRESET"), (.closeWait, "ECONNRESET"), (.closing, nil), (.lastAck, nil),
    ]

    @Test(arguments: rfcErrnoByState)
    func rfcExactResetClosesTheConnection(_ item: (TCPState, String?)) {
        var engine = engine(serverIn: item.0, profile: .rfc9293)
        engine.receive(reset(seq: Self.rcvNxt), at: 1)
        #expect(engine.endpoints[1].state == .closed)
        #expect(engine.errors[1] == (item.1.map { [$0] } ?? []))
    }

    // Fact 34: an orphan (close() was called) reports nothing to anyone, in any state.
    @Test(arguments: [TCPState.finWait1, .finWait2, .closing, .lastAck])
    func orphanReportsNothingOnReset(_ state: TCPState) {
        var engine = engine(serverIn: state, orphan: true)
        engine.receive(reset(seq: Self.rcvNxt), at: 1)
        #expect(engine.endpoints[1].state == .closed && engine.errors[1].isEmpty)
    }

    @Test(arguments: errnoByState)
    func exactResetClosesTheConnection(_ item: (TCPState, String?)) {
        var engine = engine(serverIn: item.0)
        engine.receive(reset(seq: Self.rcvNxt), at: 1)
        #expect(engine.endpoints[1].state == .closed)
        #expect(engine.errors[1] == (item.1.map { [$0] } ?? []))
        #expect(engine.resetSeen)
        #expect(engine.transmissions == 0, "nobody answers an RST")
    }

    @Test(arguments: [TCPState.established, .finWait2, .closeWait, .lastAck])
    func inWindowButInexactResetGetsAChallengeAck(_ state: TCPState) {
        var engine = engine(serverIn: state)
        engine.receive(reset(seq: Self.rcvNxt + 10), at: 1)
        #expect(engine.endpoints[1].state == state)
        #expect(engine.sent[1] == [.ack])
    }

    @Test(arguments: [TCPState.established, .finWait1, .closing])
    func outOfWindowResetIsDroppedSilently(_ state: TCPState) {
        var engine = engine(serverIn: state)
        engine.receive(reset(seq: Self.rcvNxt &- 100), at: 1)
        #expect(engine.endpoints[1].state == state)
        #expect(engine.transmissions == 0)
    }

    @Test func orphanedSocketReportsNoErrno() {
        var engine = engine(serverIn: .finWait2, orphan: true)
        engine.receive(reset(seq: Self.rcvNxt), at: 1)
        #expect(engine.endpoints[1].state == .closed && engine.errors[1].isEmpty)
    }

    // SYN-SENT: an RST that acknowledges our SYN refuses the connection.
    @Test func resetInSynSentIsConnectionRefused() {
        var engine = SimulationEngine(settings: ProfileSettings(.linux), recordEvents: true)
        var tcb = TransmissionControlBlock(role: .client, state: .synSent)
        tcb.iss = 100; tcb.sndUna = 100; tcb.sndNxt = 101
        engine.endpoints[0] = tcb
        engine.receive(Segment(from: .server, flags: [.rst, .ack], seq: 0, ack: 101, length: 0, tsval: nil, tsecr: nil,
                               connection: 1, index: 1), at: 0)
        #expect(engine.endpoints[0].state == .closed)
        #expect(engine.errors[0] == ["ECONNREFUSED"])
    }

    // A SYN on a synchronized connection gets a challenge ACK and changes nothing (RFC 5961 §4).
    @Test func synOnAnEstablishedConnectionGetsAChallengeAck() {
        var engine = engine(serverIn: .established)
        engine.receive(Segment(from: .client, flags: .syn, seq: 77, ack: 0, length: 0, tsval: nil, tsecr: nil,
                               connection: 2, index: 1), at: 1)
        #expect(engine.endpoints[1].state == .established)
        #expect(engine.sent[1] == [.ack])
    }
}

/// Linux and RFC answers to odd ACKs (tcp_ack() and RFC 9293 §3.10.7.4 fifth check).
@Suite struct AckHandlingTests {
    func engine(_ profile: ProfileName) -> SimulationEngine {
        var engine = SimulationEngine(settings: ProfileSettings(profile), recordEvents: true)
        var tcb = TransmissionControlBlock(role: .server, state: .established)
        tcb.connection = 1; tcb.rcvNxt = 5_000; tcb.iss = 9_000; tcb.sndUna = 9_001; tcb.sndNxt = 9_001
        engine.endpoints[1] = tcb
        return engine
    }

    func ack(_ number: UInt32) -> Segment {
        Segment(from: .client, flags: .ack, seq: 5_000, ack: number, length: 0, tsval: nil, tsecr: nil, connection: 1, index: 1)
    }

    // RFC 9293: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an ACK, drop the segment."
    @Test func rfcAnswersAnAckOfUnsentDataWithAnAck() {
        var engine = engine(.rfc9293)
        engine.receive(ack(9_500), at: 1)
        #expect(engine.sent[1] == [.ack])
    }

    // Fact 37: Linux answers an ACK of unsent data with an ACK, at most once per 500 ms
    // (tcp_invalid_ratelimit), and discards the segment's data. Measured with a scripted peer in
    // ESTABLISHED and LAST_ACK: `. 1:1(0) ack 500` → `. 1:1(0) ack 1`; a second one 100 ms later
    // got no answer; data on it was not delivered.
    @Test(arguments: [TCPState.established, .lastAck])
    func linuxAnswersAnAckOfUnsentDataAtMostEvery500ms(_ state: TCPState) {
        var engine = engine(.linux)
        engine.endpoints[1].state = state
        var segment = ack(9_500)
        segment.length = 100
        engine.receive(segment, at: 1)
        #expect(engine.sent[1] == [.ack])
        #expect(engine.endpoints[1].rcvNxt == 5_000, "the data is discarded")
        #expect(engine.endpoints[1].state == state)
        engine.now = 100
        engine.receive(segment, at: 1)
        #expect(engine.sent[1] == [.ack], "rate-limited")
        engine.now = 600
        engine.receive(segment, at: 1)
        #expect(engine.sent[1] == [.ack, .ack])
        let reply = engine.events.compactMap { event -> Segment? in
            if case .send(let s, _) = event.kind { return s }
            return nil
        }
        #expect(reply.allSatisfy { $0.seq == 9_001 && $0.ack == 5_000 && $0.length == 0 })
    }

    // Pure ACKs answered because they are out of window are rate-limited to one per 500 ms.
    @Test func outOfWindowAcksAreRateLimited() {
        var engine = engine(.linux)
        var old = ack(9_001)
        old.seq = 4_000
        engine.receive(old, at: 1)
        engine.receive(old, at: 1)
        #expect(engine.sent[1] == [.ack])
        engine.now = 600
        engine.receive(old, at: 1)
        #expect(engine.sent[1] == [.ack, .ack])
    }
}
