import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// What to do about the kernel's segments while an experiment runs.
public struct TraceOptions: Sendable {
    /// Capture the segments on `lo` (only ever inside the experiment's private namespace).
    public var capture: Bool
    /// Write the capture to this pcap file too.
    public var pcapPath: String?
    /// Where the matching scenarios are; with it the report gets a simulation trace and a verdict.
    public var scenarios: ScenarioLibrary?
    /// How far apart in time matching kernel and simulation segments may be.
    public var toleranceMs: Double

    /// Options for one run.
    public init(capture: Bool = true, pcapPath: String? = nil, scenarios: ScenarioLibrary? = nil,
                toleranceMs: Double = TraceComparison.defaultToleranceMs) {
        self.capture = capture; self.pcapPath = pcapPath; self.scenarios = scenarios; self.toleranceMs = toleranceMs
    }
}

extension ExperimentReport {
    /// This report with the matching scenario's trace and the verdict added, as `ExperimentRunner.run`
    /// adds them when given a scenario library: for a caller that ran the experiment through a service
    /// that did not know the scenarios (the presenter). A report that already has them is returned as is.
    public func comparedWithSimulation(scenarios: ScenarioLibrary,
                                       toleranceMs: Double = TraceComparison.defaultToleranceMs) -> ExperimentReport {
        guard simulationTrace == nil, agreement == nil else { return self }
        var report = self
        LabTrace.attachSimulation(to: &report, scenarios: scenarios, toleranceMs: toleranceMs)
        return report
    }
}

/// The kernel-trace steps of an experiment run: start and finish the capture, write the pcap,
/// simulate the matching scenario and compare.
enum LabTrace {
    /// Starts capturing when asked and possible; otherwise records why not.
    static func startCapture(_ options: TraceOptions, proof: PrivateNetworkNamespace.Proof?,
                             notes: inout [String]) -> LoopbackCapture? {
        guard options.capture || options.pcapPath != nil else { return nil }
        guard let proof else {
            notes.append("No kernel trace: this run used the host's loopback, and twlab captures only inside its own private network namespace.")
            return nil
        }
        do {
            return try LoopbackCapture.start(inside: proof)
        } catch {
            notes.append("No kernel trace: \(error).")
            return nil
        }
    }

    /// Stops the capture (after the last segments settle), writes the pcap file and returns the trace.
    static func finishCapture(_ capture: LoopbackCapture?, _ options: TraceOptions, serverPorts: Set<UInt16>,
                              puppetPackets: [CapturedPacket] = [], notes: inout [String], log: (LabLine) -> Void) throws -> PacketTrace? {
        if !puppetPackets.isEmpty {
            // A puppet-peer lab: its segments crossed the TUN device, not lo; the puppet recorded them.
            capture?.stop()
            notes.removeAll { $0.hasPrefix("No kernel trace") }
            notes.append("The kernel's segments were recorded on the TUN device between the kernel (192.0.2.1) and twlab's puppet peer (192.0.2.2).")
            try writePcap(puppetPackets, options, snapLength: 65_535, log: log)
            return PacketTrace(kernel: puppetPackets, serverPorts: serverPorts)
        }
        guard let capture else {
            if options.pcapPath != nil {
                throw ExperimentError("no pcap file was written: \(notes.last ?? "nothing was captured"); run twlab as root or allow user namespaces")
            }
            return nil
        }
        // Segments that the last close() set off (a final ACK, an RST) reach lo within a few ms.
        usleep(60_000)
        let packets = capture.stop()
        if capture.missed > 0 {
            notes.append("The capture kept the first \(capture.maximumPackets) packets; \(capture.missed) more were not kept.")
        }
        let trace = PacketTrace(kernel: packets, serverPorts: serverPorts)
        if options.pcapPath != nil {
            let kept = packets.filter { packet in
                guard let decoded = try? TCPPacket.decode(packet.bytes) else { return false }
                return serverPorts.isEmpty || serverPorts.contains(decoded.tcp.sourcePort) || serverPorts.contains(decoded.tcp.destinationPort)
            }
            try writePcap(kept, options, snapLength: UInt32(capture.snapLength), log: log)
        }
        return trace
    }

    static func writePcap(_ packets: [CapturedPacket], _ options: TraceOptions, snapLength: UInt32, log: (LabLine) -> Void) throws {
        guard let path = options.pcapPath else { return }
        do {
            try SafeFileWriter.write(PcapFile(packets: packets, snapLength: snapLength).bytes, to: path)
        } catch {
            throw ExperimentError("the experiment ran but its capture could not be written: \(error); choose another --pcap file")
        }
        log(.step("Wrote \(packets.count) packets to \(path) (read it with tcpdump -r \(path))."))
    }

