/// The endpoints' timers: retransmission (with the RTT estimator behind its timeout), TIME_WAIT,
/// the orphaned FIN_WAIT_2 timeout and the delayed ACK.
extension SimulationEngine {
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
        case .delayedAck: delayedAckFired(i)
        }
    }

    /// The retry limit for the oldest unacknowledged segment: SYN (`tcp_syn_retries`), SYN-ACK
    /// (`tcp_synack_retries`, fact 36), or data and FIN (orphaned or not).
    func retryLimit(_ i: Int, for head: Segment) -> Int {
        if head.flags.contains(.syn) {
            return head.flags.contains(.ack) ? settings.synAckRetries : settings.synRetries
        }
        return endpoints[i].orphan ? settings.orphanRetries : settings.retries
    }

    /// Whether endpoint `i` has retransmitted `head` long enough. SYN and SYN-ACK, and everything in
    /// `rfc9293` (RFC 9293 §3.8.3 allows a count), count retransmissions. Linux gives up on data and
    /// FIN by time (`tcp_write_timeout()`): once `retryTimeLimit` has passed since the first
    /// retransmission, checked when the timer fires, before it would retransmit again (fact 39).
    func retriesExhausted(_ i: Int, head: Segment) -> Bool {
        let tcb = endpoints[i]
        let limit = retryLimit(i, for: head)
        guard settings.followsLinux, !head.flags.contains(.syn) else { return tcb.retransmissions >= limit }
        guard tcb.retransmissions > 0, let start = tcb.firstRetransmissionAt else { return false }
        return now - start >= settings.retryTimeLimit(limit)
    }

    mutating func retransmitTimeout(_ i: Int) {
        guard let head = endpoints[i].unacked.first else { return }
        let tcb = endpoints[i]
        if retriesExhausted(i, head: head) {
            timeoutSeen = true
            if tcb.state == .synReceived && tcb.role == .server {
                note(tcb.role, "the SYN-ACK was sent \(tcb.retransmissions + 1) times unanswered: the connection request is dropped")
            } else {
                var why = ""
                if settings.followsLinux, !head.flags.contains(.syn), let start = tcb.firstRetransmissionAt {
                    let limit = retryLimit(i, for: head)
                    why = ": \(now - start) ms since the first one, past the \(settings.retryTimeLimit(limit)) ms that \(limit) retries stand for (Linux counts time, from a \(settings.rto) ms base)"
                }
                note(tcb.role, "gave up after \(tcb.retransmissions) retransmissions" + why)
                if !tcb.orphan { reportError(i, "ETIMEDOUT") }
            }
            setState(i, .closed)
            return
        }
        endpoints[i].retransmissions += 1
        if endpoints[i].firstRetransmissionAt == nil { endpoints[i].firstRetransmissionAt = now }
        endpoints[i].unacked.markFirstRetransmitted()
        var again = makeSegment(i, flags: head.flags, seq: head.seq, length: head.length)
        if head.flags.contains(.syn) && !head.flags.contains(.ack) { again.ack = 0 }
        transmit(again, retransmission: true)
        endpoints[i].rto = min(endpoints[i].rto * 2, settings.rtoMax)
        startTimer(i, .retransmit, ms: endpoints[i].rto)
    }

    /// Feeds one round-trip sample (ms) to the estimator (RFC 6298 §2; Linux `tcp_rtt_estimator()`).
    mutating func sampleRoundTrip(_ i: Int, _ sample: Int64) {
        let m = max(0, sample)
        if let srtt = endpoints[i].srtt {
            endpoints[i].rttvar = (3 * endpoints[i].rttvar + abs(srtt - m)) / 4
            endpoints[i].srtt = (7 * srtt + m) / 8
        } else {
            endpoints[i].srtt = m
            endpoints[i].rttvar = m / 2
        }
    }

    /// The retransmission timeout before any backoff (fact 39). Linux: SRTT + max(4·RTTVAR,
    /// TCP_RTO_MIN), so the RTT always adds to the 200 ms floor; RFC 6298: max(1 s, SRTT + 4·RTTVAR).
    /// Without a sample yet, the profile's minimum.
    func baseTimeout(_ i: Int) -> Int64 {
        guard let srtt = endpoints[i].srtt else { return settings.rto }
        let variance = max(1, 4 * endpoints[i].rttvar)
        let rto = settings.followsLinux ? srtt + max(variance, settings.rto) : max(settings.rto, srtt + variance)
        return min(rto, settings.rtoMax)
    }
}
