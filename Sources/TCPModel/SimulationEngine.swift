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
    /// The most work items one run may process; a run that needs more stops with the outcome
    /// `work-limit`.
    static let workLimit = 200_000
    /// The most segments one run may put on the wire.
    static let transmissionLimit = 100_000
    /// The latest virtual time a run may reach: 1,000 years in ms, far below `Int64.max`, so no
    /// sum of a time and a duration can overflow.
    static let clockLimit: Int64 = 31_536_000_000_000

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
    /// Why the run stopped before its end, when it hit a work limit.
    var stopReason: String?
    var workLimitHit: Bool { stopReason != nil }

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
    /// The distinct flag combinations each endpoint sent, in first-sent order, and a bit per
    /// combination, so that `expect … sent` costs O(1) however long the run.
    var sentDistinct: [[TCPFlags]] = [[], []]
    var sentMask: [UInt64] = [0, 0]
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
        case .open: connect(reuseAddress: false)
        case .reconnect(let reuse): connect(reuseAddress: reuse)
        case .send(let role, let bytes): applicationSend(Self.slot(role), bytes: bytes)
        case .read(let role): applicationRead(Self.slot(role))
        case .close(let role): applicationClose(Self.slot(role), orphan: true)
        case .shutdown(let role): applicationClose(Self.slot(role), orphan: false)
        case .abort(let role): applicationAbort(Self.slot(role))
        case .drop(let match, let nth):
            dropRules.removeAll { $0.remaining == 0 }
            dropRules.append(DropRule(match: match, remaining: nth))
        case .duplicate(let match, let after):
            duplicateRules.removeAll { !$0.pending }
            duplicateRules.append(DuplicateRule(match: match, delay: after.milliseconds(under: settings)))
        case .wait(let duration): advance(by: duration.milliseconds(under: settings))
        case .run: runUntilIdle()
        case .expectState(let role, let state):
            let actual = endpoints[Self.slot(role)].state
            record(step: step, passed: actual == state, actual: actual.name)
        case .expectOutcome(let outcome): recordOutcome(outcome, step: step)
        case .expectSent(let role, let flags):
            let i = Self.slot(role)
            let distinct = sentDistinct[i].map(\.description)
            record(step: step, passed: sentMask[i] & (1 << UInt64(flags.rawValue & 63)) != 0,
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
                endpoints[i].rto = baseTimeout(i)
            }
        case .latency(let d): settings.latency = d.milliseconds(under: settings)
        case .finTimeout(let d): settings.finTimeout = d.milliseconds(under: settings)
        case .rfc1337(let on): settings.rfc1337 = on
        case .retries(let n):
            settings.retries = n
            settings.orphanRetries = n
        case .isn(let role, let value): isnOverride[Self.slot(role)] = value
        case .timestamps(let on): settings.timestamps = on
        case .delayedAck(let on):
            settings.delayedAck = on
            if !on { for i in 0..<2 where endpoints[i].timers.isRunning(.delayedAck) { sendAck(i) } }
        case .autoread(let on):
            settings.autoread = on
            if on { for i in 0..<2 { endpoints[i].unread = 0 } }
        case .maxTimeWaitBuckets(let n): settings.maxTimeWaitBuckets = n
        }
    }

    // MARK: Clock

    /// Lets `ms` of virtual time pass, processing everything due; stops the run at `clockLimit`.
    mutating func advance(by ms: Int64) {
        let room = Self.clockLimit - now
        let target = now + min(max(0, ms), room)
        while let time = queue.nextTime, time <= target, !workLimitHit { step() }
        if now < target && !workLimitHit { now = target }
        if ms > room && !workLimitHit {
            stop("the virtual clock reached its limit of 1,000 years")
        }
    }

    /// Stops the run at a work limit (the first reason wins).
    mutating func stop(_ reason: String) {
        guard stopReason == nil else { return }
        stopReason = reason
        note(nil, "stopped: \(reason)")
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
            stop("more than \(Self.workLimit) scheduled events; the scenario does not settle")
            return
        }
        if time > Self.clockLimit {
            stop("the virtual clock reached its limit of 1,000 years")
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
            cancelTimer(i, .delayedAck)
            endpoints[i].delayedAckDue = nil
            endpoints[i].unacked.removeAll()
            endpoints[i].sendBuffer = 0
            endpoints[i].finQueued = false
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
        if timeWaitTableIsFull {
            note(endpoints[i].role, "tcp_max_tw_buckets reached: no TIME_WAIT mini-socket, straight to CLOSED (TCPTimeWaitOverflow +1)")
            setState(i, .closed)
            return
        }
        setState(i, .timeWait)
        startTimer(i, .timeWait, ms: settings.timeWait)
    }

    /// True when Linux's `tcp_max_tw_buckets` leaves no room for another TIME_WAIT mini-socket
    /// (fact 19); the simulation holds one connection per host, so only a limit of 0 is full.
    var timeWaitTableIsFull: Bool {
        settings.followsLinux && settings.maxTimeWaitBuckets == 0
    }

    mutating func reportError(_ i: Int, _ errno: String) {
        errors[i].append(errno)
        log(.error(endpoints[i].role, errno: errno))
    }

    /// An acceptable RST ended the connection at endpoint `i`. Linux's `tcp_reset()` (fact 34):
    /// SYN_SENT → ECONNREFUSED, CLOSE_WAIT → EPIPE, any other state → ECONNRESET, reported only to
    /// an application that still holds the socket (after shutdown(), LAST_ACK and CLOSING too).
    /// RFC 9293 §3.10.7.4: "reset" in the states up to CLOSE-WAIT, nothing in CLOSING or LAST-ACK.
    mutating func connectionReset(_ i: Int) {
        resetSeen = true
        let tcb = endpoints[i]
        switch tcb.state {
        case .synSent: reportError(i, "ECONNREFUSED")
        case .closeWait where settings.followsLinux:
            if !tcb.orphan { reportError(i, "EPIPE") }
        case .established, .finWait1, .finWait2, .closeWait, .synReceived:
            if !tcb.orphan { reportError(i, "ECONNRESET") }
        case .closing, .lastAck:
            if !tcb.orphan && settings.followsLinux { reportError(i, "ECONNRESET") }
        default: break
        }
        setState(i, .closed)
    }
}
