import TCPModel

/// The segments of one experiment or one simulated run, in order, with relative sequence numbers:
/// the common form in which kernel and simulation are compared and drawn.
public struct PacketTrace: Sendable, Equatable, Codable {
    public var segments: [TraceSegment]

    /// A trace of these segments.
    public init(segments: [TraceSegment]) { self.segments = segments }

    /// The connection numbers present, in order.
    public var connections: [Int] {
        var seen: [Int] = []
        for segment in segments where !seen.contains(segment.connection) { seen.append(segment.connection) }
        return seen
    }

    /// The segments of one connection, with times made relative to that connection's first segment.
    public func connection(_ number: Int) -> [TraceSegment] {
        let chosen = segments.filter { $0.connection == number }
        guard let start = chosen.first?.timeMs else { return [] }
        return chosen.map { var s = $0; s.timeMs -= start; return s }
    }

    /// Encodes as the plain array of segments.
    public init(from decoder: Decoder) throws {
        segments = try decoder.singleValueContainer().decode([TraceSegment].self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(segments)
    }
}

extension PacketTrace {
    /// The trace of captured packets: TCP only, and only packets with one of `serverPorts` at either
    /// end (every TCP packet when the set is empty). The side whose port is a server port is the
    /// server; otherwise the side that sent the first SYN. A client SYN with a new sequence number
    /// on a 4-tuple, or any client SYN once the previous incarnation saw a FIN or RST, starts a new
    /// connection (a new incarnation), as does a new 4-tuple; old copies never do.
    public init(kernel packets: [CapturedPacket], serverPorts: Set<UInt16>) {
        struct Endpoint: Hashable { var address: IPAddress; var port: UInt16 }
        struct Tuple: Hashable { var client: Endpoint; var server: Endpoint }
        struct Incarnation { var number: Int; var base: [EndpointRole: UInt32] = [:]; var clientISN: UInt32?; var ended = false }
        var current: [Tuple: Incarnation] = [:]
        var nextNumber = 1
        var segments: [TraceSegment] = []
        let start = packets.first?.timestampMicroseconds ?? 0
        for captured in packets {
            guard let packet = try? TCPPacket.decode(captured.bytes) else { continue }
            let source = Endpoint(address: packet.ip.source, port: packet.tcp.sourcePort)
            let destination = Endpoint(address: packet.ip.destination, port: packet.tcp.destinationPort)
            if !serverPorts.isEmpty && !serverPorts.contains(source.port) && !serverPorts.contains(destination.port) { continue }
            let pureSYN = packet.tcp.flags.contains(.syn) && !packet.tcp.flags.contains(.ack)
            let role: EndpointRole
            let tuple: Tuple
            if serverPorts.contains(destination.port) && !serverPorts.contains(source.port) {
                role = .client
            } else if serverPorts.contains(source.port) && !serverPorts.contains(destination.port) {
                role = .server
            } else if current[Tuple(client: destination, server: source)] != nil {
                role = .server
            } else if current[Tuple(client: source, server: destination)] != nil || pureSYN {
                role = .client
            } else {
                role = .client
            }
            tuple = role == .client ? Tuple(client: source, server: destination) : Tuple(client: destination, server: source)
            var incarnation = current[tuple]
            // A new incarnation: a new 4-tuple, or a client SYN with a new ISN, or after the last one
            // ended (FIN or RST seen) — but never an old copy replayed by a puppet peer.
            let freshSYN = pureSYN && role == .client && !captured.oldCopy
                && (incarnation?.clientISN != packet.tcp.sequenceNumber || incarnation?.ended == true)
            if incarnation == nil || freshSYN {
                incarnation = Incarnation(number: nextNumber)
                nextNumber += 1
            }
            guard var now = incarnation else { continue }
            let seq = packet.tcp.sequenceNumber
            if packet.tcp.flags.contains(.syn) {
                now.base[role] = seq
                if role == .client { now.clientISN = seq }
            } else if now.base[role] == nil {
                // Joined mid-connection (or an RST for a connection never seen): number from here.
                now.base[role] = packet.tcp.flags.contains(.rst) ? seq : seq &- 1
            }
            if !captured.oldCopy && (packet.tcp.flags.contains(.fin) || packet.tcp.flags.contains(.rst)) { now.ended = true }
            let hasAck = packet.tcp.flags.contains(.ack)
            let peerBase = now.base[role.peer] ?? (packet.tcp.acknowledgementNumber &- 1)
            if hasAck && now.base[role.peer] == nil { now.base[role.peer] = peerBase }
            current[tuple] = now
            let ts = packet.tcp.timestamps
            segments.append(TraceSegment(
                timeMs: Double(captured.timestampMicroseconds - start) / 1_000, from: role,
                flags: packet.tcp.flags.name, seq: seq &- (now.base[role] ?? seq),
                ack: hasAck ? packet.tcp.acknowledgementNumber &- peerBase : 0,
                length: packet.payload.count, tsval: ts?.value, tsecr: ts?.echoReply, connection: now.number,
                oldCopy: captured.oldCopy))
        }
        self.init(segments: segments)
    }

    /// The trace of a simulated run: every segment sent, retransmissions included, and every delayed
    /// copy the network delivered (marked `oldCopy`), numbered relative to each endpoint's initial
    /// sequence number in its connection.
    public init(simulation result: SimulationResult) {
        var base: [Int: [EndpointRole: UInt32]] = [:]
        var segments: [TraceSegment] = []
        for event in result.events {
            let segment: Segment, copy: Bool
            switch event.kind {
            case .send(let sent, _): segment = sent; copy = false
            case .receive(let received, let isCopy) where isCopy: segment = received; copy = true
            default: continue
            }
            var known = base[segment.connection] ?? [:]
            if segment.flags.contains(.syn) { known[segment.from] = segment.seq }
            if known[segment.from] == nil { known[segment.from] = segment.flags.contains(.rst) ? segment.seq : segment.seq &- 1 }
            let hasAck = segment.flags.contains(.ack)
            if hasAck && known[segment.to] == nil { known[segment.to] = segment.ack &- 1 }
            base[segment.connection] = known
            segments.append(TraceSegment(
                timeMs: Double(event.timeMs), from: segment.from, flags: segment.flags.description,
                seq: segment.seq &- (known[segment.from] ?? segment.seq),
                ack: hasAck ? segment.ack &- (known[segment.to] ?? 0) : 0,
                length: segment.length, tsval: segment.tsval, tsecr: segment.tsecr, connection: segment.connection,
                oldCopy: copy))
        }
        self.init(segments: segments)
    }
}
