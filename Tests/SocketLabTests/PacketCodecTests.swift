import Testing
import PropertyBased
import TCPModel
@testable import SocketLab

/// The IPv4/IPv6 + TCP codec: known packets decode to known fields, and every packet the encoder
/// can make decodes back to itself with valid checksums.
@Suite struct PacketCodecTests {
    // RFC 1071's worked example header (also the classic textbook one): its checksum is 0xB861.
    @Test func ipv4HeaderChecksumMatchesTheKnownExample() throws {
        let header: [UInt8] = [0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00,
                               0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7]
        #expect(InternetChecksum.of(header) == 0xB861)
        var split = InternetChecksum()
        split.add(header[0..<3])
        split.add(header[3...])
        #expect(split.value == 0xB861, "a sum fed at an odd boundary gives the same checksum")
    }

    // A SYN laid out as Linux sends one on loopback: 127.0.0.1.40000 > 127.0.0.1.5000 with MSS 65495,
    // SACK-permitted, timestamps and window scale 7, in Linux's option order. Its IPv4 checksum
    // (0xE07C) was computed independently with Python; the TCP checksum is left partial (zero), as an
    // outgoing loopback packet carries it.
    static let capturedSYN: [UInt8] = [
        0x45, 0x00, 0x00, 0x3C, 0x5C, 0x3D, 0x40, 0x00, 0x40, 0x06, 0xE0, 0x7C, 0x7F, 0x00, 0x00, 0x01,
        0x7F, 0x00, 0x00, 0x01, 0x9C, 0x40, 0x13, 0x88, 0x1E, 0x42, 0xA8, 0x5D, 0x00, 0x00, 0x00, 0x00,
        0xA0, 0x02, 0xFF, 0xD7, 0x00, 0x00, 0x00, 0x00, 0x02, 0x04, 0xFF, 0xD7, 0x04, 0x02, 0x08, 0x0A,
        0x8E, 0x3C, 0x2B, 0x1A, 0x00, 0x00, 0x00, 0x00, 0x01, 0x03, 0x03, 0x07,
    ]

    @Test func decodesALinuxSYNWithItsOptions() throws {
        let packet = try TCPPacket.decode(Self.capturedSYN)
        guard case .v4(let ip) = packet.ip else { Issue.record("not IPv4"); return }
        #expect(ip.source == 0x7F00_0001 && ip.destination == 0x7F00_0001 && ip.timeToLive == 64)
        #expect(packet.tcp.sourcePort == 40000 && packet.tcp.destinationPort == 5000)
        #expect(packet.tcp.sequenceNumber == 0x1E42_A85D && packet.tcp.acknowledgementNumber == 0)
        #expect(packet.tcp.flags == .syn && packet.tcp.flags.name == "SYN")
        #expect(packet.tcp.window == 65495)
        #expect(packet.tcp.maximumSegmentSize == 65495)
        #expect(packet.tcp.timestamps?.value == 0x8E3C_2B1A && packet.tcp.timestamps?.echoReply == 0)
        #expect(packet.tcp.options.contains(.windowScale(7)) && packet.tcp.options.contains(.sackPermitted))
        #expect(packet.payload.isEmpty && packet.sequenceLength == 1)
        // Re-encoding gives the same bytes except the TCP checksum, which the encoder now computes.
        let again = packet.encode()
        #expect(Array(again[0..<36]) == Array(Self.capturedSYN[0..<36]))
        #expect(Array(again[38...]) == Array(Self.capturedSYN[38...]))
        var verified = try TCPPacket.decode(again, verifyChecksum: true)
        verified.tcp.checksum = 0
        #expect(verified == packet)
    }

