import Foundation
import Testing
import TCPModel
@testable import SocketLab
#if canImport(Glibc)
import Glibc
#endif

/// Reads the host's real table while this process holds a listener and one connection on loopback.
@Suite struct LiveSocketTableTests {
    /// The inode the kernel shows for descriptor `fd` (`socket:[N]` in /proc/self/fd).
    static func inode(of fd: Int32) -> UInt64? {
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
              link.hasPrefix("socket:[") else { return nil }
        return UInt64(link.dropFirst(8).dropLast())
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/net/tcp"), "needs Linux /proc/net/tcp"))
    func ownSocketsAppearWithTheirInodesAndStates() throws {
        let sockets = LoopbackSockets()
        defer { sockets.closeAll() }
        let (listener, port) = try sockets.listen(port: 0, reuseAddress: true)
        let client = try sockets.connect(to: port)
        let server = try sockets.accept(listener)
        let clientPort = try sockets.localPort(of: client)
        let table = try SocketTable.read(filter: SocketFilter(ports: [port]))
        let listenRow = try #require(table.entries.first { $0.state == .listen && $0.localPort == port })
        #expect(listenRow.inode == Self.inode(of: listener))
        #expect(listenRow.uid == getuid())
        let clientRow = try #require(table.entries.first { $0.localPort == clientPort && $0.remotePort == port })
        #expect(clientRow.state == .established)
        #expect(clientRow.inode == Self.inode(of: client))
        #expect(clientRow.local.text == "127.0.0.1")
        let serverRow = try #require(table.entries.first { $0.localPort == port && $0.remotePort == clientPort })
        #expect(serverRow.inode == Self.inode(of: server))
        #expect(table.skippedLines == 0)
    }
}
