import Foundation
import Testing
import TCPModel
@testable import SocketLab

/// Every lab runs with its capture on, and its kernel trace is compared with the simulator's `linux`
/// run of the matching scenario. Needs a private network namespace (root here; the ordinary-user path
/// through a user namespace is run end to end in twlabTests); skipped with the reason otherwise.
// Nested in ExperimentTests, so that these live suites run one test at a time together with the
// other live experiments (whose leak checks would otherwise see these suites' sockets).
extension ExperimentTests {
@Suite(.serialized) struct KernelTraceFidelityTests {
    static let scenarios = PacketTraceTests.scenarios

    /// Labs whose kernel trace differs from today's simulator, and why. Each difference must be the
    /// one named here; a lab that starts to agree passes and says so, so its entry can be removed.
    /// Empty: every lab with a matching scenario agrees with Linux 6.18 (the quick-ack tick, the
    /// passive-close scenario's timing, Linux's ACK check and its time-based retry limit are modelled;
    /// see LinuxAgreementTests and DelayedAckTests).
    static let knownDisagreements: [String: String] = [:]

    @Test(.enabled(if: NamespaceSupport.available), arguments: ExperimentCatalog.names)
    func theKernelTraceMatchesTheSimulation(lab: String) throws {
        let report = try ExperimentRunner.run(lab, trace: TraceOptions(scenarios: Self.scenarios))
        let kernel = try #require(report.kernelTrace, "no kernel trace: \(report.traceNotes)")
        // Every lab opens at least one connection, and each starts with the three-way handshake.
        for number in kernel.connections {
            let opening = kernel.connection(number).prefix(3).map(\.label)
            #expect(opening == ["SYN 0", "SYN|ACK 0 ack 1", "ACK 1 ack 1"], "\(lab) connection \(number): \(opening)")
        }
        #expect(ExperimentCatalog.traceScenario(of: lab) != nil || ExperimentCatalog.kernelOnlyReason(of: lab) != nil)
        guard ExperimentCatalog.traceScenario(of: lab) != nil else { return }
        let agreement = try #require(report.agreement, "\(lab): no verdict; notes: \(report.traceNotes)")
        print("fidelity \(lab): \(agreement.verdict)")
        if let expected = Self.knownDisagreements[lab] {
            if agreement.agree {
                print("fidelity \(lab): now agrees with the simulator; remove it from knownDisagreements")
            } else {
                #expect(agreement.firstDifference?.hasSuffix(expected) == true,
                        "\(lab): an unexpected difference: \(agreement.firstDifference ?? "")")
            }
        } else {
            #expect(agreement.agree, "\(lab): \(agreement.firstDifference ?? "")")
        }
    }

    @Test(.enabled(if: NamespaceSupport.available))
    func theCaptureSeesOnlyTheExperimentsPortsAndEachPacketOnce() throws {
        let report = try ExperimentRunner.run("active-close", trace: TraceOptions(scenarios: Self.scenarios))
        let kernel = try #require(report.kernelTrace)
        // Loopback hands AF_PACKET each packet twice (outgoing and incoming); a duplicate would show
        // as two identical segments in a row.
        #expect(kernel.segments.count == 7, "\(kernel.segments.map(\.label))")
        #expect(kernel.segments.last?.from == .client && kernel.segments.last?.flags == "ACK")
        #expect(kernel.segments.first?.tsval != nil, "Linux puts timestamps on its SYN")
    }

    @Test func onTheHostLoopbackNothingIsCaptured() throws {
        let report = try ExperimentRunner.run("linger-abort", options: ["isolation": "host"],
                                              trace: TraceOptions(scenarios: Self.scenarios))
        #expect(report.kernelTrace == nil)
        #expect(report.traceNotes.contains { $0.hasPrefix("No kernel trace: this run used the host's loopback") })
        #expect(report.simulationTrace != nil && report.agreement == nil)
    }

    @Test func theCaptureRefusesToStartOutsideAPrivateNamespace() {
        // A proof for the host's own namespace is never current, so the capture must refuse.
        let host = PrivateNetworkNamespace.currentInode() ?? 0
        let fake = PrivateNetworkNamespace.Proof(inode: host, hostInode: host)
        #expect(throws: LoopbackCapture.Unavailable.self) { try LoopbackCapture.start(inside: fake) }
    }
}
}
