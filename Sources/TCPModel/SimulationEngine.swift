/// A `drop` line waiting for its segment.
struct DropRule {
    var match: SegmentMatch
    var remaining: Int
}

/// A `duplicate` line waiting for its segment.
struct DuplicateRule {
    var match: SegmentMatch
    var delay: Int64
    var pending = true
}

/// Runs one scenario on a virtual clock: both endpoints, the network with its latency and faults,
/// and the scenario's steps. Time moves only when a step says so.
struct SimulationEngine {
    /// The most work items one run may process; a run that needs more stops with a note.
    static let workLimit = 200_000

    var settings: ProfileSettings
    var now: Int64 = 0
    var queue = EventQueue()
    var endpoints: [TransmissionControlBlock] = [
        TransmissionControlBlock(role: .client, state: .closed),
        TransmissionControlBlock(role: .server, state: .listen),
    ]
    let recordEvents: Bool
    var events: [SimulationEvent] = []
    /// Every event counted, recorded or not.
    var eventCount = 0
    var workDone = 0
    var workLimitHit = false

    var transmissions = 0
    /// Transmissions that no `drop` line took, which the explorer may lose.
    var explorable = 0
    /// Sorted 1-based explorable indices to lose.
    var exploreDrops: [Int]
    var exploreCursor = 0
    /// Descriptions of the segments the explorer lost, such as `client->server FIN|ACK #1`.
    var exploreDropped: [String] = []
    /// Per sender and flag combination, how many segments were sent so far.
    var occurrences = [Int](repeating: 0, count: 64)

    var dropRules: [DropRule] = []
    var duplicateRules: [DuplicateRule] = []
    var sent: [[TCPFlags]] = [[], []]
    var errors: [[String]] = [[], []]
    var visited: [[TCPState]] = [[.closed], [.listen]]
    var failures: [String] = []
    var resetSeen = false
    var timeoutSeen = false
    var staleSeen = false
    var connections = 0
    var isnOverride: [UInt32?] = [nil, nil]

    init(settings: ProfileSettings, recordEvents: Bool, exploreDrops: [Int] = []) {
        self.settings = settings
        self.recordEvents = recordEvents
        self.exploreDrops = exploreDrops
    }

    @inline(__always) static func slot(_ role: EndpointRole) -> Int { role == .client ? 0 : 1 }

    @inline(__always) mutating func log(_ kind: SimulationEvent.Kind) {
        eventCount += 1
        if recordEvents { events.append(SimulationEvent(timeMs: now, kind: kind)) }
    }

    mutating func note(_ role: EndpointRole?, _ text: String) {
        if recordEvents { events.append(SimulationEvent(timeMs: now, kind: .note(role, text))) }
    }

    // MARK: Steps

    mutating func perform(_ step: ScenarioStep) {
        if recordEvents { events.append(SimulationEvent(timeMs: now, kind: .step(line: step.line, text: step.text))) }
        switch step.action {
        case .set(let setting): apply(setting)
        case .open: connect(reconnecting: false)
        case .reconnect: connect(reconnecting: true)
        case .send(let role, let bytes): applicationSend(Self.slot(role), bytes: bytes)
        case .close(let role): applicationClose(Self.slot(role), orphan: true)
        case .shutdown(let role): applicationClose(Self.slot(role), orphan: false)
        case .abort(let role): applicationAbort(Self.slot(role))
        case .drop(let match, let nth): dropRules.append(DropRule(match: match, remaining: nth))
        case .duplicate(let match, let after):
            duplicateRules.append(DuplicateRule(match: match, delay: after.milliseconds(under: settings)))
        case .wait(let duration): advance(until: now + duration.milliseconds(under: settings))
        case .run: runUntilIdle()
        case .expectState(let role, let state):
            let actual = endpoints[Self.slot(role)].state
            record(step: step, passed: actual == state, actual: actual.name)
        case .expectOutcome(let outcome): recordOutcome(outcome, step: step)
        case .expectSent(let role, let flags):
            let list = sent[Self.slot(role)]
            var distinct: [String] = []
            for item in list where !distinct.contains(item.description) { distinct.append(item.description) }
            record(step: step, passed: list.contains(flags),
                   actual: distinct.isEmpty ? "nothing sent" : "sent " + distinct.joined(separator: ", "))
        }
    }

    mutating func recordOutcome(_ outcome: Outcome, step: ScenarioStep) {
        let now = Simulator.outcomes(of: self).sorted()
        record(step: step, passed: now.contains(outcome), actual: now.map(\.rawValue).joined(separator: "+"))
    }

    mutating func record(step: ScenarioStep, passed: Bool, actual: String) {
        log(.expect(line: step.line, text: step.text, passed: passed, actual: actual))
        if !passed { failures.append("line \(step.line): '\(step.text)' failed: actually \(actual)") }
    }

