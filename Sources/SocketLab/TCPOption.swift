/// One option in a TCP header (RFC 9293 §3.1, RFC 7323, RFC 2018).
public enum TCPOption: Sendable, Equatable {
    /// Kind 0: the end of the option list.
    case endOfList
    /// Kind 1: padding between options.
    case noOperation
    /// Kind 2: the largest segment the sender will accept.
    case maximumSegmentSize(UInt16)
    /// Kind 3: the window scale shift count.
    case windowScale(UInt8)
    /// Kind 4: selective acknowledgements are permitted.
    case sackPermitted
    /// Kind 5: selective acknowledgement blocks (left edge, right edge).
    case sack([SACKBlock])
    /// Kind 8: the RFC 7323 timestamps (TSval, TSecr).
    case timestamps(value: UInt32, echoReply: UInt32)
    /// Any other kind, kept with its data.
    case unknown(kind: UInt8, data: [UInt8])

    /// One SACK block: the sequence numbers of its first byte and the byte after its last.
    public struct SACKBlock: Sendable, Equatable {
        public var left: UInt32
        public var right: UInt32
        /// A block from `left` up to (not including) `right`.
        public init(left: UInt32, right: UInt32) { self.left = left; self.right = right }
    }

    /// The option's wire form.
    public var bytes: [UInt8] {
        switch self {
        case .endOfList: return [0]
        case .noOperation: return [1]
        case .maximumSegmentSize(let mss): return [2, 4, UInt8(mss >> 8), UInt8(truncatingIfNeeded: mss)]
        case .windowScale(let shift): return [3, 3, shift]
        case .sackPermitted: return [4, 2]
        case .sack(let blocks):
            var out: [UInt8] = [5, UInt8(2 + 8 * blocks.count)]
            for block in blocks {
                NetworkBytes.append(block.left, to: &out)
                NetworkBytes.append(block.right, to: &out)
            }
            return out
        case .timestamps(let value, let echo):
            var out: [UInt8] = [8, 10]
            NetworkBytes.append(value, to: &out)
            NetworkBytes.append(echo, to: &out)
            return out
        case .unknown(let kind, let data): return [kind, UInt8(truncatingIfNeeded: 2 + data.count)] + data
        }
    }

    /// Reads the option list of a TCP header. Throws when an option's length runs past the list.
    public static func decodeList(_ bytes: ArraySlice<UInt8>) throws -> [TCPOption] {
        var options: [TCPOption] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let kind = bytes[index]
            if kind == 0 { options.append(.endOfList); break }
            if kind == 1 { options.append(.noOperation); index += 1; continue }
            guard index + 1 < bytes.endIndex else { throw PacketDecodingError("TCP option \(kind) has no length byte") }
            let length = Int(bytes[index + 1])
            guard length >= 2, index + length <= bytes.endIndex else {
                throw PacketDecodingError("TCP option \(kind) claims \(length) bytes, more than the header holds")
            }
            let body = bytes[(index + 2)..<(index + length)]
            options.append(try decodeOne(kind: kind, body: body))
            index += length
        }
        return options
    }

    private static func decodeOne(kind: UInt8, body: ArraySlice<UInt8>) throws -> TCPOption {
        switch (kind, body.count) {
        case (2, 2): return .maximumSegmentSize(NetworkBytes.u16(body, 0))
        case (3, 1): return .windowScale(body[body.startIndex])
        case (4, 0): return .sackPermitted
        case (5, let n) where n % 8 == 0:
            return .sack(stride(from: 0, to: n, by: 8).map {
                SACKBlock(left: NetworkBytes.u32(body, $0), right: NetworkBytes.u32(body, $0 + 4))
            })
        case (8, 8): return .timestamps(value: NetworkBytes.u32(body, 0), echoReply: NetworkBytes.u32(body, 4))
        case (2, _), (3, _), (4, _), (5, _), (8, _):
            throw PacketDecodingError("TCP option \(kind) has the wrong length \(body.count + 2)")
        default: return .unknown(kind: kind, data: Array(body))
        }
    }
}
