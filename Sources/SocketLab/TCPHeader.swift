import TCPModel

/// A TCP header as it is on the wire (RFC 9293 §3.1): ports, numbers, flags, window and options.
public struct TCPHeader: Sendable, Equatable {
    /// The eight control bits in their wire positions.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let fin = Flags(rawValue: 0x01)
        public static let syn = Flags(rawValue: 0x02)
        public static let rst = Flags(rawValue: 0x04)
        public static let psh = Flags(rawValue: 0x08)
        public static let ack = Flags(rawValue: 0x10)
        public static let urg = Flags(rawValue: 0x20)
        public static let ece = Flags(rawValue: 0x40)
        public static let cwr = Flags(rawValue: 0x80)

        /// The flags the simulator models (SYN, FIN, RST, PSH, ACK).
        public var model: TCPFlags {
            var flags: TCPFlags = []
            if contains(.syn) { flags.insert(.syn) }
            if contains(.fin) { flags.insert(.fin) }
            if contains(.rst) { flags.insert(.rst) }
            if contains(.psh) { flags.insert(.psh) }
            if contains(.ack) { flags.insert(.ack) }
            return flags
        }

        /// The wire flags for the simulator's flags.
        public init(_ model: TCPFlags) {
            var flags: Flags = []
            if model.contains(.syn) { flags.insert(.syn) }
            if model.contains(.fin) { flags.insert(.fin) }
            if model.contains(.rst) { flags.insert(.rst) }
            if model.contains(.psh) { flags.insert(.psh) }
            if model.contains(.ack) { flags.insert(.ack) }
            self = flags
        }

        /// `SYN|ACK` in the simulator's canonical order, then `URG`, `ECE`, `CWR` when set.
        public var name: String {
            var names = TCPFlags.named.filter { model.contains($0.flag) }.map(\.name)
            if contains(.urg) { names.append("URG") }
            if contains(.ece) { names.append("ECE") }
            if contains(.cwr) { names.append("CWR") }
            return names.isEmpty ? "-" : names.joined(separator: "|")
        }
    }

    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var sequenceNumber: UInt32
    public var acknowledgementNumber: UInt32
    public var flags: Flags
    public var window: UInt16
    /// The checksum as read; `encode` computes a fresh one.
    public var checksum: UInt16
    public var urgentPointer: UInt16
    public var options: [TCPOption]

    /// A header; the checksum is filled in by `encode`.
    public init(sourcePort: UInt16, destinationPort: UInt16, sequenceNumber: UInt32, acknowledgementNumber: UInt32 = 0,
                flags: Flags, window: UInt16 = 65535, urgentPointer: UInt16 = 0, options: [TCPOption] = [], checksum: UInt16 = 0) {
        self.sourcePort = sourcePort; self.destinationPort = destinationPort
        self.sequenceNumber = sequenceNumber; self.acknowledgementNumber = acknowledgementNumber
        self.flags = flags; self.window = window; self.urgentPointer = urgentPointer
        self.options = options; self.checksum = checksum
    }

    /// The options' bytes padded with zeros (end-of-list) to a multiple of four.
    var optionBytes: [UInt8] {
        var bytes = options.flatMap(\.bytes)
        while bytes.count % 4 != 0 { bytes.append(0) }
        return bytes
    }

    /// The header's length in bytes: 20 plus the padded options.
    public var length: Int { 20 + optionBytes.count }

    /// The MSS option's value, when present.
    public var maximumSegmentSize: UInt16? {
        for case .maximumSegmentSize(let mss) in options { return mss }
        return nil
    }

    /// The timestamps option's values, when present.
    public var timestamps: (value: UInt32, echoReply: UInt32)? {
        for case .timestamps(let value, let echo) in options { return (value, echo) }
        return nil
    }

    /// Reads a header from the start of `bytes`; returns it and its length (the data offset).
    public static func decode(_ bytes: ArraySlice<UInt8>) throws -> (header: TCPHeader, length: Int) {
        guard bytes.count >= 20 else { throw PacketDecodingError("a TCP header needs 20 bytes, only \(bytes.count) are there") }
        let base = bytes.startIndex
        let offset = Int(bytes[base + 12] >> 4) * 4
        guard offset >= 20, offset <= bytes.count else {
            throw PacketDecodingError("the TCP data offset \(offset) is outside 20…\(min(60, bytes.count))")
        }
        let options = try TCPOption.decodeList(bytes[(base + 20)..<(base + offset)])
        let header = TCPHeader(
            sourcePort: NetworkBytes.u16(bytes, 0), destinationPort: NetworkBytes.u16(bytes, 2),
            sequenceNumber: NetworkBytes.u32(bytes, 4), acknowledgementNumber: NetworkBytes.u32(bytes, 8),
            flags: Flags(rawValue: bytes[base + 13]), window: NetworkBytes.u16(bytes, 14),
            urgentPointer: NetworkBytes.u16(bytes, 18), options: options, checksum: NetworkBytes.u16(bytes, 16))
        return (header, offset)
    }

    /// The header and `payload` as a segment, with the checksum computed over `pseudoHeader`
    /// (see `IPHeader.pseudoHeader(tcpLength:)`), the header and the payload.
    public func encode(payload: [UInt8], pseudoHeader: [UInt8]) -> [UInt8] {
        let options = optionBytes
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 + options.count + payload.count)
        NetworkBytes.append(sourcePort, to: &bytes)
        NetworkBytes.append(destinationPort, to: &bytes)
        NetworkBytes.append(sequenceNumber, to: &bytes)
        NetworkBytes.append(acknowledgementNumber, to: &bytes)
        bytes.append(UInt8((20 + options.count) / 4) << 4)
        bytes.append(flags.rawValue)
        NetworkBytes.append(window, to: &bytes)
        NetworkBytes.append(UInt16(0), to: &bytes)
        NetworkBytes.append(urgentPointer, to: &bytes)
        bytes += options
        bytes += payload
        var checksum = InternetChecksum()
        checksum.add(pseudoHeader)
        checksum.add(bytes)
        NetworkBytes.put(checksum.value, at: 16, in: &bytes)
        return bytes
    }
}
