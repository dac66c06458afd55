/// An IP packet carrying one TCP segment: the unit twlab captures on `lo` and writes to a TUN device.
public struct TCPPacket: Sendable, Equatable {
    public var ip: IPHeader
    public var tcp: TCPHeader
    public var payload: [UInt8]

    /// A packet from its parts.
    public init(ip: IPHeader, tcp: TCPHeader, payload: [UInt8] = []) {
        self.ip = ip; self.tcp = tcp; self.payload = payload
    }

    /// Reads an IPv4 or IPv6 packet (chosen by its version nibble) carrying TCP. Trailing bytes past
    /// the IP length are ignored. With `verifyChecksum` a wrong TCP checksum throws (loopback packets
    /// captured on their way out may carry a partial checksum, so capture leaves it off).
    public static func decode(_ bytes: [UInt8], verifyChecksum: Bool = false) throws -> TCPPacket {
        guard let first = bytes.first else { throw PacketDecodingError("the packet is empty") }
        let ip: IPHeader
        let segment: ArraySlice<UInt8>
        switch first >> 4 {
        case 4:
            let (header, length) = try IPv4Header.decode(bytes[...])
            guard header.protocolNumber == IPv4Header.protocolTCP else {
                throw PacketDecodingError("the IPv4 packet carries protocol \(header.protocolNumber), not TCP")
            }
            guard header.flagsAndFragmentOffset & 0x3FFF == 0 else { throw PacketDecodingError("the IPv4 packet is a fragment") }
            let total = Int(header.totalLength)
            guard total >= length, total <= bytes.count else {
                throw PacketDecodingError("the IPv4 total length \(total) does not fit the \(bytes.count) bytes captured")
            }
            ip = .v4(header)
            segment = bytes[length..<total]
        case 6:
            let header = try IPv6Header.decode(bytes[...])
            guard header.nextHeader == IPv4Header.protocolTCP else {
                throw PacketDecodingError("the IPv6 packet's next header is \(header.nextHeader), not TCP")
            }
            let end = 40 + Int(header.payloadLength)
            guard end <= bytes.count else {
                throw PacketDecodingError("the IPv6 payload length \(header.payloadLength) does not fit the \(bytes.count) bytes captured")
            }
            ip = .v6(header)
            segment = bytes[40..<end]
        default:
            throw PacketDecodingError("the IP version is \(first >> 4), neither 4 nor 6")
        }
        let (tcp, offset) = try TCPHeader.decode(segment)
        if verifyChecksum {
            var checksum = InternetChecksum()
            checksum.add(ip.pseudoHeader(tcpLength: segment.count))
            checksum.add(segment)
            guard checksum.value == 0 else { throw PacketDecodingError("the TCP checksum is wrong") }
        }
        return TCPPacket(ip: ip, tcp: tcp, payload: Array(segment[(segment.startIndex + offset)...]))
    }

    /// The packet's bytes with the IP length, IPv4 header checksum and TCP checksum computed.
    public func encode() -> [UInt8] {
        let tcpLength = tcp.length + payload.count
        let segment = tcp.encode(payload: payload, pseudoHeader: ip.pseudoHeader(tcpLength: tcpLength))
        switch ip {
        case .v4(let header): return header.encode(payloadLength: segment.count) + segment
        case .v6(let header): return header.encode(payloadLength: segment.count) + segment
        }
    }

    /// Sequence space the segment occupies: data bytes, plus one each for SYN and FIN.
    public var sequenceLength: UInt32 {
        UInt32(payload.count) + (tcp.flags.contains(.syn) ? 1 : 0) + (tcp.flags.contains(.fin) ? 1 : 0)
    }
}
