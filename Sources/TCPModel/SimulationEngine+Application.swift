/// What the applications on both endpoints do: connect, send, close, shut down, abort.
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
    /// ESTABLISHED (or the attempt fails).
    mutating func connect(reconnecting: Bool) {
        if endpoints[0].state == .timeWait {
            reportError(0, "EADDRINUSE")
            note(.client, "the client's TIME_WAIT still holds the 4-tuple; connect() is retried when it ends")
            run { $0[0].state != .timeWait }
        }
        guard endpoints[0].state == .closed else {
            reportError(0, "EISCONN")
            note(.client, "the client is \(endpoints[0].state.name), so it cannot start a new connection")
            return
        }
        connections += 1
        let iss = isnOverride[0] ?? initialSequenceNumber(0)
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
        var remaining = bytes
        while remaining > 0 {
            let chunk = min(1_460, remaining)
            queueSegment(i, flags: [.psh, .ack], length: chunk)
            remaining -= chunk
        }
    }

    /// `close` (orphan: the application lets go of the socket) and `shutdown` (write side only).
    mutating func applicationClose(_ i: Int, orphan: Bool) {
        let wasOrphan = endpoints[i].orphan
        if orphan { endpoints[i].orphan = true }
        switch endpoints[i].state {
        case .established, .synReceived, .closeWait:
            guard !endpoints[i].writeClosed else { return }
            endpoints[i].writeClosed = true
            let next: TCPState = endpoints[i].state == .closeWait ? .lastAck : .finWait1
            setState(i, next)
            queueSegment(i, flags: [.fin, .ack])
        case .synSent:
            if orphan { setState(i, .closed) }
        case .finWait2:
            if orphan && !wasOrphan { startFinWait2TimerIfOrphaned(i) }
        default:
            break
        }
    }

    /// Linux: an orphaned FIN_WAIT_2 lives `tcp_fin_timeout` at most (at least 3.5 RTO), fact 15.
    mutating func startFinWait2TimerIfOrphaned(_ i: Int) {
        guard settings.followsLinux, endpoints[i].orphan, endpoints[i].state == .finWait2,
              let timeout = settings.finTimeout else { return }
        let rto = endpoints[i].rto
        startTimer(i, .finWait2, ms: max(timeout, rto * 4 - rto / 2))
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
