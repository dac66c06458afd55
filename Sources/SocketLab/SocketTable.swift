import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's TCP sockets, read from /proc/net/tcp and /proc/net/tcp6.
public struct SocketTable: Sendable {
    /// The sockets that passed the filter, IPv4 first, in the kernel's order.
    public var entries: [SocketEntry]
    /// Lines that could not be read (cut or garbled) and were left out.
    public var skippedLines: Int

    public init(entries: [SocketEntry] = [], skippedLines: Int = 0) {
        self.entries = entries
        self.skippedLines = skippedLines
    }

    /// The folder the process's own view of the table lives in. Experiments read
    /// `/proc/thread-self/net`, which follows the calling thread into a private network namespace.
    public static let hostDirectory = "/proc/net"
    /// The calling thread's network namespace.
    public static let threadDirectory = "/proc/thread-self/net"

    /// Where the table is read from.
    public enum Source: String, Sendable, CaseIterable {
        /// NETLINK_SOCK_DIAG when it works, otherwise /proc.
        case automatic = "auto"
        /// /proc/net/tcp and /proc/net/tcp6 text.
        case proc
        /// NETLINK_SOCK_DIAG binary records, as `ss` reads them.
        case netlink
    }

    /// Reads the calling thread's table through netlink (states filtered by the kernel) or, when that
    /// fails or `source` is `.proc`, `tcp` and `tcp6` in `directory`, keeping the sockets that pass
    /// `filter`. A missing `tcp6` (IPv6 disabled) is not an error.
    public static func read(filter: SocketFilter = .all, directory: String = hostDirectory,
                            source: Source = .automatic,
                            parser: ProcNetTCPParser = ProcNetTCPParser()) throws -> SocketTable {
        let ownTable = directory == hostDirectory || directory == threadDirectory
        if source != .proc && ownTable {
            do {
                return try SockDiagReader.read(filter: filter)
            } catch {
                if source == .netlink { throw ReadError(path: "NETLINK_SOCK_DIAG", reason: "\(error)") }
            }
        }
        return try readProc(filter: filter, directory: directory, parser: parser)
    }

    /// Reads `tcp` and `tcp6` in `directory` only.
    public static func readProc(filter: SocketFilter = .all, directory: String = hostDirectory,
                                parser: ProcNetTCPParser = ProcNetTCPParser()) throws -> SocketTable {
        var table = SocketTable()
        table.entries.reserveCapacity(256)
        try readFile(directory + "/tcp", required: true, filter: filter, parser: parser, into: &table)
        try readFile(directory + "/tcp6", required: false, filter: filter, parser: parser, into: &table)
        return table
    }

    /// Parses the text of a table file (for fixtures and tests).
    public static func parse(_ text: String, filter: SocketFilter = .all,
                             parser: ProcNetTCPParser = ProcNetTCPParser()) -> SocketTable {
        var table = SocketTable()
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            table.skippedLines = parser.parse(UnsafeBufferPointer(buffer), filter: filter, into: &table.entries)
        }
        return table
    }

    /// How many sockets are in each state.
    public var counts: [TCPState: Int] {
        var counts: [TCPState: Int] = [:]
        for entry in entries { counts[entry.state, default: 0] += 1 }
        return counts
    }

    /// The error thrown when the table cannot be read at all.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String {
            "cannot read \(path): \(reason); twlab sockets needs Linux with /proc mounted"
        }
    }

    private static let chunkSize = 1 << 20

    private static func readFile(_ path: String, required: Bool, filter: SocketFilter,
                                 parser: ProcNetTCPParser, into table: inout SocketTable) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if !required && code == ENOENT { return }
            throw ReadError(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        // One buffer, reused: complete lines are parsed as soon as they arrive, the unfinished tail
        // moves to the front.
        let capacity = chunkSize * 2
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            let n = Glibc.read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
            var lastNewline = filled - 1
            while lastNewline >= 0 && buffer[lastNewline] != 10 { lastNewline -= 1 }
            if lastNewline < 0 {
                if filled == capacity {  // A line longer than the buffer: drop it as malformed.
                    table.skippedLines += 1
                    filled = 0
                }
                continue
            }
            let complete = lastNewline + 1
            table.skippedLines += parser.parse(UnsafeBufferPointer(start: buffer, count: complete),
                                               filter: filter, into: &table.entries)
            let rest = filled - complete
            if rest > 0 { memmove(buffer, buffer + complete, rest) }
            filled = rest
        }
        if filled > 0 {  // A last line without a newline.
            table.skippedLines += parser.parse(UnsafeBufferPointer(start: buffer, count: filled),
                                               filter: filter, into: &table.entries)
        }
    }
}