    mutating func apply(_ setting: ScenarioSetting) {
        switch setting {
        case .timeWait(let d):
            settings.timeWait = d.milliseconds(under: settings)
            settings.timeWaitFixed = true
        case .msl(let d):
            settings.msl = d.milliseconds(under: settings)
            if !settings.timeWaitFixed { settings.timeWait = 2 * settings.msl }
        case .rto(let d):
            settings.rto = max(1, d.milliseconds(under: settings))
            for i in 0..<2 where endpoints[i].synchronized && endpoints[i].retransmissions == 0 {
                endpoints[i].rto = settings.rto
            }
        case .latency(let d): settings.latency = d.milliseconds(under: settings)
        case .finTimeout(let d): settings.finTimeout = d.milliseconds(under: settings)
        case .rfc1337(let on): settings.rfc1337 = on
        case .retries(let n):
            settings.retries = n
            settings.orphanRetries = n
        case .isn(let role, let value): isnOverride[Self.slot(role)] = value
        case .timestamps(let on): settings.timestamps = on
        }
    }

    // MARK: Clock

    mutating func advance(until target: Int64) {
        while let time = queue.nextTime, time <= target, !workLimitHit { step() }
        if now < target { now = target }
    }

    mutating func runUntilIdle() {
        while !queue.isEmpty && !workLimitHit { step() }
    }

    mutating func run(until done: ([TransmissionControlBlock]) -> Bool) {
        while !done(endpoints) && !queue.isEmpty && !workLimitHit { step() }
    }

    mutating func step() {
        guard let (time, work) = queue.pop() else { return }
        workDone += 1
        if workDone > Self.workLimit {
            workLimitHit = true
            note(nil, "stopped: more than \(Self.workLimit) scheduled events; the scenario does not settle")
            return
        }
        if time > now { now = time }
        switch work {
        case .deliver(let segment, let copy):
            log(.receive(segment, copy: copy))
            receive(segment, at: Self.slot(segment.to))
        case .expire(let segment):
            log(.drop(segment, reason: .expired))
            note(segment.to, "the delayed copy outlived the MSL (\(settings.msl) ms) and died in the network")
        case .timer(let role, let kind, let generation):
            let i = Self.slot(role)
            guard endpoints[i].timers.generation(kind) == generation, endpoints[i].timers.isRunning(kind) else { return }
            endpoints[i].timers.stop(kind)
            log(.timer(role, kind, .expire, ms: 0))
            timerFired(kind, i)
        }
    }

    // MARK: Timers

    mutating func startTimer(_ i: Int, _ kind: TimerKind, ms: Int64, action: TimerAction = .start) {
        let generation = endpoints[i].timers.advance(kind, running: true)
        queue.schedule(.timer(endpoints[i].role, kind, generation: generation), at: now + ms)
        log(.timer(endpoints[i].role, kind, action, ms: ms))
    }

    mutating func cancelTimer(_ i: Int, _ kind: TimerKind) {
        guard endpoints[i].timers.isRunning(kind) else { return }
        endpoints[i].timers.advance(kind, running: false)
        log(.timer(endpoints[i].role, kind, .cancel, ms: 0))
    }

    mutating func timerFired(_ kind: TimerKind, _ i: Int) {
        switch kind {
        case .retransmit: retransmitTimeout(i)
        case .timeWait: setState(i, .closed)
        case .finWait2:
            note(endpoints[i].role, "the orphaned FIN_WAIT_2 socket times out and disappears without TIME_WAIT")
            setState(i, .closed)
        }
    }

    mutating func retransmitTimeout(_ i: Int) {
        guard let head = endpoints[i].unacked.first else { return }
        let tcb = endpoints[i]
        let limit = head.flags.contains(.syn) ? settings.synRetries : (tcb.orphan ? settings.orphanRetries : settings.retries)
        if tcb.retransmissions >= limit {
            timeoutSeen = true
            note(tcb.role, "gave up after \(tcb.retransmissions) retransmissions")
            if !tcb.orphan { reportError(i, "ETIMEDOUT") }
            setState(i, .closed)
            return
        }
        endpoints[i].retransmissions += 1
        var again = makeSegment(i, flags: head.flags, seq: head.seq, length: head.length)
        if head.flags.contains(.syn) && !head.flags.contains(.ack) { again.ack = 0 }
        transmit(again, retransmission: true)
        endpoints[i].rto = min(endpoints[i].rto * 2, settings.rtoMax)
        startTimer(i, .retransmit, ms: endpoints[i].rto)
    }

    // MARK: State

    mutating func setState(_ i: Int, _ state: TCPState) {
        let from = endpoints[i].state
        guard from != state else { return }
        endpoints[i].state = state
        log(.state(endpoints[i].role, from: from, to: state))
        if visited[i].last != state { visited[i].append(state) }
        if state == .timeWait { endpoints[i].timeWaitEntries += 1 }
        if state == .closed || state == .timeWait || state == .listen {
            cancelTimer(i, .retransmit)
            cancelTimer(i, .finWait2)
            endpoints[i].unacked.removeAll()
        }
        if state == .closed { cancelTimer(i, .timeWait) }
    }

    /// Enters TIME_WAIT for the profile's length, or goes straight to CLOSED when that length is zero.
    mutating func enterTimeWait(_ i: Int) {
        if settings.timeWait <= 0 {
            note(endpoints[i].role, "TIME_WAIT lasts 0 ms in this profile: straight to CLOSED")
            setState(i, .closed)
            return
        }
        setState(i, .timeWait)
        startTimer(i, .timeWait, ms: settings.timeWait)
    }

