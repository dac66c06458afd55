import Testing
import TCPModel
import SocketLab
@testable import Rendering

/// The kernel-beside-simulation view of a lab report: layout by width, marks on differing segments,
/// the verdict, and nothing to draw without a kernel trace.
@Suite struct TraceDiagramTextTests {
    static func segment(_ t: Double, _ from: EndpointRole, _ flags: String, _ seq: UInt32, _ ack: UInt32) -> TraceSegment {
        TraceSegment(timeMs: t, from: from, flags: flags, seq: seq, ack: ack, length: 0)
    }

    static let handshake = [segment(0, .client, "SYN", 0, 0), segment(0.1, .server, "SYN|ACK", 0, 1), segment(0.2, .client, "ACK", 1, 1)]

    static func report(kernel: [TraceSegment]?, simulation: [TraceSegment]) -> ExperimentReport {
        var report = ExperimentReport(name: "linger-abort", isolation: .networkNamespace, findings: [:], steps: [])
        report.kernelTrace = kernel.map { PacketTrace(segments: $0) }
        report.simulationTrace = PacketTrace(segments: simulation)
        report.simulationProfile = "linux"
        if let kernel {
            report.agreement = TraceComparison.compare(kernel: PacketTrace(segments: kernel), simulation: PacketTrace(segments: simulation))
        }
        return report
    }

    @Test func narrowWidthsStackTheDiagramsAndWideOnesSetThemSideBySide() {
        let trace = Self.handshake + [Self.segment(20, .client, "RST|ACK", 1, 1)]
        let narrow = TraceDiagramText(width: 80).lines(for: Self.report(kernel: trace, simulation: trace))
        let kernelAt = narrow.firstIndex(of: "kernel (captured on lo)") ?? -1
        let simulationAt = narrow.firstIndex(of: "simulation (linux profile)") ?? -1
        #expect(kernelAt == 0 && simulationAt > kernelAt + trace.count)
        #expect(narrow.last == "kernel and simulation agree")
        #expect(narrow.allSatisfy { $0.count <= 80 })
        #expect(!narrow.joined().contains("≠"))

        let wide = TraceDiagramText(width: 120).lines(for: Self.report(kernel: trace, simulation: trace))
        #expect(wide.first?.hasPrefix("kernel (captured on lo)") == true && wide.first?.contains("simulation (linux profile)") == true)
        #expect(wide.contains { $0.contains("RST|ACK 1 ack 1") && $0.components(separatedBy: "RST|ACK").count == 3 })
    }

    @Test func differingSegmentsAreMarkedAndTheFirstIsNamed() {
        let kernel = Self.handshake + [Self.segment(20, .client, "FIN|ACK", 1, 1), Self.segment(21, .server, "FIN|ACK", 1, 2)]
        let simulation = Self.handshake + [Self.segment(15, .client, "FIN|ACK", 1, 1), Self.segment(20, .server, "ACK", 1, 2)]
        let lines = TraceDiagramText(width: 80).lines(for: Self.report(kernel: kernel, simulation: simulation))
        #expect(lines.filter { $0.hasSuffix("≠") }.count == 2, "the kernel's FIN|ACK and the simulation's ACK")
        // The verdict is one sentence, wrapped to the width with a hanging indent.
        #expect(lines.suffix(2) == ["kernel and simulation differ: segment 5: the kernel sent server→client FIN|ACK",
                                    "  seq 1 ack 2, the simulation server→client ACK seq 1 ack 2"])
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func withoutAKernelTraceOnlyTheNotesRemain() {
        var report = Self.report(kernel: nil, simulation: Self.handshake)
        report.traceNotes = ["No kernel trace: this run used the host's loopback.", "Compared with the scenario abort (profile linux)."]
        #expect(TraceDiagramText(width: 80).lines(for: report) == ["No kernel trace: this run used the host's loopback."])
    }
}
