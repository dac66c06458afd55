/// What the applications on both endpoints do: connect, send, read, close, shut down, abort.
extension SimulationEngine {
    /// Prepares endpoint `i` for a new incarnation, keeping its counters and invalidating old timers.
    mutating func startIncarnation(_ i: Int, connection: Int, iss: UInt32) {
        var tcb = endpoints[i]
        let old = tcb
        tcb = TransmissionControlBlock(role: old.role, state: old.state)
        tcb.timers = old.timers
        tcb.timers.invalidateAll()
        tcb.timeWaitEntries = old.timeWaitEntries
        tcb.connection = connection
        tcb.iss = iss
        tcb.sndUna = iss
        tcb.sndNxt = iss
        tcb.rto = settings.synRto
        endpoints[i] = tcb
    }

    /// `open` and `reconnect`: the client connects and the handshake runs until both sides are
    /// ESTABLISHED (or the attempt fails). A reconnect binds the client's old port again; while the
    /// client's own TIME_WAIT holds the 4-tuple, Linux gives one of three answers (fact 38).
    mutating func connect(reuseAddress: Bool) {
        var takeOverISS: UInt32?
        if endpoints[0].state == .timeWait {
            guard reuseAddress else {
                reportError(0, "EADDRINUSE")
                note(.client, "bind() fails: the client's own TIME_WAIT holds that port and the new socket has no SO_REUSEADDR; nothing is sent")
                return
            }
            guard settings.timestamps else {
                reportError(0, "EADDRNOTAVAIL")
                note(.client, "connect() fails: the 4-tuple is in TIME_WAIT and, without timestamps, it cannot be taken over safely")
                return
            }
            takeOverISS = endpoints[0].sndNxt &+ 65_535 &+ 2
            note(.client, "connect() takes the TIME_WAIT over at once (SO_REUSEADDR, timestamps on); new ISN = old SND.NXT + 65535 + 2")
            cancelTimer(0, .timeWait)
            setState(0, .closed)
        }
        guard endpoints[0].state == .closed else {
            reportError(0, "EISCONN")
            note(.client, "the client is \(endpoints[0].state.name), so it cannot start a new connection")
            return
        }
        connections += 1
        let iss = isnOverride[0] ?? takeOverISS ?? initialSequenceNumber(0)
        isnOverride[0] = nil
        startIncarnation(0, connection: connections, iss: iss)
        setState(0, .synSent)
        queueSegment(0, flags: .syn)
        let connection = connections
        run { endpoints in
            endpoints[0].state == .closed
                || (endpoints[0].state == .established && endpoints[1].state == .established
                    && endpoints[1].connection == connection)
        }
    }

    mutating func applicationSend(_ i: Int, bytes: Int) {
        let tcb = endpoints[i]
        guard !tcb.writeClosed, tcb.state == .established || tcb.state == .closeWait else {
            reportError(i, tcb.writeClosed ? "EPIPE" : "ENOTCONN")
            return
        }
        replyStarted(i)
        endpoints[i].sendBuffer += bytes
        pushData(i)
    }

    /// `read`: the application reads every byte that has arrived.
    mutating func applicationRead(_ i: Int) {
        endpoints[i].unread = 0
    }

    /// `close` (orphan: the application lets go of the socket) and `shutdown` (write side only).
    mutating func applicationClose(_ i: Int, orphan: Bool) {
        let wasOrphan = endpoints[i].orphan
        if orphan && endpoints[i].unread > 0 && endpoints[i].synchronized && endpoints[i].state != .timeWait {
            closeDiscardingData(i)
            return
        }
        if orphan { endpoints[i].orphan = true }
        switch endpoints[i].state {
        case .established, .synReceived, .closeWait:
            guard !endpoints[i].writeClosed else { return }
            endpoints[i].writeClosed = true
            let next: TCPState = endpoints[i].state == .closeWait ? .lastAck : .finWait1
            setState(i, next)
            endpoints[i].finQueued = true
            pushData(i)
        case .synSent:
            if orphan { setState(i, .closed) }
        case .finWait2:
            if orphan && !wasOrphan { startFinWait2TimerIfOrphaned(i) }
        default:
            break
        }
    }

    /// Linux: an orphaned FIN_WAIT_2 lives `tcp_fin_timeout` at most (at least 3.5 RTO), fact 15.
    /// With a timeout of 60 s or less it lives in a TIME_WAIT mini-socket (substate FIN_WAIT2), so
    /// when `tcp_max_tw_buckets` leaves no room it is destroyed at once and a late FIN meets no
    /// socket (facts 15, 19 and 40).
    mutating func startFinWait2TimerIfOrphaned(_ i: Int) {
        guard settings.followsLinux, endpoints[i].orphan, endpoints[i].state == .finWait2,
              let timeout = settings.finTimeout else { return }
        let rto = endpoints[i].rto
        let length = max(timeout, rto * 4 - rto / 2)
        if timeWaitTableIsFull && length <= ProfileSettings(.linux).timeWait {
            note(endpoints[i].role, "tcp_max_tw_buckets reached: the orphaned FIN_WAIT_2 has no mini-socket to move into, so it is destroyed; a late FIN will get an RST")
            setState(i, .closed)
            return
        }
        startTimer(i, .finWait2, ms: length)
    }

    /// close() while received data is unread: the data is lost, so TCP sends an RST instead of a
    /// FIN and no TIME_WAIT follows (fact 35; RFC 9293 §3.6, RFC 1122 §4.2.2.13). Linux sends
    /// RST|ACK with SEQ = SND.NXT and ACK = RCV.NXT.
    mutating func closeDiscardingData(_ i: Int) {
        let unread = endpoints[i].unread
        note(endpoints[i].role, "close() with \(unread) unread bytes: the data is lost, so the socket sends RST instead of FIN")
        let flags: TCPFlags = settings.followsLinux ? [.rst, .ack] : .rst
        transmit(makeSegment(i, flags: flags, seq: endpoints[i].sndNxt), retransmission: false)
        resetSeen = true
        endpoints[i].orphan = true
        endpoints[i].unread = 0
        setState(i, .closed)
    }

    /// `abort`: SO_LINGER {1,0} then close(): an RST instead of a FIN, and no TIME_WAIT (fact 22).
    mutating func applicationAbort(_ i: Int) {
        let tcb = endpoints[i]
        guard !tcb.orphan else {
            note(tcb.role, "the application already closed this socket; nothing to abort")
            return
        }
        switch tcb.state {
        case .established, .finWait1, .finWait2, .closeWait, .synReceived:
            let flags: TCPFlags = settings.followsLinux ? [.rst, .ack] : .rst
            transmit(makeSegment(i, flags: flags, seq: tcb.sndNxt), retransmission: false)
            resetSeen = true
        case .closed, .listen:
            return
        default:
            break
        }
        endpoints[i].orphan = true
        setState(i, .closed)
    }
}
