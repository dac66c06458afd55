import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `twlab lab run NAME --json --pcap FILE` as root and as an ordinary user: the report carries the
/// kernel's trace, the simulation's and the verdict, and tcpdump reads the pcap file back with
/// exactly the packets of the kernel trace.
@Suite(.serialized) struct LabTraceEndToEndTests {
    static let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path

    static let tcpdump: String? = ["/usr/bin/tcpdump", "/usr/sbin/tcpdump"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func needs(_ reason: String?) -> Bool {
        LiveLabEndToEndTests.reportSkip(reason ?? (tcpdump == nil ? "skipped: tcpdump is not installed (make deps installs it)" : nil))
    }

    /// A folder in /tmp that the nobody user may write to.
    static func sharedFolder() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/twlab-trace-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o1777)
        return url
    }

    static func packetLines(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tcpdump))
        process.arguments = ["-n", "-r", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: needs(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func rootGetsTracesAVerdictAndAPcapFile() throws {
        let folder = try Self.sharedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pcap = folder.appendingPathComponent("active-close.pcap").path
        let result = try TwlabBinary.run(["lab", "run", "active-close", "--json", "--pcap", pcap, "--lessons", Self.lessons], timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try LiveLabEndToEndTests.json(result.stdout)
        let kernel = try #require(report["kernel_trace"] as? [[String: Any]])
        let simulation = try #require(report["simulation_trace"] as? [[String: Any]])
        #expect(kernel.map { $0["flags"] as? String ?? "" } == ["SYN", "SYN|ACK", "ACK", "FIN|ACK", "ACK", "FIN|ACK", "ACK"])
        #expect(simulation.count == 7)
        for segment in kernel {
            for key in ["t_ms", "from", "to", "flags", "seq", "ack", "len", "tsval", "tsecr"] {
                #expect(segment[key] != nil, "kernel_trace segment lacks \(key)")
            }
        }
        let agreement = try #require(report["agreement"] as? [String: Any])
        #expect(agreement["agree"] as? Bool == true, "\(agreement)")
        #expect(agreement.keys.contains("first_difference"))
        let lines = try Self.packetLines(pcap)
        #expect(lines.count == kernel.count, "\(lines)")
        #expect(lines.first?.contains("Flags [S]") == true)
    }

    @Test(.enabled(if: needs(LiveLabEndToEndTests.ordinaryUserUnavailable)))
    func anOrdinaryUserCapturesInsideTheUserNamespace() throws {
        let folder = try Self.sharedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pcap = folder.appendingPathComponent("abort.pcap").path
        // The nobody user may not read the repository (a fresh clone can be mode 0700): give it a copy of
        // the scenarios in the shared folder.
        let lessons = folder.appendingPathComponent("Lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.lessons).appendingPathComponent("scenarios"),
                                         to: lessons.appendingPathComponent("scenarios"))
        chmod(lessons.path, 0o755)
        chmod(lessons.appendingPathComponent("scenarios").path, 0o755)
        let result = try LiveLabEndToEndTests.runAsNobody(["lab", "run", "linger-abort", "--json", "--pcap", pcap,
                                                           "--lessons", lessons.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try LiveLabEndToEndTests.json(result.stdout)
        #expect(report["isolation"] as? String == "user-network-namespace")
        let kernel = try #require(report["kernel_trace"] as? [[String: Any]])
        #expect(kernel.map { $0["flags"] as? String ?? "" } == ["SYN", "SYN|ACK", "ACK", "RST|ACK"])
        #expect((report["agreement"] as? [String: Any])?["agree"] as? Bool == true, "\(report["agreement"] ?? "none")")
        var info = stat()
        #expect(stat(pcap, &info) == 0 && info.st_uid == 65534, "the file belongs to the user who ran twlab")
        #expect(try Self.packetLines(pcap).count == 4)
    }

    @Test(.enabled(if: needs(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func theTextViewDrawsBothTracesAndTheVerdict() throws {
        let narrow = try TwlabBinary.run(["lab", "run", "linger-abort", "--lessons", Self.lessons], environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        let lines = narrow.stdout.split(separator: "\n").map(String.init)
        let kernelAt = try #require(lines.firstIndex(of: "kernel (captured on lo)"))
        let simulationAt = try #require(lines.firstIndex(of: "simulation (linux profile)"))
        #expect(simulationAt > kernelAt + 4, "at 80 columns the simulation is drawn below the kernel")
        #expect(lines.last == "kernel and simulation agree")
        #expect(lines.filter { $0.contains("RST|ACK 1 ack 1") }.count == 2)

        let wide = try TwlabBinary.run(["lab", "run", "linger-abort", "--lessons", Self.lessons], environment: ["COLUMNS": "120"])
        let header = wide.stdout.split(separator: "\n").first { $0.hasPrefix("kernel (captured on lo)") }
        #expect(header?.contains("simulation (linux profile)") == true, "at 120 columns they stand side by side")
    }

    @Test(.enabled(if: needs(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func aPcapPathThatCannotBeWrittenIsOneClearError() throws {
        let result = try TwlabBinary.run(["lab", "run", "linger-abort", "--pcap", "/nonexistent-folder/x.pcap"], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.contains("could not be written") && result.stderr.contains("choose another --pcap file"), "\(result.stderr)")
    }
}

extension LabTraceEndToEndTests {
    /// The shell's `lab` command draws the same view and writes the same pcap file.
    @Test(.enabled(if: needs(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func theShellDrawsTheTracesAndWritesThePcap() throws {
        let folder = try Self.sharedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pcap = folder.appendingPathComponent("shell.pcap").path
        let result = try TwlabBinary.run(["--lessons", Self.lessons], stdin: "lab linger-abort --yes --pcap \(pcap)\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("kernel (captured on lo)") && result.stdout.contains("kernel and simulation agree"))
        #expect(try Self.packetLines(pcap).count == 4)
    }
}
