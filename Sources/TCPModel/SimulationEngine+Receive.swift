/// How an endpoint processes an arriving segment, state by state (RFC 9293 §3.10.7, with the Linux
/// differences of the fact sheet where the profile follows Linux).
extension SimulationEngine {
    mutating func receive(_ segment: Segment, at i: Int) {
        switch endpoints[i].state {
        case .closed:
            if endpoints[i].role == .server { receiveInListen(segment, at: i) } else { receiveInClosed(segment, at: i) }
        case .listen: receiveInListen(segment, at: i)
        case .synSent: receiveInSynSent(segment, at: i)
        case .timeWait:
            if settings.followsLinux { receiveInTimeWaitLinux(segment, at: i) } else { receiveInTimeWaitRFC(segment, at: i) }
        default: receiveSynchronized(segment, at: i)
        }
    }

    /// CLOSED with no listener: any segment but an RST is answered with an RST (§3.10.7.1, fact 5).
    mutating func receiveInClosed(_ segment: Segment, at i: Int) {
        guard !segment.flags.contains(.rst) else { return }
        note(endpoints[i].role, "no connection: the segment is answered with RST")
        sendReset(answering: segment, from: i)
    }

    /// The server's listener: a SYN starts a new connection, an ACK gets an RST (§3.10.7.2).
    mutating func receiveInListen(_ segment: Segment, at i: Int) {
        let flags = segment.flags
        if flags.contains(.rst) { return }
        if flags.contains(.ack) {
            note(endpoints[i].role, "no connection for this segment: the listener answers with RST")
            sendReset(answering: segment, from: i)
            return
        }
        guard flags.contains(.syn) else { return }
        acceptConnection(segment, at: i, iss: initialSequenceNumber(i))
    }

    mutating func acceptConnection(_ segment: Segment, at i: Int, iss chosen: UInt32) {
        let iss = isnOverride[i] ?? chosen
        isnOverride[i] = nil
        startIncarnation(i, connection: segment.connection, iss: iss)
        endpoints[i].passiveOpen = true
        endpoints[i].irs = segment.seq
        endpoints[i].rcvNxt = segment.seq &+ 1
        if settings.timestamps { endpoints[i].tsRecent = segment.tsval }
        setState(i, .synReceived)
        queueSegment(i, flags: [.syn, .ack])
    }

    mutating func receiveInSynSent(_ segment: Segment, at i: Int) {
        let flags = segment.flags
        let tcb = endpoints[i]
        if flags.contains(.ack) {
            if !SequenceSpace.after(segment.ack, tcb.iss) || SequenceSpace.after(segment.ack, tcb.sndNxt) {
                if !flags.contains(.rst) {
                    note(tcb.role, "the ACK does not match our SYN: answered with RST")
                    sendReset(answering: segment, from: i)
                }
                return
            }
        }
        if flags.contains(.rst) {
            if flags.contains(.ack) { connectionReset(i) }
            return
        }
        guard flags.contains(.syn) else { return }
        endpoints[i].irs = segment.seq
        endpoints[i].rcvNxt = segment.seq &+ 1
        if settings.timestamps { endpoints[i].tsRecent = segment.tsval }
        if flags.contains(.ack) {
            acknowledge(upTo: segment.ack, at: i)
            setState(i, .established)
            sendAck(i)
        } else {
            setState(i, .synReceived)
            transmit(makeSegment(i, flags: [.syn, .ack], seq: tcb.iss), retransmission: false)
        }
    }

    /// Removes acknowledged segments, takes an RTT sample (never from a retransmitted segment,
    /// Karn's rule), resets the backoff, restarts or stops the retransmit timer, and sends what the
    /// window now admits.
    mutating func acknowledge(upTo ack: UInt32, at i: Int) {
        endpoints[i].sndUna = ack
        if let sentAt = endpoints[i].unacked.removeAcknowledged(upTo: ack) { sampleRoundTrip(i, now - sentAt) }
        endpoints[i].retransmissions = 0
        endpoints[i].firstRetransmissionAt = nil
        endpoints[i].rto = baseTimeout(i)
        if endpoints[i].unacked.isEmpty {
            cancelTimer(i, .retransmit)
        } else {
            startTimer(i, .retransmit, ms: endpoints[i].rto, action: .restart)
        }
        pushData(i)
    }

