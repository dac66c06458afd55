import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every socket an experiment opens, so that all of them are closed when it ends — on success, on
/// failure and on Ctrl-C. Sockets are IPv4 TCP on 127.0.0.1, or — for the puppet-peer labs, inside
/// their private namespace — on the documentation prefix 192.0.2.0/24; no other address is accepted.
public final class LoopbackSockets {
    private var open: Set<Int32> = []
    /// Every port a listener of this set listened on, in order: the server ports a capture keeps.
    public private(set) var listeningPorts: [UInt16] = []
    /// The most sockets this set will hold at once; a bug that opens more fails instead of flooding.
    public let limit: Int

    public init(limit: Int = 2_100) {
        self.limit = limit
    }

    deinit { closeAll() }

    /// How many sockets are open now.
    public var count: Int { open.count }

    /// 127.0.0.1 in network order.
    public static let loopback: UInt32 = 0x7F00_0001

    /// A listening socket on 127.0.0.1:`port` (0 lets the kernel choose); returns it and its port.
    public func listen(port: UInt16, reuseAddress: Bool, backlog: Int32 = 64,
                       address: UInt32 = LoopbackSockets.loopback) throws -> (fd: Int32, port: UInt16) {
        let fd = try bound(port: port, reuseAddress: reuseAddress, address: address)
        if Glibc.listen(fd, backlog) != 0 {
            let code = errno
            close(fd)
            throw SocketCallError(call: "listen", code: code)
        }
        let chosen = try localPort(of: fd)
        if !listeningPorts.contains(chosen) { listeningPorts.append(chosen) }
        return (fd, chosen)
    }

    /// A socket bound to 127.0.0.1:`port`, not yet listening.
    public func bound(port: UInt16, reuseAddress: Bool, address host: UInt32 = LoopbackSockets.loopback) throws -> Int32 {
        try LoopbackSockets.checkAllowed(host)
        let fd = try newSocket()
        if reuseAddress { try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1) }
        var address = LoopbackSockets.address(port: port, host: host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            let code = errno
            close(fd)
            throw SocketCallError(call: "bind", code: code)
        }
        return fd
    }

    /// Connects a new socket to 127.0.0.1:`port`. On failure the socket is closed and the error thrown.
    public func connect(to port: UInt16) throws -> Int32 {
        let fd = try newSocket()
        var address = LoopbackSockets.address(port: port)
        while true {
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if result == 0 { return fd }
            let code = errno
            if code == EINTR { continue }
            close(fd)
            throw SocketCallError(call: "connect", code: code)
        }
    }

    /// Accepts one connection, waiting at most `timeoutMilliseconds`.
    public func accept(_ listener: Int32, timeoutMilliseconds: Int32 = 2_000) throws -> Int32 {
        guard try waitReadable(listener, timeoutMilliseconds: timeoutMilliseconds) else {
            throw SocketCallError(call: "accept", code: ETIMEDOUT)
        }
        let fd = Glibc.accept(listener, nil, nil)
        if fd < 0 { throw SocketCallError(call: "accept", code: errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        open.insert(fd)
        return fd
    }

    /// What a read returned.
    public enum ReadResult: Sendable, Equatable {
        case data(Int)
        case endOfFile
        case failed(SocketCallError)
        case timedOut
    }

    /// Reads what is there, waiting at most `timeoutMilliseconds`.
    public func read(_ fd: Int32, timeoutMilliseconds: Int32 = 2_000) -> ReadResult {
        do {
            guard try waitReadable(fd, timeoutMilliseconds: timeoutMilliseconds) else { return .timedOut }
        } catch let error as SocketCallError {
            return .failed(error)
        } catch {
            return .timedOut
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return Glibc.recv(fd, base, raw.count, Int32(MSG_DONTWAIT))
        }
        if n > 0 { return .data(n) }
        if n == 0 { return .endOfFile }
        return .failed(SocketCallError(call: "read", code: errno))
    }

    /// Reads until end of file (or error, or timeout).
    public func readToEnd(_ fd: Int32, timeoutMilliseconds: Int32 = 2_000) -> ReadResult {
        while true {
            let result = read(fd, timeoutMilliseconds: timeoutMilliseconds)
            if case .data = result { continue }
            return result
        }
    }

    /// Sends all of `text`.
    public func send(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SocketCallError(call: "send", code: errno)
            }
            offset += n
        }
    }

    /// Sets SO_LINGER.
    public func setLinger(_ fd: Int32, on: Bool, seconds: Int32) throws {
        var value = linger(l_onoff: on ? 1 : 0, l_linger: seconds)
        if setsockopt(fd, SOL_SOCKET, SO_LINGER, &value, socklen_t(MemoryLayout<linger>.size)) != 0 {
            throw SocketCallError(call: "setsockopt", code: errno)
        }
    }

    /// The local port of a socket.
    public func localPort(of fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        if result != 0 { throw SocketCallError(call: "getsockname", code: errno) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Closes one socket (a plain close(): FIN, or RST when SO_LINGER {1,0} is set).
    public func close(_ fd: Int32) {
        guard open.remove(fd) != nil else { return }
        _ = Glibc.close(fd)
    }

    /// Closes every socket still open.
    public func closeAll() {
        for fd in open { _ = Glibc.close(fd) }
        open.removeAll()
    }

    private func newSocket() throws -> Int32 {
        guard open.count < limit else {
            throw SocketCallError(call: "socket", code: EMFILE)
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        if fd < 0 { throw SocketCallError(call: "socket", code: errno) }
        open.insert(fd)
        return fd
    }

    private func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws {
        var v = value
        if setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            throw SocketCallError(call: "setsockopt", code: errno)
        }
    }

    private func waitReadable(_ fd: Int32, timeoutMilliseconds: Int32) throws -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let n = poll(&descriptor, 1, timeoutMilliseconds)
            if n > 0 { return true }
            if n == 0 { return false }
            if errno == EINTR { return false }
            throw SocketCallError(call: "poll", code: errno)
        }
    }

    static func address(port: UInt16, host: UInt32 = loopback) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: host.bigEndian)
        return address
    }

    /// Throws unless `host` is in 127.0.0.0/8 or 192.0.2.0/24 (TEST-NET-1).
    static func checkAllowed(_ host: UInt32) throws {
        guard host >> 24 == 127 || host >> 8 == 0xC0_0002 else { throw SocketCallError(call: "bind", code: EADDRNOTAVAIL) }
    }

    /// Starts connecting a new non-blocking socket from `source` to `host`:`port` and returns at once
    /// (the puppet peer answers the SYN on the same thread). The socket stays non-blocking.
    public func startConnect(to port: UInt16, host: UInt32, source: UInt32? = nil, sourcePort: UInt16 = 0) throws -> Int32 {
        try LoopbackSockets.checkAllowed(host)
        let fd = try newSocket()
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if let source {
            try LoopbackSockets.checkAllowed(source)
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            var local = LoopbackSockets.address(port: sourcePort, host: source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound != 0 { let code = errno; close(fd); throw SocketCallError(call: "bind", code: code) }
        }
        var address = LoopbackSockets.address(port: port, host: host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 && errno != EINPROGRESS {
            let code = errno
            close(fd)
            throw SocketCallError(call: "connect", code: code)
        }
        return fd
    }
}
