/// Building segments and putting them on the simulated wire.
extension SimulationEngine {
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
        endpoints[i].unacked.append(segment, sentAt: now)
        transmit(segment, retransmission: false)
        if !endpoints[i].timers.isRunning(.retransmit) {
            startTimer(i, .retransmit, ms: endpoints[i].rto)
        }
    }

    /// The most bytes of one segment (the usual Ethernet MSS).
    static let maximumSegmentSize = 1_460

    /// Sends what the peer's window admits of the application's buffered bytes, then a FIN that
    /// waits behind them. Flow control only: the window is the peer's fixed 65,535 bytes, and
    /// there is no congestion control.
    mutating func pushData(_ i: Int) {
        let window = Int(endpoints[1 - i].rcvWnd)
        while endpoints[i].sendBuffer > 0 && !workLimitHit {
            let inFlight = Int(endpoints[i].sndNxt &- endpoints[i].sndUna)
            let chunk = min(Self.maximumSegmentSize, endpoints[i].sendBuffer)
            guard inFlight + chunk <= window else { return }
            endpoints[i].sendBuffer -= chunk
            queueSegment(i, flags: [.psh, .ack], length: chunk)
        }
        if endpoints[i].finQueued && endpoints[i].sendBuffer == 0 {
            endpoints[i].finQueued = false
            queueSegment(i, flags: [.fin, .ack])
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
        guard transmissions < Self.transmissionLimit else {
            stop("more than \(Self.transmissionLimit) segments sent")
            return
        }
        var segment = original
        transmissions += 1
        segment.index = transmissions
        let i = Self.slot(segment.from)
        if segment.flags.contains(.ack) && !segment.flags.contains(.rst) { acknowledgementSent(i) }
        sent[i].append(segment.flags)
        let bit: UInt64 = 1 << UInt64(segment.flags.rawValue & 63)
        if sentMask[i] & bit == 0 {
            sentMask[i] |= bit
            sentDistinct[i].append(segment.flags)
        }
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