    /// RFC 9293's acceptability test for a segment (§3.10.7.4, first check).
    func acceptable(_ segment: Segment, _ tcb: TransmissionControlBlock) -> Bool {
        let length = segment.sequenceLength
        let next = tcb.rcvNxt
        let window = tcb.rcvWnd
        func inWindow(_ x: UInt32) -> Bool { !SequenceSpace.before(x, next) && SequenceSpace.before(x, next &+ window) }
        if length == 0 { return window == 0 ? segment.seq == next : inWindow(segment.seq) }
        return inWindow(segment.seq) || inWindow(segment.seq &+ length &- 1)
    }

    /// RFC 5961 §5.2: an ACK number below SND.UNA − MAX.SND.WND is refused (the peer's window is the
    /// model's fixed 65,535). Linux's `tcp_ack()` bounds that window by the bytes acknowledged so far
    /// (`min(max_window, bytes_acked)`: "do not accept ACK for bytes we never sent"), and its passive
    /// child socket starts at SND.UNA = ISS + 1 with nothing acknowledged, the active side counting
    /// its SYN: so no ACK below ISS + 1 (server) or ISS (client) is taken, however close.
    func ackTooOld(_ ack: UInt32, at i: Int) -> Bool {
        let tcb = endpoints[i]
        var window: UInt32 = 65_535
        if settings.followsLinux && SequenceSpace.after(tcb.sndUna, tcb.iss) {
            window = min(window, tcb.sndUna &- (tcb.passiveOpen ? tcb.iss &+ 1 : tcb.iss))
        }
        return SequenceSpace.before(ack, tcb.sndUna &- window)
    }

    /// PAWS (RFC 7323 §5.3 R1): a segment whose timestamp is older than TS.Recent is rejected.
    func pawsRejects(_ segment: Segment, _ tcb: TransmissionControlBlock) -> Bool {
        guard settings.timestamps, let value = segment.tsval, let recent = tcb.tsRecent else { return false }
        return SequenceSpace.before(value, recent)
    }

    /// Answers an unacceptable segment with an ACK, at most once per 500 ms for pure ACKs and SYNs
    /// (Linux `tcp_oow_rate_limited()` with `tcp_invalid_ratelimit`, RFC 5961 §7), so that two
    /// desynchronized endpoints cannot ACK each other forever. Data and FIN are always answered,
    /// unless `alwaysLimited` (an ACK of unsent data, fact 37).
    mutating func sendOutOfWindowAck(_ i: Int, answering segment: Segment, alwaysLimited: Bool = false) {
        if alwaysLimited || segment.sequenceLength == 0 || segment.flags.contains(.syn) {
            if let last = endpoints[i].lastOutOfWindowAck, now - last < 500 { return }
            endpoints[i].lastOutOfWindowAck = now
        }
        sendAck(i)
    }

