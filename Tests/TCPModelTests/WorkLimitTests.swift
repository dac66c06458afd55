import Testing
@testable import TCPModel

/// Hostile scenarios (issue 11): every run is bounded in bytes per send, segments, events,
/// virtual time and scenario size, and a run that hits a bound says so as its own outcome.
@Suite struct WorkLimitTests {
    // The 30-byte scenario that ran for 15–28 s: the send is now refused at parse time, naming the limit.
    @Test func aSendOverTheLimitIsAParseErrorNamingTheLimit() {
        #expect {
            try Scenario.parse("open\nsend client 99999999\nrun", source: "big.twsim")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("big.twsim:2:13: error:") && text.contains("1000000")
        }
    }

    // A send at the limit runs quickly: the window (65,535 bytes) paces it, and every byte arrives.
    @Test func aMegabyteSendIsPacedByTheWindowAndDelivered() throws {
        let result = try simulate("set isn client 0", "open", "send client 1000000", "run")
        let data = result.segments(from: .client).filter { $0.length > 0 }
        #expect(data.reduce(0) { $0 + $1.length } == 1_000_000)
        #expect(result.segments(from: .server).last?.ack == 1_000_001)
        var highestAck: UInt32 = 0
        for event in result.events {
            if case .receive(let s, _) = event.kind, s.to == .client, s.flags.contains(.ack) { highestAck = max(highestAck, s.ack) }
            if case .send(let s, _) = event.kind, s.from == .client, s.length > 0 {
                #expect(s.seq &+ UInt32(s.length) &- max(highestAck, 1) <= 65_535, "never more than a window in flight")
            }
        }
        #expect(result.stopReason == nil && result.passed)
    }

    // Acknowledging a queue of n segments costs O(1) per segment: the queue's head moves.
    @Test func theRetransmissionQueueDropsAcknowledgedSegmentsFromTheFront() {
        var queue = RetransmissionQueue()
        for k in 0..<1_000 {
            queue.append(Segment(from: .client, flags: [.psh, .ack], seq: UInt32(k * 10), ack: 0, length: 10,
                                 tsval: nil, tsecr: nil, connection: 1, index: k), sentAt: Int64(k))
        }
        #expect(queue.removeAcknowledged(upTo: 5_000) == 0)
        #expect(queue.count == 500 && queue.first?.seq == 5_000)
        queue.markFirstRetransmitted()
        #expect(queue.removeAcknowledged(upTo: 6_000) == nil, "Karn: no sample from a retransmitted segment")
        #expect(queue.count == 400)
        #expect(queue.removeAcknowledged(upTo: 10_000) == 600 && queue.isEmpty)
    }

    // Many sends hit the segment or event limit; the run says so as its own outcome, not as a
    // failed expectation (the file has no `expect`).
    @Test func aRunOverTheWorkLimitEndsWithTheWorkLimitOutcome() throws {
        let text = (["open"] + Array(repeating: "send client 1000000", count: 200) + ["run"]).joined(separator: "\n")
        let result = Simulator.run(try Scenario.parse(text, source: "t"), recordEvents: false)
        #expect(result.outcomes.contains(.workLimit))
        #expect(!result.outcomes.contains(.clean))
        #expect(result.failures.isEmpty)
        #expect(result.stopReason != nil)
        #expect(!result.passed)
        #expect(result.transmissions <= SimulationEngine.transmissionLimit)
    }

    // Repeated long waits used to overflow the virtual clock (a trap); now time stops at the limit.
    @Test func repeatedWaitsStopAtTheClockLimitInsteadOfOverflowing() throws {
        let text = (["open"] + Array(repeating: "wait 99999999999msl", count: 20)).joined(separator: "\n")
        let result = Simulator.run(try Scenario.parse(text, source: "t"), recordEvents: false)
        #expect(result.outcomes.contains(.workLimit))
        #expect(result.endTimeMs <= SimulationEngine.clockLimit)
        #expect(result.stopReason?.contains("virtual clock") == true)
    }

    // A scenario file over 256 KiB is refused before parsing.
    @Test func anOversizedScenarioIsRefused() {
        let text = String(repeating: "wait 1ms\n", count: 40_000)
        #expect {
            try Scenario.parse(text, source: "huge.twsim")
        } throws: { error in
            "\(error)".hasPrefix("huge.twsim:29128:1: error:") && "\(error)".contains("262144")
        }
    }
}

/// Bounds on what a scenario may ask of every segment, and on explorations.
@Suite struct FaultLineLimitTests {
    // Every drop and duplicate line is checked against every segment, so there are at most 500.
    @Test func tooManyFaultLinesAreAParseError() {
        let text = (["open"] + Array(repeating: "drop client->server ACK #99999", count: 501)).joined(separator: "\n")
        #expect {
            try Scenario.parse(text, source: "f")
        } throws: { error in
            "\(error)".hasPrefix("f:502:1: error:") && "\(error)".contains("500")
        }
        let ok = (["open"] + Array(repeating: "drop client->server ACK #99999", count: 500)).joined(separator: "\n")
        #expect(throws: Never.self) { try Scenario.parse(ok, source: "f") }
    }

    // `expect … sent` answers from a per-combination record, not by scanning every segment.
    @Test func expectSentStillListsWhatWasSent() throws {
        let result = try simulate("open", "send client 100", "wait 50ms", "expect client sent FIN|ACK", "expect client sent PSH|ACK")
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.contains("actually sent SYN, ACK, PSH|ACK") == true)
    }
}
