import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `twlab lab` run as a user would: as root (network namespace), as an ordinary user (user + network
/// namespace, through `runuser -u nobody`), interrupted with Ctrl-C, and with the host's net.ipv4
/// sysctls compared before and after.
@Suite(.serialized) struct LiveLabEndToEndTests {
    static let isRoot = geteuid() == 0

    /// Why the ordinary-user runs cannot happen here, or nil when they can.
    static let ordinaryUserUnavailable: String? = {
        guard isRoot else { return "skipped: switching to the nobody user needs root" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") || FileManager.default.isExecutableFile(atPath: "/sbin/runuser") else {
            return "skipped: runuser (util-linux) is not installed"
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        probe.arguments = ["-u", "nobody", "--", "unshare", "-Urn", "true"]
        probe.standardError = FileHandle.nullDevice
        probe.standardOutput = FileHandle.nullDevice
        do { try probe.run() } catch { return "skipped: runuser could not start: \(error)" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil
            : "skipped: unprivileged user namespaces are not allowed here (unshare -Urn fails for nobody)"
    }()

    /// Whether root may make a network namespace.
    static let rootNamespaceUnavailable: String? = {
        guard isRoot else { return "skipped: not root" }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-n", "true"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return "skipped: unshare is not installed" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "skipped: this container does not allow network namespaces"
    }()

    static func reportSkip(_ reason: String?) -> Bool {
        if let reason { print(reason) }
        return reason == nil
    }

    static let hostSysctlNames = ["tcp_fin_timeout", "tcp_tw_reuse", "tcp_tw_reuse_delay", "tcp_max_tw_buckets",
                                  "tcp_timestamps", "tcp_rfc1337", "ip_local_port_range"]

    static func hostSysctls() -> [String: String] {
        var values: [String: String] = [:]
        for name in hostSysctlNames {
            values[name] = (try? String(contentsOfFile: "/proc/sys/net/ipv4/" + name, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return values
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A copy of the built binary that the nobody user can execute. The build folder may sit under
    /// a private folder (a `mktemp -d` clone is mode 0700), so nobody may not reach the original.
    /// The copy lives in `/tmp/twlab-nobody-PID/`; folders left by earlier, finished runs are removed.
    static let nobodyExecutable: String = {
        let fm = FileManager.default
        let tmp = URL(fileURLWithPath: "/tmp")
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("twlab-nobody-") {
            if let pid = Int32(name.dropFirst("twlab-nobody-".count)), kill(pid, 0) != 0 {
                try? fm.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
        let dir = tmp.appendingPathComponent("twlab-nobody-\(getpid())")
        let copy = dir.appendingPathComponent("twlab")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try? fm.removeItem(at: copy)
            try fm.copyItem(at: TwlabBinary.url, to: copy)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            return copy.path
        } catch {
            return TwlabBinary.url.path
        }
    }()

    /// Runs twlab as nobody, from a copy nobody can execute.
    static func runAsNobody(_ arguments: [String]) throws -> TwlabBinary.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", Self.nobodyExecutable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TwlabBinary.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                  stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func listNamesEveryExperiment() throws {
        let result = try TwlabBinary.run(["lab", "list"])
        #expect(result.status == 0)
        for name in ["active-close", "passive-close", "linger-abort", "rebind", "port-exhaustion", "tw-reuse",
                     "fin-timeout", "max-tw-buckets"] {
            #expect(result.stdout.contains(name))
        }
    }

    @Test func anUnknownExperimentIsOneClearLine() throws {
        let result = try TwlabBinary.run(["lab", "run", "tw-recycle"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no experiment 'tw-recycle'"))
    }

    @Test(.enabled(if: reportSkip(rootNamespaceUnavailable)))
    func allExperimentsAsRootLeaveHostSysctlsAlone() throws {
        let before = Self.hostSysctls()
        for name in ["active-close", "passive-close", "linger-abort", "rebind", "port-exhaustion", "tw-reuse",
                     "fin-timeout", "max-tw-buckets"] {
            var arguments = ["lab", "run", name, "--json"]
            if name == "fin-timeout" { arguments += ["--set", "seconds=1"] }
            let result = try TwlabBinary.run(arguments, timeout: 30)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let report = try Self.json(result.stdout)
            #expect(report["isolation"] as? String == "network-namespace")
            #expect(report["sysctls"] is [String: Any])
            let steps = try #require(report["steps"] as? [[String: Any]])
            #expect(!steps.isEmpty && steps.allSatisfy { $0["text"] is String && $0["observed"] is [String: Any] })
        }
        #expect(Self.hostSysctls() == before)
    }

    @Test(.enabled(if: reportSkip(ordinaryUserUnavailable)))
    func anOrdinaryUserGetsAUserNamespace() throws {
        let before = Self.hostSysctls()
        let rebind = try Self.runAsNobody(["lab", "run", "rebind", "--json"])
        #expect(rebind.status == 0, "\(rebind.stderr)")
        let r = try Self.json(rebind.stdout)
        #expect(r["isolation"] as? String == "user-network-namespace")
        let findings = try #require(r["findings"] as? [String: Any])
        #expect(findings["without_reuseaddr"] as? String == "EADDRINUSE")  // fact #21
        #expect(findings["with_reuseaddr"] as? String == "OK")

        let exhaustion = try Self.runAsNobody(["lab", "run", "port-exhaustion", "--ports", "6", "--json"])
        #expect(exhaustion.status == 0, "\(exhaustion.stderr)")
        let e = try Self.json(exhaustion.stdout)
        let ef = try #require(e["findings"] as? [String: Any])
        #expect(ef["first_error"] as? String == "EADDRNOTAVAIL")  // fact #16, tw_reuse 0
        #expect(ef["connected"] as? Int == 6)
        #expect((e["sysctls"] as? [String: Any])?["ip_local_port_range"] as? String == "40000 40005")
        #expect(Self.hostSysctls() == before)
    }

    @Test(.enabled(if: reportSkip(rootNamespaceUnavailable)))
    func ctrlCStopsARunPromptlyAndCleanly() throws {
        let process = Process()
        process.executableURL = TwlabBinary.url
        process.arguments = ["lab", "run", "fin-timeout"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        usleep(1_200_000)
        let sentAt = Date()
        kill(process.processIdentifier, SIGINT)
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sentAt) < 1.5)
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: errData, as: UTF8.self).contains("stopped by Ctrl-C"))
    }

    @Test(.enabled(if: reportSkip(ordinaryUserUnavailable)))
    func ctrlCReachesTheNamespaceChild() throws {
        // The ordinary user's run has two processes: twlab and its namespace child. Interrupting twlab
        // must stop the child too, and nothing of it may remain.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Self.nobodyExecutable,
                             "lab", "run", "fin-timeout"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: setpriv (util-linux) is not installed")
            return
        }
        try process.run()
        usleep(1_500_000)
        kill(process.processIdentifier, SIGINT)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(errText)")
        #expect(errText.contains("stopped by Ctrl-C"))
        // No twlab process of nobody's is left behind.
        let left = try SocketsAgreesWithSSTests.capture("/usr/bin/pgrep", ["-u", "65534", "-f", "lab run fin-timeout"])
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}

extension LiveLabEndToEndTests {
    /// Where no namespace can be made (here: nobody, with the namespace child made impossible), a
    /// sysctl experiment refuses in one sentence naming the fix and the simulator scenario, and an
    /// experiment that changes nothing runs on the host's loopback and says so.
    @Test(.enabled(if: reportSkip(isRoot ? nil : "skipped: switching to the nobody user needs root")))
    func withoutNamespacesItExplainsAndFallsBack() throws {
        let noChild = ["env", "TWLAB_EXECUTABLE=/nonexistent", Self.nobodyExecutable]
        func asNobody(_ arguments: [String]) throws -> TwlabBinary.Output {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--"] + noChild + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: "/")
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return TwlabBinary.Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                      stderr: String(decoding: e, as: UTF8.self))
        }
        let refused = try asNobody(["lab", "run", "fin-timeout"])
        #expect(refused.status == 1)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(refused.stderr.contains("needs a private network namespace"))
        #expect(refused.stderr.contains("unprivileged_userns_clone"))
        #expect(refused.stderr.contains("sim orphan-fin-wait-2"))

        let fallback = try asNobody(["lab", "run", "linger-abort", "--json"])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        let report = try Self.json(fallback.stdout)
        #expect(report["isolation"] as? String == "host-loopback")
        #expect((report["notes"] as? [String])?.contains { $0.contains("No private network namespace") } == true)
        #expect((report["findings"] as? [String: Any])?["peer_errno"] as? String == "ECONNRESET")
    }

    @Test func watchRedrawsUntilCtrlC() throws {
        let process = Process()
        process.executableURL = TwlabBinary.url
        process.arguments = ["sockets", "--watch", "--every", "0.2", "--state", "listen"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(900_000)
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let frames = text.components(separatedBy: "q or Ctrl-C to stop").count - 1
        #expect(frames >= 3, "frames: \(frames)")
        #expect(!text.contains("\u{1B}[?1049h"), "no alternate screen when the output is not a terminal")
    }
}
