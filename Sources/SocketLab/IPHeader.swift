/// The IP header in front of a TCP segment: IPv4 (RFC 791) or IPv6 (RFC 8200).
public enum IPHeader: Sendable, Equatable {
    case v4(IPv4Header)
    case v6(IPv6Header)

    /// The sender's address.
    public var source: IPAddress {
        switch self {
        case .v4(let h): return IPAddress(ipv4: h.source)
        case .v6(let h): return h.source
        }
    }

    /// The receiver's address.
    public var destination: IPAddress {
        switch self {
        case .v4(let h): return IPAddress(ipv4: h.destination)
        case .v6(let h): return h.destination
        }
    }

    /// The pseudo-header that TCP's checksum covers (RFC 9293 §3.1; RFC 8200 §8.1 for IPv6).
    public func pseudoHeader(tcpLength: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        switch self {
        case .v4(let h):
            NetworkBytes.append(h.source, to: &bytes)
            NetworkBytes.append(h.destination, to: &bytes)
            bytes += [0, IPv4Header.protocolTCP]
            NetworkBytes.append(UInt16(truncatingIfNeeded: tcpLength), to: &bytes)
        case .v6(let h):
            bytes += h.source.networkBytes + h.destination.networkBytes
            NetworkBytes.append(UInt32(truncatingIfNeeded: tcpLength), to: &bytes)
            bytes += [0, 0, 0, IPv4Header.protocolTCP]
        }
        return bytes
    }
}

/// An IPv4 header (RFC 791 §3.1); options are kept as bytes.
public struct IPv4Header: Sendable, Equatable {
    /// The protocol number of TCP.
    public static let protocolTCP: UInt8 = 6

    public var typeOfService: UInt8
    /// Header and data, in bytes.
    public var totalLength: UInt16
    public var identification: UInt16
    /// The three flag bits and the 13-bit fragment offset, as on the wire (0x4000 = don't fragment).
    public var flagsAndFragmentOffset: UInt16
    public var timeToLive: UInt8
    public var protocolNumber: UInt8
    /// The checksum as read; `encode` computes a fresh one.
    public var checksum: UInt16
    /// The source address in network order as an integer (127.0.0.1 is 0x7F000001).
    public var source: UInt32
    public var destination: UInt32
    /// Options, a multiple of four bytes.
    public var options: [UInt8]

    /// A header for a TCP packet; `totalLength` and the checksum are filled in by `encode`.
    public init(source: UInt32, destination: UInt32, identification: UInt16 = 0, timeToLive: UInt8 = 64,
                typeOfService: UInt8 = 0, flagsAndFragmentOffset: UInt16 = 0x4000, protocolNumber: UInt8 = IPv4Header.protocolTCP,
                totalLength: UInt16 = 0, checksum: UInt16 = 0, options: [UInt8] = []) {
        self.source = source; self.destination = destination; self.identification = identification
        self.timeToLive = timeToLive; self.typeOfService = typeOfService
        self.flagsAndFragmentOffset = flagsAndFragmentOffset; self.protocolNumber = protocolNumber
        self.totalLength = totalLength; self.checksum = checksum; self.options = options
    }

    /// The header's length in bytes (20 plus options).
    public var length: Int { 20 + options.count }

    /// Reads a header; returns it and its length. Throws on a short buffer, a bad version or length,
    /// or a wrong header checksum.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws -> (header: IPv4Header, length: Int) {
        guard bytes.count >= 20 else { throw PacketDecodingError("an IPv4 header needs 20 bytes, only \(bytes.count) are there") }
        let base = bytes.startIndex
        guard bytes[base] >> 4 == 4 else { throw PacketDecodingError("the IP version is \(bytes[base] >> 4), not 4") }
        let length = Int(bytes[base] & 0x0F) * 4
        guard length >= 20, length <= bytes.count else { throw PacketDecodingError("the IPv4 header length \(length) is invalid") }
        guard InternetChecksum.of(bytes[base..<(base + length)]) == 0 else {
            throw PacketDecodingError("the IPv4 header checksum is wrong")
        }
        let header = IPv4Header(
            source: NetworkBytes.u32(bytes, 12), destination: NetworkBytes.u32(bytes, 16),
            identification: NetworkBytes.u16(bytes, 4), timeToLive: bytes[base + 8], typeOfService: bytes[base + 1],
            flagsAndFragmentOffset: NetworkBytes.u16(bytes, 6), protocolNumber: bytes[base + 9],
            totalLength: NetworkBytes.u16(bytes, 2), checksum: NetworkBytes.u16(bytes, 10),
            options: Array(bytes[(base + 20)..<(base + length)]))
        return (header, length)
    }

    /// The header for `payloadLength` bytes of data, with total length and checksum computed.
    public func encode(payloadLength: Int) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(0x40 | (length / 4)), typeOfService]
        NetworkBytes.append(UInt16(truncatingIfNeeded: length + payloadLength), to: &bytes)
        NetworkBytes.append(identification, to: &bytes)
        NetworkBytes.append(flagsAndFragmentOffset, to: &bytes)
        bytes += [timeToLive, protocolNumber, 0, 0]
        NetworkBytes.append(source, to: &bytes)
        NetworkBytes.append(destination, to: &bytes)
        bytes += options
        NetworkBytes.put(InternetChecksum.of(bytes), at: 10, in: &bytes)
        return bytes
    }
}

