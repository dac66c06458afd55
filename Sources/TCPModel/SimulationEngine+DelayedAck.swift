/// Delayed acknowledgements (fact 33; RFC 9293 §3.8.6.3).
///
/// `linux` follows `tcp_event_data_recv()`, `__tcp_ack_snd_check()` and `tcp_send_delayed_ack()`:
/// until data has arrived ato is 0, so the ACK of a FIN waits only for the next timer tick
/// (`quickAckDelay`, 4 ms: a close within that tick carries it, three segments); the
/// first data starts quick-ack mode (16 immediate ACKs) and an ACK timeout (ato) of 40 ms; a reply
/// from the application within ato, or a FIN in ESTABLISHED, enters pingpong mode, where ACKs wait
/// for ato (40 ms, at most 200 ms and at most the smoothed RTT when that is longer than 40 ms).
/// `rfc9293` delays every ACK of data by a fixed 200 ms ("less than 0.5 seconds", §3.8.6.3) and
/// ACKs a FIN at once, as BSD does.
/// In both, more than one full-sized segment unacknowledged is ACKed at once, and any segment the
/// endpoint sends carries the pending ACK and stops the timer.
extension SimulationEngine {
    static let maxQuickAcks = 16

    /// In-order data arrived at endpoint `i` (Linux `tcp_event_data_recv()`).
    mutating func dataArrived(_ i: Int, bytes: Int) {
        endpoints[i].bytesNotAcked += bytes
        guard settings.followsLinux else { return }
        let tcb = endpoints[i]
        let atoMin = settings.ackDelayMin
        if tcb.ato == 0 {
            endpoints[i].quickAcks = Self.maxQuickAcks
            endpoints[i].ato = atoMin
        } else {
            let gap = now - tcb.lastDataReceived
            if gap <= atoMin / 2 {
                endpoints[i].ato = tcb.ato / 2 + atoMin / 2
            } else if gap < tcb.ato {
                endpoints[i].ato = min(tcb.ato / 2 + gap, tcb.rto)
            } else if gap > tcb.rto {
                endpoints[i].quickAcks = Self.maxQuickAcks
            }
        }
        endpoints[i].lastDataReceived = now
    }

    /// The application at `i` sends data: a reply within ato of the last data enters pingpong mode.
    mutating func replyStarted(_ i: Int) {
        guard settings.followsLinux, endpoints[i].ato > 0, now - endpoints[i].lastDataReceived < endpoints[i].ato else { return }
        endpoints[i].pingpong = true
    }

    /// How long an ACK may wait at endpoint `i` now.
    func ackDelay(_ i: Int) -> Int64 {
        guard settings.followsLinux else { return settings.ackDelayMin }
        let tcb = endpoints[i]
        // ato 0 (no data received yet): Linux arms the timer for `jiffies + 0`, the next tick.
        guard tcb.ato > 0 else { return settings.quickAckDelay }
        var delay = tcb.ato
        if delay > settings.ackDelayMin {
            var ceiling = settings.ackDelayMax
            if let srtt = tcb.srtt { ceiling = min(ceiling, max(srtt, settings.ackDelayMin)) }
            delay = min(delay, ceiling)
        }
        return delay
    }

    /// Endpoint `i` owes an ACK for data or a FIN it accepted: send it now or start the timer.
    mutating func acknowledgeReceived(_ i: Int) {
        let tcb = endpoints[i]
        let now = self.now
        guard settings.delayedAck, tcb.bytesNotAcked <= Self.maximumSegmentSize else { return sendAck(i) }
        if settings.followsLinux && tcb.quickAcks > 0 && !tcb.pingpong { return sendAck(i) }
        let delay = ackDelay(i)
        if delay <= 0 { return sendAck(i) }
        if let due = tcb.delayedAckDue, tcb.timers.isRunning(.delayedAck) {
            // Linux: a timer about to fire (within a quarter of ato) sends the ACK now; otherwise
            // the earlier deadline stands.
            if due <= now + delay / 4 { sendAck(i) }
            return
        }
        endpoints[i].delayedAckDue = now + delay
        startTimer(i, .delayedAck, ms: delay)
    }

    /// The delayed-ACK timer fired (Linux `tcp_delack_timer_handler()`): in pingpong mode the ACK
    /// missed its ride, so pingpong ends and ato deflates; otherwise ato doubles (at most the RTO).
    mutating func delayedAckFired(_ i: Int) {
        endpoints[i].delayedAckDue = nil
        guard endpoints[i].synchronized, endpoints[i].state != .timeWait else { return }
        if settings.followsLinux {
            if endpoints[i].pingpong {
                endpoints[i].pingpong = false
                endpoints[i].ato = settings.ackDelayMin
            } else {
                endpoints[i].ato = min(endpoints[i].ato * 2, endpoints[i].rto)
            }
        }
        sendAck(i)
    }

    /// Any segment carrying ACK left endpoint `i`: it acknowledges everything received so far.
    mutating func acknowledgementSent(_ i: Int) {
        let owed = endpoints[i].bytesNotAcked > 0 || endpoints[i].timers.isRunning(.delayedAck)
        endpoints[i].bytesNotAcked = 0
        if owed && endpoints[i].quickAcks > 0 { endpoints[i].quickAcks -= 1 }
        if endpoints[i].timers.isRunning(.delayedAck) {
            endpoints[i].delayedAckDue = nil
            cancelTimer(i, .delayedAck)
        }
    }
}
