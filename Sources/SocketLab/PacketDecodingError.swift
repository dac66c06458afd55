/// Why bytes could not be read as an IP packet carrying TCP.
public struct PacketDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence naming the field that was wrong.
    public var reason: String

    /// An error with that reason.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Big-endian reads and writes on byte arrays, shared by the header codecs.
enum NetworkBytes {
    static func u16(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt16 {
        let base = bytes.startIndex + offset
        return UInt16(bytes[base]) << 8 | UInt16(bytes[base + 1])
    }

    static func u32(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        let base = bytes.startIndex + offset
        return UInt32(bytes[base]) << 24 | UInt32(bytes[base + 1]) << 16 | UInt32(bytes[base + 2]) << 8 | UInt32(bytes[base + 3])
    }

    static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        append(UInt16(value >> 16), to: &bytes)
        append(UInt16(truncatingIfNeeded: value), to: &bytes)
    }

    static func put(_ value: UInt16, at offset: Int, in bytes: inout [UInt8]) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }
}
