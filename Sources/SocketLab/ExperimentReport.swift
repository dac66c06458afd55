import Foundation

/// What a finished experiment reports.
public struct ExperimentReport: Sendable, Codable {
    public var name: String
    public var isolation: Isolation
    public var findings: [String: Finding]
    /// The narrated steps, one line each, in order.
    public var steps: [String]
    /// The same steps with what was observed at each.
    public var observations: [ExperimentStep]
    /// The net.ipv4 sysctl values in force while the experiment ran (name without the `net.ipv4.` prefix).
    public var sysctls: [String: String]
    /// The kernel release (`uname -r`).
    public var kernel: String
    /// Remarks about kernel-dependent behaviour, one sentence each.
    public var notes: [String]
    /// The segments the kernel exchanged, captured on the namespace's `lo` (nil when not captured).
    public var kernelTrace: PacketTrace?
    /// The segments of the matching scenario, run with its own profile (`linux` for every lab but
    /// no-time-wait-world, which models its world with `no-time-wait`).
    public var simulationTrace: PacketTrace?
    /// The profile the simulation ran with.
    public var simulationProfile: String?
    /// Whether the two traces agree, and the first difference when they do not.
    public var agreement: TraceAgreement?
    /// The scenario compared with, or why the lab is kernel-only; and why there is no kernel trace:
    /// translatable sentences (the JSON form keeps their English text as `trace_notes`).
    public var traceTexts: [LabText] = []

    /// The trace notes in English; setting them makes verbatim texts.
    public var traceNotes: [String] {
        get { traceTexts.map(\.text) }
        set { traceTexts = newValue.map { LabText(verbatim: $0) } }
    }

    public init(name: String, isolation: Isolation, findings: [String: Finding], steps: [String],
                observations: [ExperimentStep] = [], sysctls: [String: String] = [:], kernel: String = "",
                notes: [String] = []) {
        self.name = name; self.isolation = isolation; self.findings = findings; self.steps = steps
        self.observations = observations; self.sysctls = sysctls; self.kernel = kernel; self.notes = notes
    }
}

extension ExperimentReport {
    private enum CodingKeys: String, CodingKey {
        case name = "experiment", kernel, isolation, sysctls, steps, findings, notes
        case kernelTrace = "kernel_trace", simulationTrace = "simulation_trace", agreement, traceNotes = "trace_notes"
        case simulationProfile = "simulation_profile"
    }

    /// Reads the JSON form written by `encode(to:)`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let observations = try c.decode([ExperimentStep].self, forKey: .steps)
        self.init(name: try c.decode(String.self, forKey: .name),
                  isolation: try c.decode(Isolation.self, forKey: .isolation),
                  findings: try c.decode([String: Finding].self, forKey: .findings),
                  steps: observations.map(\.text), observations: observations,
                  sysctls: try c.decodeIfPresent([String: String].self, forKey: .sysctls) ?? [:],
                  kernel: try c.decodeIfPresent(String.self, forKey: .kernel) ?? "",
                  notes: try c.decodeIfPresent([String].self, forKey: .notes) ?? [])
        kernelTrace = try c.decodeIfPresent(PacketTrace.self, forKey: .kernelTrace)
        simulationTrace = try c.decodeIfPresent(PacketTrace.self, forKey: .simulationTrace)
        simulationProfile = try c.decodeIfPresent(String.self, forKey: .simulationProfile)
        agreement = try c.decodeIfPresent(TraceAgreement.self, forKey: .agreement)
        traceNotes = try c.decodeIfPresent([String].self, forKey: .traceNotes) ?? []
    }

    /// Writes `{"experiment", "kernel", "isolation", "sysctls", "steps": [{"text", "observed"}],
    /// "findings", "notes"}`, and when traced `"kernel_trace"`, `"simulation_trace"`, `"agreement"` and
    /// `"trace_notes"`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kernel, forKey: .kernel)
        try c.encode(isolation, forKey: .isolation)
        try c.encode(sysctls, forKey: .sysctls)
        let stepsToWrite = observations.isEmpty ? steps.map { ExperimentStep(text: $0) } : observations
        try c.encode(stepsToWrite, forKey: .steps)
        try c.encode(findings, forKey: .findings)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(kernelTrace, forKey: .kernelTrace)
        try c.encodeIfPresent(simulationTrace, forKey: .simulationTrace)
        try c.encodeIfPresent(simulationProfile, forKey: .simulationProfile)
        try c.encodeIfPresent(agreement, forKey: .agreement)
        if !traceNotes.isEmpty { try c.encode(traceNotes, forKey: .traceNotes) }
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
