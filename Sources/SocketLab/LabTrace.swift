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
    /// The note of a puppet-peer lab, whose segments crossed a TUN device rather than `lo`.
    static let tunNote = LabText("lab.trace.tun", "The kernel's segments were recorded on the TUN device between the kernel (192.0.2.1) and twlab's puppet peer (192.0.2.2).")

    /// Starts capturing when asked and possible; otherwise records why not.
    static func startCapture(_ options: TraceOptions, proof: PrivateNetworkNamespace.Proof?,
                             notes: inout [LabText]) -> LoopbackCapture? {
        guard options.capture || options.pcapPath != nil else { return nil }
        guard let proof else {
            notes.append(LabText("lab.trace.host-loopback", "No kernel trace: this run used the host's loopback, and twlab captures only inside its own private network namespace."))
            return nil
        }
        do {
            return try LoopbackCapture.start(inside: proof)
        } catch {
            notes.append(LabText("lab.trace.no-capture", "No kernel trace: {0}.", "\(error)"))
            return nil
        }
    }

    /// Stops the capture (after the last segments settle), writes the pcap file and returns the trace.
    static func finishCapture(_ capture: LoopbackCapture?, _ options: TraceOptions, serverPorts: Set<UInt16>,
                              puppetPackets: [CapturedPacket] = [], notes: inout [LabText], log: (LabLine) -> Void) throws -> PacketTrace? {
        if !puppetPackets.isEmpty {
            // A puppet-peer lab: its segments crossed the TUN device, not lo; the puppet recorded them.
            capture?.stop()
            notes.removeAll { $0.text.hasPrefix("No kernel trace") }
            notes.append(LabTrace.tunNote)
            try writePcap(puppetPackets, options, snapLength: 65_535, log: log)
            return PacketTrace(kernel: puppetPackets, serverPorts: serverPorts)
        }
        guard let capture else {
            if options.pcapPath != nil {
                throw ExperimentError("no pcap file was written: \(notes.last?.text ?? "nothing was captured"); run twlab as root or allow user namespaces")
            }
            return nil
        }
        // Segments that the last close() set off (a final ACK, an RST) reach lo within a few ms.
        usleep(60_000)
        let packets = capture.stop()
        if capture.missed > 0 {
            notes.append(LabText("lab.trace.capture-full", "The capture kept the first {0} packets; {1} more were not kept.", capture.maximumPackets, capture.missed))
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
        log(.step(LabText("lab.trace.pcap-written", "Wrote {0} packets to {1} (read it with tcpdump -r {1}).", packets.count, path)))
    }

    /// Runs the lab's scenario with its own profile (`linux` for all but no-time-wait-world), adds its
    /// trace and, when there is a kernel trace, the comparison. A kernel-only lab gets a note saying why.
    static func attachSimulation(to report: inout ExperimentReport, scenarios: ScenarioLibrary, toleranceMs: Double) {
        guard let name = ExperimentCatalog.traceScenario(of: report.name) else {
            let why = ExperimentCatalog.experiment(named: report.name)?.kernelOnlyReason
                ?? LabText("lab.trace.no-scenario", "it has no matching scenario")
            report.traceTexts.append(LabText("lab.trace.kernel-only", "Kernel-only lab: {0}.", why))
            return
        }
        var simulations = SimulationCache(scenarios: scenarios)
        let scenario: Scenario
        let simulation: PacketTrace
        do {
            (scenario, simulation) = try simulations.run(name)
        } catch {
            report.traceTexts.append(LabText("lab.trace.scenario-unloadable", "The matching scenario {0} could not be loaded ({1}); check the lessons folder (--lessons or TWLAB_LESSONS).", name, "\(error)"))
            return
        }
        report.simulationTrace = simulation
        report.simulationProfile = scenario.profile.rawValue
        report.traceTexts.removeAll { $0.text.hasPrefix("Compared with the scenario") }
        let every = ExperimentCatalog.comparesEveryConnection(report.name)
        report.traceTexts.append(every
            ? LabText("lab.trace.compared-each", "Compared with the scenario {0} (profile {1}), each captured connection against its one connection.",
                      name, scenario.profile.rawValue)
            : LabText("lab.trace.compared", "Compared with the scenario {0} (profile {1}).", name, scenario.profile.rawValue))
        guard var kernel = report.kernelTrace else { return }
        if let (count, reason) = ExperimentCatalog.experiment(named: report.name)?.comparedConnections {
            let compared = Set(kernel.connections.prefix(count))
            kernel = PacketTrace(segments: kernel.segments.filter { compared.contains($0.connection) })
            report.traceTexts.append(LabText("lab.trace.only-first", "Only connections 1–{0} are compared: {1}.", count, reason))
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
            report.traceTexts.append(LabText("lab.trace.candidate-unloadable", "The scenario {0} could not be loaded; check the lessons folder (--lessons or TWLAB_LESSONS).", missing))
        }
        let byScenario = Dictionary(grouping: matched.keys.sorted()) { number in names[number].map { $0[matched[number]!] } ?? name }
        if byScenario.keys.contains(where: { $0 != name }) {
            let parts = byScenario.sorted { $0.value[0] < $1.value[0] }.map {
                LabText("lab.trace.matched-part", "{0} for {1}", $0.key, ConnectionRanges.text($0.value))
            }
            report.traceTexts.append(LabText("lab.trace.matched", "Scenarios matched: {0}.", ConnectionRanges.list(parts, and: "; ")))
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
    static func text(_ numbers: [Int]) -> LabText {
        var runs: [(Int, Int)] = []
        for n in numbers.sorted() {
            if let last = runs.last, last.1 + 1 == n { runs[runs.count - 1].1 = n } else { runs.append((n, n)) }
        }
        let parts = runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }
        if numbers.count == 1 { return LabText("lab.trace.connection", "connection {0}", parts.first ?? "") }
        guard parts.count > 1, let last = parts.last else { return LabText("lab.trace.connections", "connections {0}", parts.first ?? "") }
        return LabText("lab.trace.connections-and", "connections {0} and {1}", parts.dropLast().joined(separator: ", "), last)
    }

    /// The texts one after another, `separator` between them (a template with no key, so each text
    /// is still translated).
    static func list(_ texts: [LabText], and separator: String) -> LabText {
        let template = texts.indices.map { "{\($0)}" }.joined(separator: separator)
        var joined = LabText(verbatim: template)
        joined.arguments = texts
        return joined
    }
}
