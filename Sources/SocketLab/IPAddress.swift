import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address held as its sixteen network-order bytes (IPv4 in the first four).
///
/// Kept as two integers so that parsing 50,000 sockets allocates nothing; text is made only on demand.
public struct IPAddress: Sendable, Hashable {
    /// The first eight bytes in network order, big-endian packed.
    public var high: UInt64
    /// The last eight bytes in network order, big-endian packed (zero for IPv4).
    public var low: UInt64
    public var family: AddressFamily

    /// An IPv4 address from its network-order value (127.0.0.1 is 0x7F000001).
    public init(ipv4 value: UInt32) {
        self.high = UInt64(value) << 32
        self.low = 0
        self.family = .ipv4
    }

    /// An IPv6 address from its sixteen bytes packed big-endian into two integers.
    public init(ipv6High high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
        self.family = .ipv6
    }

    /// The IPv4 value in network order, for an IPv4 address.
    public var ipv4Value: UInt32 { UInt32(truncatingIfNeeded: high >> 32) }

    /// True for 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104.
    public var isLoopback: Bool {
        switch family {
        case .ipv4: return ipv4Value >> 24 == 127
        case .ipv6:
            if high == 0 && low == 1 { return true }
            return high == 0 && (low >> 32) == 0xFFFF && (low >> 24) & 0xFF == 127
        }
    }

    /// True for `0.0.0.0` or `::`.
    public var isUnspecified: Bool { high == 0 && low == 0 }

    /// The address as `ss` and `inet_ntop` print it: `127.0.0.1`, `::1`, `::ffff:127.0.0.1`.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(46)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the address text as UTF-8 bytes (used by the JSON writer, which never makes a String per field).
    public func appendText(to out: inout [UInt8]) {
        switch family {
        case .ipv4:
            let v = ipv4Value
            appendDecimal(UInt8(truncatingIfNeeded: v >> 24), to: &out); out.append(UInt8(ascii: "."))
            appendDecimal(UInt8(truncatingIfNeeded: v >> 16), to: &out); out.append(UInt8(ascii: "."))
            appendDecimal(UInt8(truncatingIfNeeded: v >> 8), to: &out); out.append(UInt8(ascii: "."))
            appendDecimal(UInt8(truncatingIfNeeded: v), to: &out)
        case .ipv6:
            var raw = in6_addr()
            withUnsafeMutableBytes(of: &raw) { buffer in
                for i in 0..<8 { buffer[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i))) }
                for i in 0..<8 { buffer[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(i))) }
            }
            var text = [CChar](repeating: 0, count: 64)
            let ok = withUnsafePointer(to: &raw) { inet_ntop(AF_INET6, $0, &text, socklen_t(text.count)) } != nil
            if ok {
                for c in text { if c == 0 { break }; out.append(UInt8(bitPattern: c)) }
            } else {
                out.append(contentsOf: Array("?".utf8))
            }
        }
    }

    private func appendDecimal(_ value: UInt8, to out: inout [UInt8]) {
        if value >= 100 { out.append(48 + value / 100) }
        if value >= 10 { out.append(48 + (value / 10) % 10) }
        out.append(48 + value % 10)
    }
}