    @Test func rejectsDamagedPackets() {
        var badChecksum = Self.capturedSYN
        badChecksum[10] ^= 0xFF
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode(badChecksum) }
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode(Array(Self.capturedSYN.prefix(30))) }
        var udp = Self.capturedSYN
        udp[9] = 17
        udp[10] = 0; udp[11] = 0
        let sum = InternetChecksum.of(udp[0..<20])
        udp[10] = UInt8(sum >> 8); udp[11] = UInt8(sum & 0xFF)
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode(udp) }
        var longOption = Self.capturedSYN
        longOption[41] = 40  // the MSS option claims more bytes than the header has
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode(longOption) }
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode([0x55]) }
        let encoded = TCPPacket(ip: .v4(IPv4Header(source: 1, destination: 2)),
                                tcp: TCPHeader(sourcePort: 1, destinationPort: 2, sequenceNumber: 3, flags: .ack),
                                payload: [1, 2, 3]).encode()
        var corrupted = encoded
        corrupted[corrupted.count - 1] ^= 1
        #expect(throws: PacketDecodingError.self) { try TCPPacket.decode(corrupted, verifyChecksum: true) }
        #expect((try? TCPPacket.decode(encoded, verifyChecksum: true)) != nil)
    }

    // MARK: properties

    /// Option kinds to draw: 0 MSS, 1 window scale, 2 SACK-permitted, 3 timestamps, 4 NOP, 5 SACK.
    static let optionKinds = Gen.int(in: 0...5).array(of: 0...4)

    static func options(_ kinds: [Int]) -> [TCPOption] {
        kinds.enumerated().map { index, kind -> TCPOption in
            let n = UInt32(index &* 2_654_435_761 & 0xFFFF_FFFF)
            switch kind {
            case 0: return .maximumSegmentSize(UInt16(truncatingIfNeeded: n))
            case 1: return .windowScale(UInt8(truncatingIfNeeded: n % 15))
            case 2: return .sackPermitted
            case 3: return .timestamps(value: n, echoReply: ~n)
            case 4: return .noOperation
            default: return .sack([.init(left: n, right: n &+ 100)])
            }
        }
    }

    static func trimmedOptions(_ options: [TCPOption]) -> [TCPOption] {
        // 40 bytes of option space at most; keep whole options that fit.
        var kept: [TCPOption] = [], used = 0
        for option in options where used + option.bytes.count <= 40 {
            kept.append(option)
            used += option.bytes.count
        }
        return kept
    }

    /// What decoding yields for these options: padding shows up as end-of-list.
    static func decodedForm(_ options: [TCPOption]) -> [TCPOption] {
        let count = options.reduce(0) { $0 + $1.bytes.count }
        return count % 4 == 0 ? options : options + [.endOfList]
    }

    @Test func ipv4TCPPacketsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.uint32(), Gen.uint32(), Gen.uint8(), Gen.uint16(), Self.optionKinds,
                            Gen.uint8().array(of: 0...64)) { seq, ack, flagBits, window, options, payload in
            let tcp = TCPHeader(sourcePort: UInt16(truncatingIfNeeded: seq), destinationPort: UInt16(truncatingIfNeeded: ack),
                                sequenceNumber: seq, acknowledgementNumber: ack, flags: .init(rawValue: flagBits),
                                window: window, options: Self.trimmedOptions(Self.options(options)))
            let packet = TCPPacket(ip: .v4(IPv4Header(source: 0x7F00_0001, destination: 0xC000_0202,
                                                      identification: window)), tcp: tcp, payload: payload)
            let bytes = packet.encode()
            #expect(InternetChecksum.of(bytes[0..<20]) == 0, "the IPv4 header checksums to zero")
            guard let back = try? TCPPacket.decode(bytes, verifyChecksum: true) else {
                Issue.record("\(bytes) did not decode"); return
            }
            #expect(back.tcp.sequenceNumber == seq && back.tcp.acknowledgementNumber == ack)
            #expect(back.tcp.flags.rawValue == flagBits && back.tcp.window == window)
            #expect(back.tcp.options == Self.decodedForm(tcp.options))
            #expect(back.payload == payload)
            #expect(back.ip.source == IPAddress(ipv4: 0x7F00_0001) && back.ip.destination == IPAddress(ipv4: 0xC000_0202))
            #expect(back.encode() == bytes, "decode then encode is the identity on encoded packets")
        }
    }

    @Test func ipv6TCPPacketsRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Gen.uint32(), Gen.uint8(), Self.optionKinds,
                            Gen.uint8().array(of: 0...32)) { high, seq, flagBits, options, payload in
            let source = IPAddress(ipv6High: high, low: 1), destination = IPAddress(ipv6High: 0, low: 1)
            let tcp = TCPHeader(sourcePort: 5000, destinationPort: 40000, sequenceNumber: seq,
                                flags: .init(rawValue: flagBits), options: Self.trimmedOptions(Self.options(options)))
            let packet = TCPPacket(ip: .v6(IPv6Header(source: source, destination: destination, flowLabel: seq)),
                                   tcp: tcp, payload: payload)
            let bytes = packet.encode()
            guard let back = try? TCPPacket.decode(bytes, verifyChecksum: true) else {
                Issue.record("\(bytes) did not decode"); return
            }
            #expect(back.ip.source == source && back.ip.destination == destination)
            #expect(back.tcp.sequenceNumber == seq && back.payload == payload)
            #expect(back.encode() == bytes)
        }
    }

    // Any single flipped bit in an encoded IPv4 packet is caught by a checksum or a field check.
    @Test func aFlippedBitNeverDecodesToTheSamePacketUnnoticed() async {
        let packet = TCPPacket(ip: .v4(IPv4Header(source: 0xC000_0201, destination: 0xC000_0202)),
                               tcp: TCPHeader(sourcePort: 5000, destinationPort: 40000, sequenceNumber: 7, acknowledgementNumber: 9,
                                              flags: [.ack, .psh], options: [.noOperation, .noOperation, .timestamps(value: 1, echoReply: 2)]),
                               payload: Array("hello".utf8))
        let bytes = packet.encode()
        await propertyCheck(count: 300, input: Gen.int(in: 0...(bytes.count * 8 - 1))) { bit in
            var damaged = bytes
            damaged[bit / 8] ^= UInt8(1 << (bit % 8))
            let back = try? TCPPacket.decode(damaged, verifyChecksum: true)
            #expect(back == nil, "flipping bit \(bit) went unnoticed")
        }
    }
}
