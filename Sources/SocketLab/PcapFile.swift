import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Captured packets in the classic pcap format (what `tcpdump -w` writes and `tcpdump -r` and
/// Wireshark read): a 24-byte file header, then a 16-byte record header before each packet.
/// The packets are IP packets without a link-layer header, so the link type is LINKTYPE_RAW (101).
public struct PcapFile: Sendable {
    /// LINKTYPE_RAW: each record starts with an IPv4 or IPv6 header.
    public static let linkTypeRaw: UInt32 = 101
    public var packets: [CapturedPacket]
    public var snapLength: UInt32

    /// A file of these packets.
    public init(packets: [CapturedPacket], snapLength: UInt32 = 65_535) {
        self.packets = packets
        self.snapLength = snapLength
    }

    /// The file's bytes (little-endian, microsecond timestamps: magic 0xA1B2C3D4, version 2.4).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u32(0xA1B2_C3D4); u16(2); u16(4); u32(0); u32(0); u32(snapLength); u32(PcapFile.linkTypeRaw)
        for packet in packets {
            let kept = packet.bytes.prefix(Int(snapLength))
            u32(UInt32(truncatingIfNeeded: packet.timestampMicroseconds / 1_000_000))
            u32(UInt32(truncatingIfNeeded: packet.timestampMicroseconds % 1_000_000))
            u32(UInt32(kept.count))
            u32(UInt32(max(packet.originalLength, kept.count)))
            out += kept
        }
        return out
    }

    /// Reads a file written by `bytes` (or by another little-endian, microsecond pcap writer).
    public static func parse(_ data: [UInt8]) throws -> PcapFile {
        func u32(_ at: Int) -> UInt32 {
            UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
        }
        guard data.count >= 24, u32(0) == 0xA1B2_C3D4 else { throw PacketDecodingError("not a little-endian microsecond pcap file") }
        var packets: [CapturedPacket] = []
        var at = 24
        while at + 16 <= data.count {
            let length = Int(u32(at + 8))
            guard at + 16 + length <= data.count else { throw PacketDecodingError("the pcap file ends inside a packet") }
            let time = Int64(u32(at)) * 1_000_000 + Int64(u32(at + 4))
            packets.append(CapturedPacket(timestampMicroseconds: time, bytes: Array(data[(at + 16)..<(at + 16 + length)]),
                                          originalLength: Int(u32(at + 12))))
            at += 16 + length
        }
        return PcapFile(packets: packets, snapLength: u32(16))
    }
}
