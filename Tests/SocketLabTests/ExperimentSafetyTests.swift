import Foundation
import Testing
import TCPModel
@testable import SocketLab
#if canImport(Glibc)
import Glibc
#endif

/// The safety rules: host sysctls untouched, nothing left open after Ctrl-C, the thread back in the
/// host namespace. Part of the serialized ExperimentTests suite, so that no other experiment runs in
/// this process meanwhile.
extension ExperimentTests {
    /// Every socket descriptor of this process, with its inode.
    static func socketDescriptors() -> [Int32: String] {
        var result: [Int32: String] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for entry in entries {
            guard let fd = Int32(entry),
                  let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)"),
                  link.hasPrefix("socket:") else { continue }
            result[fd] = link
        }
        return result
    }

    /// The network namespace cookie of a socket (SO_NETNS_COOKIE, Linux 5.14), or nil.
    static func namespaceCookie(_ fd: Int32) -> UInt64? {
        var cookie: UInt64 = 0
        var length = socklen_t(MemoryLayout<UInt64>.size)
        return getsockopt(fd, SOL_SOCKET, 71, &cookie, &length) == 0 ? cookie : nil
    }

    static func hostCookie() -> UInt64? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        return namespaceCookie(fd)
    }

    /// Every net.ipv4 sysctl the experiments touch, as the host sees it now. Read through
    /// /proc/1/root… would need more rights; this thread is in the host namespace, which the test checks.
    static func hostSysctls() -> [String: String] {
        var values: [String: String] = [:]
        for name in IPv4Sysctls.reported {
            values[name] = (try? String(contentsOfFile: "/proc/sys/net/ipv4/" + name, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return values
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func everyExperimentLeavesTheHostSysctlsAsTheyWere() throws {
        let namespace = PrivateNetworkNamespace.currentInode()
        let before = Self.hostSysctls()
        #expect(before.count >= 6)
        for name in ExperimentCatalog.names {
            var options: [String: String] = [:]
            if name == "fin-timeout" { options["seconds"] = "1" }
            _ = try ExperimentRunner.run(name, options: options)
            #expect(PrivateNetworkNamespace.currentInode() == namespace, "\(name) left the thread in another namespace")
        }
        let after = Self.hostSysctls()
        #expect(after == before)
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func anInterruptedNamespaceRunClosesEverything() throws {
        let host = try #require(Self.hostCookie(), "SO_NETNS_COOKIE needs Linux 5.14")
        let namespace = PrivateNetworkNamespace.currentInode()
        let before = Self.socketDescriptors()
        let start = Date()
        var seenDuringRun = 0
        do {
            _ = try ExperimentRunner.run("fin-timeout", log: { _ in
                // Count the private-namespace sockets open while it runs, to prove the check can see them.
                let open = Self.socketDescriptors().keys.filter { Self.namespaceCookie($0).map { $0 != host } ?? false }
                seenDuringRun = max(seenDuringRun, open.count)
            }, shouldStop: { Date().timeIntervalSince(start) > 1.0 })
            Issue.record("the experiment finished instead of stopping")
        } catch let error as ExperimentError {
            #expect(error.interrupted)
        }
        #expect(Date().timeIntervalSince(start) < 2.5, "Ctrl-C must stop it promptly")
        #expect(seenDuringRun >= 2)
        let after = Self.socketDescriptors()
        let leaked = after.keys.filter { before[$0] == nil && (Self.namespaceCookie($0).map { $0 != host } ?? false) }
        #expect(leaked.isEmpty, "descriptors left open in the private namespace: \(leaked)")
        #expect(PrivateNetworkNamespace.currentInode() == namespace)
    }

    @Test func anInterruptedHostRunClosesEverything() throws {
        var port: UInt16?
        var stop = false
        let before = Self.socketDescriptors()
        do {
            _ = try ExperimentRunner.run("active-close", options: ["isolation": "host"], log: { line in
                let text: String
                switch line {
                case .step(let step): text = step.text
                case .observed(_, let value): text = value
                case .sockets(let rows): text = rows.map(\.local).joined(separator: " ")
                default: text = ""
                }
                if port == nil, let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = UInt16(text[range].split(separator: ":").last ?? "")
                    stop = true
                }
            }, shouldStop: { stop })
            Issue.record("the experiment finished instead of stopping")
        } catch let error as ExperimentError {
            #expect(error.interrupted)
        }
        let experimentPort = try #require(port)
        let after = Self.socketDescriptors()
        let sockets = LoopbackSockets()
        let leaked = after.keys.filter { before[$0] == nil && (try? sockets.localPort(of: $0)) == experimentPort }
        #expect(leaked.isEmpty)
        // The kernel's table: nothing of the experiment's is left but kernel-owned TIME_WAIT/FIN_WAIT minisockets.
        // Other tests in this process start child processes meanwhile, and a child holds a copy of every
        // descriptor from its fork until its exec closes the close-on-exec ones, so the sockets may outlive
        // our close() by that long: give it up to two seconds.
        var rows = try SocketTable.read(filter: SocketFilter(ports: [experimentPort]))
        for _ in 0..<40 where !rows.entries.allSatisfy({ $0.isMinisocket }) {
            usleep(50_000)
            rows = try SocketTable.read(filter: SocketFilter(ports: [experimentPort]))
        }
        #expect(rows.entries.allSatisfy { $0.isMinisocket }, "left: \(rows.entries.map(\.state))")
    }
}
