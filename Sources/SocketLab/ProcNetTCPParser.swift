import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// Reads the lines of /proc/net/tcp and /proc/net/tcp6 byte by byte.
///
/// Two line shapes exist (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c): a full socket prints 17 fields
/// (`get_tcp4_sock`), a TIME_WAIT minisocket or a pending connection request prints 12
/// (`get_timewait4_sock`, `get_openreq4`). Anything else — a cut or garbled line — is rejected, never
/// trapped on. No `String` is made per field: addresses stay integers until someone prints them.
public struct ProcNetTCPParser: Sendable {
    /// Clock ticks per second that `tm->when` is counted in (USER_HZ, normally 100).
    public var ticksPerSecond: Int

    public init(ticksPerSecond: Int = ProcNetTCPParser.systemTicksPerSecond) {
        self.ticksPerSecond = max(1, ticksPerSecond)
    }

    /// `sysconf(_SC_CLK_TCK)`, or 100 when the system does not say.
    public static var systemTicksPerSecond: Int {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? ticks : 100
    }

    /// What one line turned out to be.
    public enum LineResult: Sendable, Equatable {
        case socket(SocketEntry)
        /// The column header that starts the file (`sl local_address ...`), or a blank line.
        case header
        /// A line that is neither a header nor a well-formed socket line.
        case malformed
    }

