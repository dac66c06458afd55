import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// Reads the TCP socket table through NETLINK_SOCK_DIAG, as `ss` does (man 7 sock_diag): one
/// `SOCK_DIAG_BY_FAMILY` dump per address family with an `inet_diag_req_v2` whose `idiag_states`
/// bitmask lets the kernel skip unwanted states, and binary `inet_diag_msg` records back.
///
/// The netlink socket belongs to the calling thread's network namespace, so inside an experiment it
/// sees the experiment's private table.
public enum SockDiagReader {
    /// Why the netlink path could not be used (the caller then falls back to /proc).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var reason: String
        public var description: String { reason }
    }

    static let netlinkSockDiag: Int32 = 4
    static let sockDiagByFamily: UInt16 = 20
    static let nlmsgDone: UInt16 = 3
    static let nlmsgError: UInt16 = 2
    static let headerSize = 16
    static let requestSize = 56
    static let recordSize = 72

    /// The kernel's bitmask for a set of states (empty = every state).
    static func stateMask(_ states: Set<TCPState>) -> UInt32 {
        if states.isEmpty { return 0xFFE }
        var mask: UInt32 = 0
        for code in UInt8(1)...UInt8(11) {
            if let state = SocketEntry.state(code: code), states.contains(state) { mask |= 1 << UInt32(code) }
        }
        return mask
    }

    /// Reads IPv4 then IPv6 sockets that pass `filter` (states are filtered by the kernel).
    public static func read(filter: SocketFilter) throws -> SocketTable {
        let fd = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), netlinkSockDiag)
        guard fd >= 0 else { throw Failure(reason: "netlink socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var table = SocketTable()
        let capacity = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        let mask = stateMask(filter.states)
        for (sequence, family) in [(UInt32(1), UInt8(AF_INET)), (UInt32(2), UInt8(AF_INET6))] {
            try sendRequest(fd, family: family, states: mask, sequence: sequence)
            try receive(fd, buffer: buffer, capacity: capacity, family: family, filter: filter, into: &table)
        }
        return table
    }

    private static func sendRequest(_ fd: Int32, family: UInt8, states: UInt32, sequence: UInt32) throws {
        var message = [UInt8](repeating: 0, count: headerSize + requestSize)
        func put32(_ value: UInt32, at offset: Int) {
            withUnsafeBytes(of: value) { for k in 0..<4 { message[offset + k] = $0[k] } }
        }
        func put16(_ value: UInt16, at offset: Int) {
            withUnsafeBytes(of: value) { for k in 0..<2 { message[offset + k] = $0[k] } }
        }
        put32(UInt32(message.count), at: 0)               // nlmsg_len
        put16(sockDiagByFamily, at: 4)                     // nlmsg_type
        put16(0x0001 | 0x0300, at: 6)                      // NLM_F_REQUEST | NLM_F_DUMP
        put32(sequence, at: 8)                             // nlmsg_seq
        message[headerSize] = family                       // sdiag_family
        message[headerSize + 1] = UInt8(IPPROTO_TCP)       // sdiag_protocol
        put32(states, at: headerSize + 4)                  // idiag_states
        var sent = -1
        repeat {
            sent = message.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(fd, base, raw.count, 0)
            }
        } while sent < 0 && errno == EINTR
        guard sent == message.count else { throw Failure(reason: "netlink send: \(String(cString: strerror(errno)))") }
    }

    private static func receive(_ fd: Int32, buffer: UnsafeMutableRawPointer, capacity: Int, family: UInt8,
                                filter: SocketFilter, into table: inout SocketTable) throws {
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        while true {
            let n = recv(fd, buffer, capacity, 0)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: "netlink receive: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw Failure(reason: "netlink closed early") }
            var offset = 0
            while offset + headerSize <= n {
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let type = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self)
                guard length >= headerSize, offset + length <= n else {
                    throw Failure(reason: "netlink message of bad length \(length)")
                }
                if type == nlmsgDone { return }
                if type == nlmsgError {
                    let code = length >= headerSize + 4 ? buffer.loadUnaligned(fromByteOffset: offset + headerSize, as: Int32.self) : 0
                    // An address family the kernel does not offer (IPv6 off) is not an error for us.
                    if family == UInt8(AF_INET6) && (code == -ENOENT || code == -EAFNOSUPPORT || code == -EINVAL) { return }
                    throw Failure(reason: "netlink error \(ErrnoName.of(-code))")
                }
                if type == sockDiagByFamily && length >= headerSize + recordSize {
                    if let entry = record(bytes + offset + headerSize), filter.matches(entry) {
                        table.entries.append(entry)
                    } else if SocketEntry.state(code: bytes[offset + headerSize + 1]) == nil {
                        table.skippedLines += 1
                    }
                }
                offset += (length + 3) & ~3
            }
        }
    }

    /// One `inet_diag_msg` as a socket entry, or nil for an unknown family or state.
    static func record(_ p: UnsafePointer<UInt8>) -> SocketEntry? {
        guard let state = SocketEntry.state(code: p[1]), let timer = KernelTimer(code: Int(p[2])) else { return nil }
        let raw = UnsafeRawPointer(p)
        func u32(_ offset: Int) -> UInt32 { raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        func be64(_ offset: Int) -> UInt64 { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let local: IPAddress, remote: IPAddress
        switch Int32(p[0]) {
        case AF_INET:
            local = IPAddress(ipv4: UInt32(bigEndian: u32(8)))
            remote = IPAddress(ipv4: UInt32(bigEndian: u32(24)))
        case AF_INET6:
            local = IPAddress(ipv6High: be64(8), low: be64(16))
            remote = IPAddress(ipv6High: be64(24), low: be64(32))
        default:
            return nil
        }
        let inode = UInt64(u32(68))
        return SocketEntry(
            local: local, localPort: UInt16(p[4]) << 8 | UInt16(p[5]),
            remote: remote, remotePort: UInt16(p[6]) << 8 | UInt16(p[7]),
            state: state, stateCode: p[1], timer: timer,
            timerMilliseconds: timer == .none ? 0 : Int(u32(52)),
            retransmits: Int(p[3]), uid: u32(64), inode: inode,
            txQueue: u32(60), rxQueue: u32(56),
            isMinisocket: timer == .timeWait || (state == .synReceived && inode == 0))
    }
}
