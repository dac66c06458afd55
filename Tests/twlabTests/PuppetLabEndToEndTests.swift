import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The puppet-peer labs (issue 14) run from the command line: as root, as an ordinary user (where
/// /dev/net/tun is open to them; otherwise the refusal must say why), and interrupted at random
/// moments, after which no TUN device, twlab process or host sysctl change may remain.
@Suite(.serialized) struct PuppetLabEndToEndTests {
    static let labs = ["lost-final-ack", "no-time-wait-world", "assassination", "old-syn", "wandering-duplicate",
                       "lost-fin-retransmission"]
    static let hostSysctlNames = LiveLabEndToEndTests.hostSysctlNames + ["tcp_orphan_retries"]

    static func hostSysctls() -> [String: String] {
        var values: [String: String] = [:]
        for name in hostSysctlNames {
            values[name] = (try? String(contentsOfFile: "/proc/sys/net/ipv4/" + name, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return values
    }

    static var hostHasTUNDevice: Bool { FileManager.default.fileExists(atPath: "/sys/class/net/twlab0") }

    @Test(.enabled(if: LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func everyPuppetLabRunsAsRootAndLeavesTheHostAlone() throws {
        let before = Self.hostSysctls()
        for name in Self.labs {
            var arguments = ["lab", "run", name, "--json"]
            if name == "lost-fin-retransmission" { arguments += ["--set", "retries=1"] }
            let result = try TwlabBinary.run(arguments, timeout: 60)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let report = try LiveLabEndToEndTests.json(result.stdout)
            #expect(report["isolation"] as? String == "network-namespace")
            let kernel = try #require(report["kernel_trace"] as? [[String: Any]], "\(name) has no kernel trace")
            #expect(kernel.first?["flags"] as? String == "SYN")
            #expect(report["agreement"] is [String: Any], "\(name) has a verdict")
        }
        #expect(Self.hostSysctls() == before)
        #expect(!Self.hostHasTUNDevice)
    }

    @Test(.enabled(if: LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.ordinaryUserUnavailable)))
    func anOrdinaryUserRunsThemOrIsToldWhyNot() throws {
        let result = try LiveLabEndToEndTests.runAsNobody(["lab", "run", "lost-final-ack", "--json"])
        if result.status == 0 {
            let report = try LiveLabEndToEndTests.json(result.stdout)
            #expect(report["isolation"] as? String == "user-network-namespace")
            #expect((report["findings"] as? [String: Any])?["reacked"] as? Bool == true)
        } else {
            // Here /dev/net/tun is often mode 0600 (root only): the refusal must name the device and the fix.
            print("ordinary user: the puppet labs need /dev/net/tun, which this system keeps for root")
            #expect(result.stderr.contains("/dev/net/tun") && result.stderr.contains("run twlab as root"), "\(result.stderr)")
        }
        #expect(!Self.hostHasTUNDevice)
    }

    /// Ctrl-C at 20 random moments of a puppet lab: each run ends (130, or 0 when it had finished),
    /// and afterwards no TUN device, no twlab process and no host sysctl change remains.
    @Test(.enabled(if: LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func ctrlCAtRandomMomentsLeavesNothing() throws {
        let before = Self.hostSysctls()
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for run in 0..<20 {
            let name = Self.labs[run % Self.labs.count]
            let process = Process()
            process.executableURL = TwlabBinary.url
            process.arguments = ["lab", "run", name]
            process.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            process.standardError = err
            try process.run()
            usleep(UInt32.random(in: 50_000...1_200_000, using: &generator))
            kill(process.processIdentifier, SIGINT)
            let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 130 || process.terminationStatus == 0, "\(name): \(errText)")
            if process.terminationStatus == 130 {
                interrupted += 1
                #expect(errText.contains("stopped by Ctrl-C"), "\(name): \(errText)")
            }
            #expect(kill(process.processIdentifier, 0) != 0, "the process is gone")
            #expect(!Self.hostHasTUNDevice)
        }
        #expect(interrupted >= 10, "most runs were interrupted (\(interrupted) of 20)")
        #expect(Self.hostSysctls() == before)
    }
}