    /// SYN_RECEIVED through LAST_ACK.
    mutating func receiveSynchronized(_ segment: Segment, at i: Int) {
        let flags = segment.flags
        let tcb = endpoints[i]
        let role = tcb.role
        if !flags.contains(.rst) && pawsRejects(segment, tcb) {
            note(role, "PAWS: the timestamp is older than the last one seen, so the segment is dropped")
            sendOutOfWindowAck(i, answering: segment)
            return
        }
        if tcb.state == .synReceived && flags.contains(.syn) && !flags.contains(.ack) && segment.seq == tcb.irs {
            if let head = tcb.unacked.first {
                transmit(makeSegment(i, flags: head.flags, seq: head.seq), retransmission: true)
            }
            return
        }
        guard acceptable(segment, tcb) else {
            if !flags.contains(.rst) { sendOutOfWindowAck(i, answering: segment) }
            return
        }
        if flags.contains(.rst) {
            if segment.seq == tcb.rcvNxt {
                connectionReset(i)
            } else {
                note(role, "the RST is in the window but not exact: a challenge ACK (RFC 5961)")
                sendOutOfWindowAck(i, answering: segment)
            }
            return
        }
        if flags.contains(.syn) {
            note(role, "a SYN on a synchronized connection: a challenge ACK (RFC 5961)")
            sendOutOfWindowAck(i, answering: segment)
            return
        }
        guard flags.contains(.ack) else { return }
        if tcb.state == .synReceived {
            if SequenceSpace.after(segment.ack, tcb.sndUna) && !SequenceSpace.after(segment.ack, tcb.sndNxt) {
                setState(i, .established)
            } else {
                sendReset(answering: segment, from: i)
                return
            }
        }
        if SequenceSpace.after(segment.ack, endpoints[i].sndNxt) {
            // Acknowledges something never sent: "send an ACK, drop the segment" (RFC 9293). Linux
            // does the same, at most once per 500 ms (tcp_invalid_ratelimit), and discards the
            // segment's data (fact 37).
            note(role, "the ACK acknowledges data never sent: answered with an ACK, the segment is dropped")
            sendOutOfWindowAck(i, answering: segment, alwaysLimited: settings.followsLinux)
            return
        }
        if ackTooOld(segment.ack, at: i) {
            note(role, "the ACK number lies before anything this connection sent and had acknowledged: the segment is dropped with a challenge ACK (RFC 5961 §5.2)")
            sendOutOfWindowAck(i, answering: segment)
            return
        }
        if SequenceSpace.after(segment.ack, endpoints[i].sndUna) {
            acknowledge(upTo: segment.ack, at: i)
        }
        if settings.timestamps, let value = segment.tsval {
            if let recent = endpoints[i].tsRecent, SequenceSpace.before(value, recent) {} else { endpoints[i].tsRecent = value }
        }
        let finInOrder = flags.contains(.fin) && segment.seq == endpoints[i].rcvNxt
        switch endpoints[i].state {
        case .finWait1 where endpoints[i].finAcknowledged && !finInOrder:
            setState(i, .finWait2)
            startFinWait2TimerIfOrphaned(i)
        case .closing where endpoints[i].finAcknowledged:
            enterTimeWait(i)
            return
        case .lastAck where endpoints[i].finAcknowledged:
            setState(i, .closed)
            return
        default:
            break
        }
        var ackNow = false, ackOwed = false
        if segment.length > 0 {
            switch endpoints[i].state {
            case .established, .finWait1, .finWait2:
                if endpoints[i].orphan {
                    note(role, "data arrived after close(): nobody can read it, so the socket answers with RST")
                    resetSeen = true
                    sendReset(answering: segment, from: i)
                    setState(i, .closed)
                    return
                }
                if segment.seq == endpoints[i].rcvNxt {
                    endpoints[i].rcvNxt = endpoints[i].rcvNxt &+ UInt32(truncatingIfNeeded: segment.length)
                    endpoints[i].bytesReceived += segment.length
                    if !settings.autoread { endpoints[i].unread += segment.length }
                    if segment.connection != endpoints[i].connection {
                        staleSeen = true
                        note(role, "\(segment.length) bytes from incarnation \(segment.connection) were accepted as new data of incarnation \(endpoints[i].connection)")
                    }
                    dataArrived(i, bytes: segment.length)
                    ackOwed = true
                } else {
                    ackNow = true
                }
            default:
                break
            }
        }
        if flags.contains(.fin) {
            let finSeq = segment.seq &+ UInt32(truncatingIfNeeded: segment.length)
            if finSeq == endpoints[i].rcvNxt {
                endpoints[i].rcvNxt = endpoints[i].rcvNxt &+ 1
                switch endpoints[i].state {
                case .synReceived, .established:
                    // Linux `tcp_fin()` enters pingpong mode here, so the ACK waits for the
                    // application's own FIN unless no data was ever received (fact 33). The RFC
                    // profile ACKs a FIN at once, as BSD does ("no more input can be expected").
                    setState(i, .closeWait)
                    if settings.followsLinux {
                        endpoints[i].pingpong = true
                        ackOwed = true
                    } else {
                        ackNow = true
                    }
                case .finWait1:
                    if endpoints[i].finAcknowledged { enterTimeWait(i) } else { setState(i, .closing) }
                    ackNow = true
                case .finWait2:
                    cancelTimer(i, .finWait2)
                    enterTimeWait(i)
                    ackNow = true
                default:
                    ackNow = true
                }
            } else {
                ackNow = true
            }
        }
        if ackNow {
            sendAck(i)
        } else if ackOwed {
            acknowledgeReceived(i)
        }
    }