    mutating func reportError(_ i: Int, _ errno: String) {
        errors[i].append(errno)
        log(.error(endpoints[i].role, errno: errno))
    }

    /// An acceptable RST ended the connection at endpoint `i`.
    mutating func connectionReset(_ i: Int) {
        resetSeen = true
        let tcb = endpoints[i]
        switch tcb.state {
        case .synSent: reportError(i, "ECONNREFUSED")
        case .established, .finWait1, .finWait2, .closeWait, .synReceived:
            if !tcb.orphan { reportError(i, "ECONNRESET") }
        default: break
        }
        setState(i, .closed)
    }

    // MARK: Sending

    func initialSequenceNumber(_ i: Int) -> UInt32 {
        // An RFC 793 style clock: one tick every 4 µs, i.e. 250 per millisecond.
        (i == 0 ? 1_000 : 5_000) &+ UInt32(truncatingIfNeeded: now &* 250)
    }

    func timestampValue(_ i: Int) -> UInt32 {
        (i == 0 ? 100_000 : 700_000) &+ UInt32(truncatingIfNeeded: now)
    }

    func makeSegment(_ i: Int, flags: TCPFlags, seq: UInt32, length: Int = 0) -> Segment {
        let tcb = endpoints[i]
        return Segment(from: tcb.role, flags: flags, seq: seq, ack: flags.contains(.ack) ? tcb.rcvNxt : 0,
                       length: length,
                       tsval: settings.timestamps ? timestampValue(i) : nil,
                       tsecr: settings.timestamps ? (tcb.tsRecent ?? 0) : nil,
                       connection: tcb.connection, index: 0)
    }

    /// Sends a segment that occupies sequence space and keeps it for retransmission.
    mutating func queueSegment(_ i: Int, flags: TCPFlags, length: Int = 0) {
        let segment = makeSegment(i, flags: flags, seq: endpoints[i].sndNxt, length: length)
        endpoints[i].sndNxt = endpoints[i].sndNxt &+ segment.sequenceLength
        if flags.contains(.fin) { endpoints[i].finSeq = segment.seq &+ UInt32(truncatingIfNeeded: length) }
        endpoints[i].unacked.append(segment)
        transmit(segment, retransmission: false)
        if !endpoints[i].timers.isRunning(.retransmit) {
            startTimer(i, .retransmit, ms: endpoints[i].rto)
        }
    }

    mutating func sendAck(_ i: Int) {
        transmit(makeSegment(i, flags: .ack, seq: endpoints[i].sndNxt), retransmission: false)
    }

    /// Sends an RST from an endpoint that has no connection for the segment (RFC 9293 §3.10.7.1).
    mutating func sendReset(answering segment: Segment, from i: Int) {
        var reply: Segment
        if segment.flags.contains(.ack) {
            reply = Segment(from: endpoints[i].role, flags: .rst, seq: segment.ack, ack: 0, length: 0,
                            tsval: nil, tsecr: nil, connection: endpoints[i].connection, index: 0)
        } else {
            reply = Segment(from: endpoints[i].role, flags: [.rst, .ack], seq: 0,
                            ack: segment.seq &+ segment.sequenceLength, length: 0,
                            tsval: nil, tsecr: nil, connection: endpoints[i].connection, index: 0)
        }
        reply.connection = endpoints[i].connection
        transmit(reply, retransmission: false)
    }

    /// Puts a segment on the wire, applying `drop` lines, the explorer's losses and `duplicate` lines.
    mutating func transmit(_ original: Segment, retransmission: Bool) {
        var segment = original
        transmissions += 1
        segment.index = transmissions
        let i = Self.slot(segment.from)
        sent[i].append(segment.flags)
        let key = i * 32 + Int(segment.flags.rawValue & 31)
        occurrences[key] += 1
        log(.send(segment, retransmission: retransmission))
        var dropped = false
        for k in dropRules.indices where dropRules[k].remaining > 0 && dropRules[k].match.matches(segment) {
            dropRules[k].remaining -= 1
            if dropRules[k].remaining == 0 { dropped = true }
        }
        if dropped {
            log(.drop(segment, reason: .scenario))
            return
        }
        explorable += 1
        if exploreCursor < exploreDrops.count && exploreDrops[exploreCursor] == explorable {
            exploreCursor += 1
            exploreDropped.append("\(segment.from.rawValue)->\(segment.to.rawValue) \(segment.flags) #\(occurrences[key])")
            log(.drop(segment, reason: .explore))
            return
        }
        queue.schedule(.deliver(segment, copy: false), at: now + settings.latency)
        for k in duplicateRules.indices where duplicateRules[k].pending && duplicateRules[k].match.matches(segment) {
            duplicateRules[k].pending = false
            let age = settings.latency + duplicateRules[k].delay
            if age > settings.msl {
                queue.schedule(.expire(segment), at: now + settings.msl)
            } else {
                queue.schedule(.deliver(segment, copy: true), at: now + age)
            }
        }
    }
}