    /// Runs the lab's scenario with its own profile (`linux` for all but no-time-wait-world), adds its
    /// trace and, when there is a kernel trace, the comparison. A kernel-only lab gets a note saying why.
    static func attachSimulation(to report: inout ExperimentReport, scenarios: ScenarioLibrary, toleranceMs: Double) {
        guard let name = ExperimentCatalog.traceScenario(of: report.name) else {
            let why = ExperimentCatalog.kernelOnlyReason(of: report.name) ?? "it has no matching scenario"
            report.traceNotes.append("Kernel-only lab: \(why).")
            return
        }
        var simulations = SimulationCache(scenarios: scenarios)
        let scenario: Scenario
        let simulation: PacketTrace
        do {
            (scenario, simulation) = try simulations.run(name)
        } catch {
            report.traceNotes.append("The matching scenario \(name) could not be loaded (\(error)); check the lessons folder (--lessons or TWLAB_LESSONS).")
            return
        }
        report.simulationTrace = simulation
        report.simulationProfile = scenario.profile.rawValue
        report.traceNotes.removeAll { $0.hasPrefix("Compared with the scenario") }
        let every = ExperimentCatalog.comparesEveryConnection(report.name)
        report.traceNotes.append("Compared with the scenario \(name) (profile \(scenario.profile.rawValue))\(every ? ", each captured connection against its one connection" : "").")
        guard var kernel = report.kernelTrace else { return }
        if let (count, reason) = ExperimentCatalog.comparedConnections(report.name) {
            let compared = Set(kernel.connections.prefix(count))
            kernel = PacketTrace(segments: kernel.segments.filter { compared.contains($0.connection) })
            report.traceNotes.append("Only connections 1–\(count) are compared: \(reason).")
        }
        guard every else {
            report.agreement = TraceComparison.compare(kernel: kernel, simulation: simulation, toleranceMs: toleranceMs)
            return
        }
        let sysctls = report.sysctls, lab = report.name
        var names: [Int: [String]] = [:]
        var unloadable: [String] = []
        let (agreement, matched) = TraceComparison.compareEach(kernel: kernel, toleranceMs: toleranceMs) { _, number in
            let candidates = ExperimentCatalog.candidateScenarios(of: lab, connection: number, sysctls: sysctls)
            names[number] = candidates
            return candidates.compactMap { candidate in
                do {
                    let trace = try simulations.run(candidate).trace
                    return trace.connections.first.map { trace.connection($0) } ?? []
                } catch {
                    unloadable.append(candidate)
                    return nil
                }
            }
        }
        report.agreement = agreement
        for missing in Set(unloadable).sorted() {
            report.traceNotes.append("The scenario \(missing) could not be loaded; check the lessons folder (--lessons or TWLAB_LESSONS).")
        }
        let byScenario = Dictionary(grouping: matched.keys.sorted()) { number in names[number].map { $0[matched[number]!] } ?? name }
        if byScenario.keys.contains(where: { $0 != name }) {
            let parts = byScenario.sorted { $0.value[0] < $1.value[0] }.map { "\($0.key) for \(ConnectionRanges.text($0.value))" }
            report.traceNotes.append("Scenarios matched: " + parts.joined(separator: "; ") + ".")
        }
    }
}

/// Each scenario a lab's comparison needs, loaded and run once.
struct SimulationCache {
    let scenarios: ScenarioLibrary
    var runs: [String: (Scenario, PacketTrace)] = [:]

    init(scenarios: ScenarioLibrary) { self.scenarios = scenarios }

    mutating func run(_ name: String) throws -> (scenario: Scenario, trace: PacketTrace) {
        if let done = runs[name] { return done }
        let scenario = try scenarios.load(name)
        let done = (scenario, PacketTrace(simulation: Simulator.run(scenario)))
        runs[name] = done
        return done
    }
}

/// Connection numbers as short ranges: `connection 2`, `connections 1, 3 and 4–10`.
enum ConnectionRanges {
    static func text(_ numbers: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for n in numbers.sorted() {
            if let last = runs.last, last.1 + 1 == n { runs[runs.count - 1].1 = n } else { runs.append((n, n)) }
        }
        let parts = runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts.first ?? ""
        return (numbers.count == 1 ? "connection " : "connections ") + list
    }
}