    /// TIME_WAIT as Linux's `tcp_timewait_state_process()` handles it (facts 4, 11, 12).
    mutating func receiveInTimeWaitLinux(_ segment: Segment, at i: Int) {
        let flags = segment.flags
        let tcb = endpoints[i]
        let role = tcb.role
        let paws = pawsRejects(segment, tcb)
        if !paws && segment.seq == tcb.rcvNxt && (segment.sequenceLength == 0 || flags.contains(.rst)) {
            if flags.contains(.rst) {
                if settings.rfc1337 {
                    note(role, "RST in TIME_WAIT ignored (rfc1337 on)")
                } else {
                    note(role, "an exact RST kills TIME_WAIT early: assassination (rfc1337 off)")
                    resetSeen = true
                    setState(i, .closed)
                    return
                }
            } else {
                startTimer(i, .timeWait, ms: settings.timeWait, action: .restart)
            }
            if settings.timestamps, let value = segment.tsval { endpoints[i].tsRecent = value }
            return
        }
        if role == .server && flags.contains(.syn) && !flags.contains(.rst) && !flags.contains(.ack) && !paws {
            var newer = SequenceSpace.after(segment.seq, tcb.rcvNxt)
            if settings.timestamps, let value = segment.tsval, let recent = tcb.tsRecent,
               SequenceSpace.after(value, recent) { newer = true }
            if newer {
                reopenFromTimeWait(segment, at: i)
                return
            }
        }
        if flags.contains(.rst) {
            note(role, "an RST that does not match RCV.NXT exactly is ignored in TIME_WAIT")
        } else {
            if paws || flags.contains(.ack) {
                startTimer(i, .timeWait, ms: settings.timeWait, action: .restart)
            }
            if flags.contains(.syn) { note(role, "an old SYN for the TIME_WAIT connection: answered with an ACK of the old connection") }
            sendOutOfWindowAck(i, answering: segment)
        }
    }

    /// TIME-WAIT as RFC 9293 §3.10.7.4 describes it (facts 4, 7, 9).
    mutating func receiveInTimeWaitRFC(_ segment: Segment, at i: Int) {
        let flags = segment.flags
        let tcb = endpoints[i]
        let role = tcb.role
        if role == .server && flags.contains(.syn) && !flags.contains(.rst) && !flags.contains(.ack)
            && SequenceSpace.after(segment.seq, tcb.rcvNxt) {
            reopenFromTimeWait(segment, at: i)
            return
        }
        if flags.contains(.fin) && segment.seq &+ segment.sequenceLength == tcb.rcvNxt && !flags.contains(.rst) {
            sendAck(i)
            startTimer(i, .timeWait, ms: settings.timeWait, action: .restart)
            return
        }
        guard acceptable(segment, tcb) else {
            if !flags.contains(.rst) { sendOutOfWindowAck(i, answering: segment) }
            return
        }
        if flags.contains(.rst) {
            if segment.seq != tcb.rcvNxt {
                sendOutOfWindowAck(i, answering: segment)
            } else if settings.rfc1337 {
                note(role, "RST in TIME-WAIT ignored (RFC 1337 fix F1)")
            } else {
                note(role, "RST in TIME-WAIT: enter CLOSED and delete the TCB")
                resetSeen = true
                setState(i, .closed)
            }
            return
        }
        if flags.contains(.syn) { sendOutOfWindowAck(i, answering: segment) }
    }

    /// A new SYN is accepted for a TIME_WAIT connection: the new ISN is the old SND.NXT + 65535 + 2.
    mutating func reopenFromTimeWait(_ segment: Segment, at i: Int) {
        let iss = endpoints[i].sndNxt &+ 65_535 &+ 2
        note(endpoints[i].role, "a newer SYN reopens the TIME_WAIT connection; new ISN = old SND.NXT + 65535 + 2 = \(iss)")
        cancelTimer(i, .timeWait)
        acceptConnection(segment, at: i, iss: iss)
    }
}
