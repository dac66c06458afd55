/// The Internet checksum of RFC 1071: the one's-complement of the one's-complement sum of 16-bit
/// big-endian words. IPv4 headers and TCP segments (with their pseudo-header) both use it.
public struct InternetChecksum: Sendable {
    private var sum: UInt32 = 0
    private var pendingOddByte: UInt8?

    /// An empty running sum.
    public init() {}

    /// Adds bytes to the running sum; calls may split the data at any byte, even or odd.
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            if let high = pendingOddByte {
                sum &+= UInt32(high) << 8 | UInt32(byte)
                pendingOddByte = nil
                if sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
            } else {
                pendingOddByte = byte
            }
        }
    }

    /// Adds one 16-bit value as two big-endian bytes.
    public mutating func add(word: UInt16) { add([UInt8(word >> 8), UInt8(truncatingIfNeeded: word)]) }

    /// Adds one 32-bit value as four big-endian bytes.
    public mutating func add(word32 value: UInt32) {
        add(word: UInt16(value >> 16))
        add(word: UInt16(truncatingIfNeeded: value))
    }

    /// The checksum of everything added: an odd last byte is padded with a zero byte.
    public var value: UInt16 {
        var total = sum
        if let high = pendingOddByte { total &+= UInt32(high) << 8 }
        while total > 0xFFFF { total = (total & 0xFFFF) + (total >> 16) }
        return ~UInt16(total)
    }

    /// The checksum of one buffer.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt16 where Bytes.Element == UInt8 {
        var checksum = InternetChecksum()
        checksum.add(bytes)
        return checksum.value
    }
}
