import Foundation
import Testing
import TCPModel
@testable import SocketLab
#if canImport(Glibc)
import Glibc
#endif

/// Whether this process may make a network namespace (root, or CAP_SYS_ADMIN). Tests that need one
/// are skipped with this reason printed otherwise.
enum NamespaceSupport {
    static let reason: String? = {
        do {
            let session = try PrivateNetworkNamespace.enter()
            session.leave()
            return nil
        } catch {
            let why = "skipped: no private network namespace here (\(error)); run the tests as root"
            print(why)
            return why
        }
    }()
    static var available: Bool { reason == nil }
}

/// Each experiment runs for real and its findings are checked against the fact sheet
/// (/work/shared/reference/time-wait-facts.md). Serialized: they measure timers and counters.
@Suite(.serialized) struct ExperimentTests {
    func run(_ name: String, _ options: [String: String] = [:]) throws -> ExperimentReport {
        var lines: [LabLine] = []
        let report = try ExperimentRunner.run(name, options: options, log: { lines.append($0) })
        #expect(!lines.isEmpty, "an experiment narrates its steps")
        // Every report carries at least its catalogued finding keys, its isolation and its sysctls.
        for key in ExperimentCatalog.findingKeys[name] ?? [] { #expect(report.findings[key] != nil, "\(name) lacks \(key)") }
        #expect(report.sysctls["tcp_fin_timeout"] != nil)
        #expect(!report.kernel.isEmpty)
        #expect(report.observations.count == report.steps.count)
        return report
    }

    func number(_ report: ExperimentReport, _ key: String) -> Double { report.findings[key]?.number ?? .nan }

    @Test(.enabled(if: NamespaceSupport.available))
    func activeCloseLeavesTimeWaitOnTheClient() throws {
        let r = try run("active-close")
        #expect(r.isolation == .networkNamespace)
        // Fact #2: ESTAB → FIN-WAIT-2 (after the ACK of our FIN) → TIME-WAIT; the peer goes CLOSE-WAIT → gone.
        guard case .list(let client) = r.findings["client_states"], case .list(let server) = r.findings["server_states"] else {
            Issue.record("state lists missing"); return
        }
        #expect(client.first == "ESTABLISHED" && client.contains("FIN_WAIT_2") && client.last == "TIME_WAIT")
        #expect(server.first == "ESTABLISHED" && server.contains("CLOSE_WAIT") && server.last == "CLOSED")
        #expect(r.findings["time_wait_side"] == .text("client"))
        // Fact #13: TCP_TIMEWAIT_LEN is 60 s; a fresh TIME_WAIT reads just under it.
        #expect((58_000...60_000).contains(number(r, "timer_ms")))
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func passiveCloseLeavesTimeWaitOnTheServer() throws {
        let r = try run("passive-close")
        guard case .list(let client) = r.findings["client_states"], case .list(let server) = r.findings["server_states"] else {
            Issue.record("state lists missing"); return
        }
        #expect(server.contains("FIN_WAIT_2") && server.last == "TIME_WAIT")
        #expect(client.contains("CLOSE_WAIT") && client.last == "CLOSED")
        #expect(r.findings["time_wait_side"] == .text("server"))
        #expect((58_000...60_000).contains(number(r, "timer_ms")))
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func lingerZeroResetsWithoutTimeWait() throws {
        let r = try run("linger-abort")
        // Fact #22: RST, no FIN, no TIME_WAIT; the peer sees ECONNRESET.
        #expect(number(r, "time_wait_count") == 0)
        #expect(r.findings["peer_errno"] == .text("ECONNRESET"))
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func rebindNeedsReuseAddressOnBothSockets() throws {
        let r = try run("rebind")
        // Fact #21: EADDRINUSE without SO_REUSEADDR; works with it when the old listener had it too.
        #expect(r.findings["without_reuseaddr"] == .text("EADDRINUSE"))
        #expect(r.findings["with_reuseaddr"] == .text("OK"))
        #expect(r.findings["with_reuseaddr_old_listener_without"] == .text("EADDRINUSE"))
    }

    @Test func rebindRunsOnTheHostLoopbackToo() throws {
        let r = try run("rebind", ["isolation": "host"])
        #expect(r.isolation == .hostLoopback)
        #expect(r.findings["without_reuseaddr"] == .text("EADDRINUSE"))
        #expect(r.findings["with_reuseaddr"] == .text("OK"))
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func portExhaustionFailsWithEADDRNOTAVAIL() throws {
        let r = try run("port-exhaustion", ["ports": "10"])
        #expect(number(r, "ports") == 10)
        #expect(number(r, "connected") == 10)
        #expect(number(r, "time_wait_count") == 10)
        // Fact #16 table, tw_reuse 0: connect() → EADDRNOTAVAIL.
        #expect(r.findings["first_error"] == .text("EADDRNOTAVAIL"))
        #expect(r.sysctls["tcp_tw_reuse"] == "0")
        #expect(r.sysctls["ip_local_port_range"] == "40000 40009")
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func timeWaitReuseWaitsForTheDelay() throws {
        let r = try run("tw-reuse")
        // Fact #16: with tw_reuse 1 and a 1000 ms delay, EADDRNOTAVAIL now, OK after about 1.1 s.
        #expect(r.findings["immediate_error"] == .text("EADDRNOTAVAIL"))
        #expect((900...1_700).contains(number(r, "reuse_after_ms")))
        #expect(number(r, "tw_recycled_delta") >= 1)  // TcpExtTWRecycled increments on reuse.
    }

    @Test(.enabled(if: NamespaceSupport.available && KernelRelease.current.isAtLeast(6, 14)))
    func aShortReuseDelayReusesSooner() throws {
        let r = try run("tw-reuse", ["delay": "50"])
        // Fact #16: delay 50 ms → OK after about 80 ms, never before the delay. On a busy machine 50 ms
        // may already have passed by the "immediate" attempt, so that one may succeed — but not early.
        let after = number(r, "reuse_after_ms")
        #expect(after >= 45 && after <= 500)
        if r.findings["immediate_error"] != .text("OK") {
            #expect(r.findings["immediate_error"] == .text("EADDRNOTAVAIL"))
        }
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func finTimeoutShortensFinWait2NotTimeWait() throws {
        let r = try run("fin-timeout")
        // Fact #15: with fin_timeout 5 the orphan FIN_WAIT_2 goes after ≈5 s; TIME_WAIT still ≈60 s.
        #expect((4_500...7_000).contains(number(r, "fin_wait_2_gone_after_ms")))
        #expect((58_000...60_000).contains(number(r, "time_wait_timer_ms")))
        #expect((50_000...56_000).contains(number(r, "time_wait_left_when_fin_wait_2_gone_ms")))
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func maxTimeWaitBucketsCapsTheCount() throws {
        let r = try run("max-tw-buckets")
        // Fact #19: at the limit the socket closes without TIME_WAIT and TCPTimeWaitOverflow increments.
        #expect(number(r, "time_wait_count") == 3)
        #expect(number(r, "overflow_delta") == 10 - number(r, "time_wait_count"))
    }

    @Test func unknownExperimentNamesTheKnownOnes() {
        do {
            _ = try ExperimentRunner.run("tw-recycle")
            Issue.record("an unknown experiment ran")
        } catch let error as ExperimentError {
            #expect(error.message.contains("active-close"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func sysctlExperimentsRefuseTheHost() {
        #expect(throws: ExperimentError.self) { try ExperimentRunner.run("fin-timeout", options: ["isolation": "host"]) }
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func outOfRangeOptionsAreRefused() {
        #expect(throws: ExperimentError.self) { try ExperimentRunner.run("port-exhaustion", options: ["ports": "100000"]) }
    }

    @Test func catalogListsEveryExperimentWithSummaries() {
        #expect(ExperimentCatalog.names == ["active-close", "passive-close", "linger-abort", "rebind",
                                            "port-exhaustion", "tw-reuse", "fin-timeout", "max-tw-buckets",
                                            // The puppet-peer labs of issue 14, in its order of teaching.
                                            "lost-final-ack", "no-time-wait-world", "assassination", "old-syn",
                                            "wandering-duplicate", "lost-fin-retransmission"])
        for name in ExperimentCatalog.names {
            #expect(ExperimentCatalog.summary(of: name) != name)
            #expect(ExperimentCatalog.simulatorAlternative(of: name) != nil)
        }
    }

    @Test func reportJSONRoundTrips() throws {
        let report = ExperimentReport(name: "x", isolation: .userNetworkNamespace,
                                      findings: ["a": .number(60000), "b": .list(["X", "Y"]), "c": .flag(true), "d": .text("t")],
                                      steps: ["one"], observations: [ExperimentStep(text: "one", observed: ["k": "v"])],
                                      sysctls: ["tcp_tw_reuse": "2"], kernel: "6.18")
        let text = report.jsonText()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["isolation"] as? String == "user-network-namespace")
        #expect((object["findings"] as? [String: Any])?["a"] as? Int == 60000)
        let back = try JSONDecoder().decode(ExperimentReport.self, from: Data(text.utf8))
        #expect(back.findings == report.findings)
        #expect(back.observations == report.observations)
    }
}

extension ExperimentTests {
    @Test(.enabled(if: NamespaceSupport.available))
    func anOddPortRangeMayLoseOnePortToConnect() throws {
        // net/ipv4/inet_hashtables.c, __inet_hash_connect(): `if (likely(remaining > 1)) remaining &= ~1;`
        // — each connect() probes four of five ports, from a moving offset, so the fifth may be missed.
        let r = try run("port-exhaustion", ["ports": "5"])
        #expect((4...5).contains(number(r, "connected")))
        #expect(r.findings["first_error"] == .text("EADDRNOTAVAIL"))
        #expect(r.notes.contains { $0.contains("even number of ports") })
    }
}
