import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `twlab sockets` against `ss -tan -o` (iproute2) taken at the same moment, over a handful of
/// loopback sockets this test makes: a listener, established connections and two TIME_WAIT sockets.
@Suite struct SocketsAgreesWithSSTests {
    static let ssPath = ["/usr/bin/ss", "/bin/ss", "/usr/sbin/ss", "/sbin/ss"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One row as both tools can print it.
    struct Row: Hashable, CustomStringConvertible {
        var state: String
        var local: String
        var remote: String
        var description: String { "\(state) \(local) \(remote)" }
    }

    /// Runs a program and returns its standard output.
    static func capture(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// ss's state spelling → the kernel's (`ESTAB` → `ESTABLISHED`, `TIME-WAIT` → `TIME_WAIT`).
    static func normalState(_ ss: String) -> String {
        switch ss {
        case "ESTAB": return "ESTABLISHED"
        case "SYN-RECV": return "SYN_RECEIVED"
        case "UNCONN", "CLOSE": return "CLOSED"
        default:
            return ss.replacingOccurrences(of: "-", with: "_")
                .replacingOccurrences(of: "FIN_WAIT1", with: "FIN_WAIT_1").replacingOccurrences(of: "FIN_WAIT2", with: "FIN_WAIT_2")
        }
    }

    /// Makes a listening socket on `address` and returns it and its port.
    static func listener(ipv6: Bool) throws -> (Int32, UInt16) {
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var storage = sockaddr_storage()
        var length: socklen_t
        if ipv6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_addr = in6addr_loopback
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: a) { raw.copyMemory(from: $0) } }
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: a) { raw.copyMemory(from: $0) } }
        }
        let bound = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = withUnsafeBytes(of: storage) { raw -> UInt16 in UInt16(raw[2]) << 8 | UInt16(raw[3]) }
        return (fd, port)
    }

    static func connectTo(_ port: UInt16, ipv6: Bool) -> Int32 {
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if ipv6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_addr = in6addr_loopback
            a.sin6_port = port.bigEndian
            _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
            a.sin_port = port.bigEndian
            _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        return fd
    }

    @Test(.enabled(if: ssPath != nil, "needs ss from iproute2"), arguments: ["proc", "netlink"])
    func sameSocketsStatesAndTimersAsSS(source: String) throws {
        let ss = try #require(Self.ssPath)
        var open: [Int32] = []
        defer { for fd in open { close(fd) } }
        let (listen4, port4) = try Self.listener(ipv6: false)
        let (listen6, port6) = try Self.listener(ipv6: true)
        open += [listen4, listen6]
        // Two connections that stay open, one of them over IPv6.
        for ipv6 in [false, true] {
            let client = Self.connectTo(ipv6 ? port6 : port4, ipv6: ipv6)
            let server = accept(ipv6 ? listen6 : listen4, nil, nil)
            open += [client, server]
        }
        // Two connections closed client first: the clients end in TIME_WAIT (kept to a handful).
        for _ in 0..<2 {
            let client = Self.connectTo(port4, ipv6: false)
            let server = accept(listen4, nil, nil)
            close(client)
            usleep(20_000)
            close(server)
        }
        usleep(50_000)
        let ports: Set<String> = [String(port4), String(port6)]

        let ssText = try Self.capture(ss, ["-tan", "-o"])
        let result = try TwlabBinary.run(["sockets", "--json", "--source", source])
        #expect(result.status == 0)

        var ssRows: [Row: Int?] = [:]
        for line in ssText.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 5 else { continue }
            let local = fields[3], remote = fields[4].replacingOccurrences(of: ":*", with: ":0")
            let localPort = String(local.split(separator: ":").last ?? ""), remotePort = String(remote.split(separator: ":").last ?? "")
            guard ports.contains(localPort) || ports.contains(remotePort) else { continue }
            var seconds: Int?
            if let timer = fields.first(where: { $0.hasPrefix("timer:(timewait,") }) {
                seconds = Int(timer.dropFirst("timer:(timewait,".count).prefix { $0.isNumber })
            }
            ssRows[Row(state: Self.normalState(fields[0]), local: local, remote: remote)] = seconds
        }

        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sockets = try #require(object["sockets"] as? [[String: Any]])
        var twlabRows: [Row: Int] = [:]
        for s in sockets {
            guard let lp = s["local_port"] as? Int, let rp = s["remote_port"] as? Int,
                  ports.contains(String(lp)) || ports.contains(String(rp)),
                  let family = s["family"] as? String, let local = s["local"] as? String, let remote = s["remote"] as? String,
                  let state = s["state"] as? String, let timer = s["timer_ms"] as? Int else { continue }
            func endpoint(_ a: String, _ p: Int) -> String { family == "ipv6" ? "[\(a)]:\(p)" : "\(a):\(p)" }
            var remoteText = endpoint(remote, rp)
            if rp == 0 { remoteText = family == "ipv6" ? "[::]:0" : "0.0.0.0:0" }
            twlabRows[Row(state: state, local: endpoint(local, lp), remote: remoteText)] = timer
        }
        // ss prints a wildcard IPv6 peer as [::]:* and twlab as [::]:0 — both normalised above.
        #expect(Set(twlabRows.keys) == Set(ssRows.keys), "twlab: \(twlabRows.keys.sorted { $0.description < $1.description })\nss: \(ssRows.keys.sorted { $0.description < $1.description })")
        #expect(twlabRows.keys.filter { $0.state == "TIME_WAIT" }.count == 2)
        #expect(twlabRows.keys.filter { $0.state == "ESTABLISHED" }.count == 4)
        #expect(twlabRows.keys.filter { $0.state == "LISTEN" }.count == 2)
        for (row, ms) in twlabRows where row.state == "TIME_WAIT" {
            let ssSeconds = try #require(ssRows[row] ?? nil, "ss shows no timewait timer for \(row)")
            // ss truncates to whole seconds: the true value lies in [s, s+1); allow one more second between the two reads.
            #expect(ms >= (ssSeconds - 1) * 1000 && ms <= (ssSeconds + 2) * 1000, "\(row): twlab \(ms) ms, ss \(ssSeconds) s")
        }
    }

    @Test func countAndFiltersWork() throws {
        let result = try TwlabBinary.run(["sockets", "--count", "--state", "listen", "--state", "TIME-WAIT"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("total "))
        for line in result.stdout.split(separator: "\n") {
            let state = line.split(separator: " ").first ?? ""
            #expect(["LISTEN", "TIME_WAIT", "total"].contains(String(state)))
        }
    }

    @Test func aBadStateIsOneClearLine() throws {
        let result = try TwlabBinary.run(["sockets", "--state", "half-open"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown TCP state 'half-open'"))
    }
}