/// An IPv6 fixed header (RFC 8200 §3). Extension headers are not followed: `nextHeader` must be TCP.
public struct IPv6Header: Sendable, Equatable {
    public var trafficClass: UInt8
    /// The 20-bit flow label.
    public var flowLabel: UInt32
    /// Bytes after the fixed header.
    public var payloadLength: UInt16
    public var nextHeader: UInt8
    public var hopLimit: UInt8
    public var source: IPAddress
    public var destination: IPAddress

    /// A header for a TCP packet; `payloadLength` is filled in by `encode`.
    public init(source: IPAddress, destination: IPAddress, hopLimit: UInt8 = 64, trafficClass: UInt8 = 0,
                flowLabel: UInt32 = 0, nextHeader: UInt8 = IPv4Header.protocolTCP, payloadLength: UInt16 = 0) {
        self.source = source; self.destination = destination; self.hopLimit = hopLimit
        self.trafficClass = trafficClass; self.flowLabel = flowLabel & 0xFFFFF
        self.nextHeader = nextHeader; self.payloadLength = payloadLength
    }

    /// Reads the 40-byte fixed header.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws -> IPv6Header {
        guard bytes.count >= 40 else { throw PacketDecodingError("an IPv6 header needs 40 bytes, only \(bytes.count) are there") }
        let base = bytes.startIndex
        let first = NetworkBytes.u32(bytes, 0)
        guard first >> 28 == 6 else { throw PacketDecodingError("the IP version is \(first >> 28), not 6") }
        func address(_ at: Int) -> IPAddress {
            let high = UInt64(NetworkBytes.u32(bytes, at)) << 32 | UInt64(NetworkBytes.u32(bytes, at + 4))
            let low = UInt64(NetworkBytes.u32(bytes, at + 8)) << 32 | UInt64(NetworkBytes.u32(bytes, at + 12))
            return IPAddress(ipv6High: high, low: low)
        }
        return IPv6Header(source: address(8), destination: address(24), hopLimit: bytes[base + 7],
                          trafficClass: UInt8(truncatingIfNeeded: first >> 20), flowLabel: first & 0xFFFFF,
                          nextHeader: bytes[base + 6], payloadLength: NetworkBytes.u16(bytes, 4))
    }

    /// The fixed header for `payloadLength` bytes.
    public func encode(payloadLength: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        NetworkBytes.append(UInt32(6) << 28 | UInt32(trafficClass) << 20 | (flowLabel & 0xFFFFF), to: &bytes)
        NetworkBytes.append(UInt16(truncatingIfNeeded: payloadLength), to: &bytes)
        bytes += [nextHeader, hopLimit]
        bytes += source.networkBytes + destination.networkBytes
        return bytes
    }
}

extension IPAddress {
    /// The address's sixteen bytes in network order (IPv6), or four (IPv4).
    var networkBytes: [UInt8] {
        var bytes: [UInt8] = []
        switch family {
        case .ipv4: NetworkBytes.append(ipv4Value, to: &bytes)
        case .ipv6:
            NetworkBytes.append(UInt32(truncatingIfNeeded: high >> 32), to: &bytes)
            NetworkBytes.append(UInt32(truncatingIfNeeded: high), to: &bytes)
            NetworkBytes.append(UInt32(truncatingIfNeeded: low >> 32), to: &bytes)
            NetworkBytes.append(UInt32(truncatingIfNeeded: low), to: &bytes)
        }
        return bytes
    }
}