    /// Parses one line given as text (for tests and tools; the table reader uses the byte form).
    public func parseLine(_ line: String) -> LineResult {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .header }
            return parseLine(UnsafePointer(base), count: buffer.count)
        }
    }

    /// Parses every complete line in `bytes`, appending the sockets that pass `filter`. Returns the
    /// number of malformed lines.
    @discardableResult
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, filter: SocketFilter,
                      into entries: inout [SocketEntry]) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var skipped = 0
        var start = 0
        let end = bytes.count
        while start < end {
            var stop = start
            while stop < end && base[stop] != 10 { stop += 1 }
            switch parseLine(base + start, count: stop - start) {
            case .socket(let entry): if filter.matches(entry) { entries.append(entry) }
            case .header: break
            case .malformed: skipped += 1
            }
            start = stop + 1
        }
        return skipped
    }

    /// Parses one line of `count` bytes (without its newline).
    public func parseLine(_ p: UnsafePointer<UInt8>, count: Int) -> LineResult {
        var cursor = Cursor(p: p, end: count)
        cursor.skipSpaces()
        if cursor.atEnd { return .header }
        if p[cursor.i] == UInt8(ascii: "s") { return .header }  // "  sl  local_address ..."
        // sl: decimal then ':'
        guard cursor.decimal() != nil, cursor.expect(UInt8(ascii: ":")) else { return .malformed }
        cursor.skipSpaces()
        guard let (local, localPort) = cursor.endpoint() else { return .malformed }
        cursor.skipSpaces()
        guard let (remote, remotePort) = cursor.endpoint(), remote.family == local.family else { return .malformed }
        cursor.skipSpaces()
        guard let st = cursor.hex(maxDigits: 2), let state = SocketEntry.state(code: UInt8(st)) else { return .malformed }
        cursor.skipSpaces()
        guard let tx = cursor.hex(maxDigits: 8), cursor.expect(UInt8(ascii: ":")),
              let rx = cursor.hex(maxDigits: 8) else { return .malformed }
        cursor.skipSpaces()
        guard let tr = cursor.hex(maxDigits: 2), let timer = KernelTimer(code: Int(tr)),
              cursor.expect(UInt8(ascii: ":")), let when = cursor.hex(maxDigits: 16) else { return .malformed }
        cursor.skipSpaces()
        guard let retransmits = cursor.hex(maxDigits: 8) else { return .malformed }
        cursor.skipSpaces()
        guard let uid = cursor.decimal(), uid <= UInt64(UInt32.max) else { return .malformed }
        cursor.skipSpaces()
        guard cursor.signedDecimal() != nil else { return .malformed }  // "timeout" = probes out
        cursor.skipSpaces()
        guard let inode = cursor.decimal() else { return .malformed }
        // The rest: 2 more fields for a minisocket (refcnt, pointer), 7 for a full socket.
        var rest = 0
        while true {
            cursor.skipSpaces()
            if cursor.atEnd { break }
            guard cursor.token() else { return .malformed }
            rest += 1
        }
        let isMinisocket: Bool
        switch rest {
        case 2: isMinisocket = true
        case 7...: isMinisocket = false
        default: return .malformed
        }
        let ticks = Int(clamping: when)
        let milliseconds = ticks > Int.max / 1000 ? Int.max : ticks * 1000 / ticksPerSecond
        return .socket(SocketEntry(
            local: local, localPort: localPort, remote: remote, remotePort: remotePort,
            state: state, stateCode: UInt8(st), timer: timer, timerMilliseconds: milliseconds,
            retransmits: Int(retransmits), uid: UInt32(uid), inode: inode,
            txQueue: UInt32(truncatingIfNeeded: tx), rxQueue: UInt32(truncatingIfNeeded: rx),
            isMinisocket: isMinisocket))
    }

    /// A bounds-checked reading position in one line.
    private struct Cursor {
        let p: UnsafePointer<UInt8>
        let end: Int
        var i = 0

        var atEnd: Bool { i >= end }

        mutating func skipSpaces() {
            while i < end && (p[i] == 32 || p[i] == 9 || p[i] == 13) { i += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard i < end, p[i] == byte else { return false }
            i += 1
            return true
        }

        /// A run of hex digits (1…maxDigits), ended by a space, ':' or the end of the line.
        mutating func hex(maxDigits: Int) -> UInt64? {
            var value: UInt64 = 0
            var digits = 0
            while i < end {
                let c = p[i]
                let d: UInt8
                switch c {
                case 48...57: d = c - 48
                case 65...70: d = c - 55
                case 97...102: d = c - 87
                default:
                    return digits > 0 && Cursor.isBoundary(c) ? value : nil
                }
                digits += 1
                if digits > maxDigits { return nil }
                value = value << 4 | UInt64(d)
                i += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func decimal() -> UInt64? {
            var value: UInt64 = 0
            var digits = 0
            while i < end {
                let c = p[i]
                guard c >= 48 && c <= 57 else { return digits > 0 && Cursor.isBoundary(c) ? value : nil }
                digits += 1
                if digits > 19 { return nil }
                value = value * 10 + UInt64(c - 48)
                i += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func signedDecimal() -> Int64? {
            let negative = i < end && p[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            guard let magnitude = decimal(), magnitude <= UInt64(Int64.max) else { return nil }
            return negative ? -Int64(magnitude) : Int64(magnitude)
        }

        /// Any run of printable non-space bytes.
        mutating func token() -> Bool {
            let start = i
            while i < end && p[i] > 32 && p[i] < 127 { i += 1 }
            return i > start && (i >= end || p[i] == 32 || p[i] == 9 || p[i] == 13)
        }

        /// `0100007F:9E6B` or the 32-digit IPv6 form: address then port.
        mutating func endpoint() -> (IPAddress, UInt16)? {
            let start = i
            while i < end && Cursor.isHexDigit(p[i]) { i += 1 }
            let length = i - start
            guard i < end, p[i] == UInt8(ascii: ":") else { return nil }
            let address: IPAddress
            switch length {
            case 8:
                let word = Cursor.hexWord(p + start)
                address = IPAddress(ipv4: UInt32(bigEndian: word))
            case 32:
                let w0 = UInt64(UInt32(bigEndian: Cursor.hexWord(p + start)))
                let w1 = UInt64(UInt32(bigEndian: Cursor.hexWord(p + start + 8)))
                let w2 = UInt64(UInt32(bigEndian: Cursor.hexWord(p + start + 16)))
                let w3 = UInt64(UInt32(bigEndian: Cursor.hexWord(p + start + 24)))
                address = IPAddress(ipv6High: w0 << 32 | w1, low: w2 << 32 | w3)
            default:
                return nil
            }
            i += 1
            guard let port = hex(maxDigits: 4) else { return nil }
            return (address, UInt16(port))
        }

        static func isBoundary(_ c: UInt8) -> Bool { c == 32 || c == 58 || c == 9 || c == 13 }

        static func isHexDigit(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
        }

        /// Eight hex digits already known to be valid, as the native integer the kernel printed.
        static func hexWord(_ q: UnsafePointer<UInt8>) -> UInt32 {
            var value: UInt32 = 0
            for k in 0..<8 {
                let c = q[k]
                let d: UInt8 = c <= 57 ? c - 48 : (c <= 70 ? c - 55 : c - 87)
                value = value << 4 | UInt32(d)
            }
            return value
        }
    }
}
