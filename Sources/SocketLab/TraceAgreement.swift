import Foundation

/// Whether a kernel trace and a simulation trace agree, and if not, the first difference in one line.
///
/// JSON: `{"agree": true, "first_difference": null, "tolerance_ms": 250, "connections_compared": 1}`.
public struct TraceAgreement: Sendable, Equatable, Codable {
    public var agree: Bool
    /// One sentence naming the first segment that differs, or nil when they agree.
    public var firstDifference: String?
    /// How far apart in time two matching segments may be (measured from their connection's first segment).
    public var toleranceMs: Double
    /// How many kernel connections were compared.
    public var connectionsCompared: Int

    /// A verdict.
    public init(agree: Bool, firstDifference: String?, toleranceMs: Double, connectionsCompared: Int) {
        self.agree = agree; self.firstDifference = firstDifference
        self.toleranceMs = toleranceMs; self.connectionsCompared = connectionsCompared
    }

    /// The one-line verdict the text view prints.
    public var verdict: String {
        agree ? "kernel and simulation agree" : "kernel and simulation differ: " + (firstDifference ?? "")
    }

    private enum CodingKeys: String, CodingKey {
        case agree, firstDifference = "first_difference", toleranceMs = "tolerance_ms", connectionsCompared = "connections_compared"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(agree: try c.decode(Bool.self, forKey: .agree),
                  firstDifference: try c.decodeIfPresent(String.self, forKey: .firstDifference),
                  toleranceMs: try c.decodeIfPresent(Double.self, forKey: .toleranceMs) ?? 0,
                  connectionsCompared: try c.decodeIfPresent(Int.self, forKey: .connectionsCompared) ?? 0)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agree, forKey: .agree)
        if let firstDifference { try c.encode(firstDifference, forKey: .firstDifference) } else { try c.encodeNil(forKey: .firstDifference) }
        try c.encode(toleranceMs, forKey: .toleranceMs)
        try c.encode(connectionsCompared, forKey: .connectionsCompared)
    }
}

/// Compares a kernel trace with a simulation trace: flags, direction, relative seq/ack, data length
/// and order must match segment for segment; times must match within a tolerance. Old duplicates
/// (`oldCopy`) are left out on both sides: the simulator makes them by delaying a segment, a puppet
/// peer by replaying one, and what is compared is how the endpoints answer them.
public enum TraceComparison {
    /// The default tolerance: the kernel's times include the experiment's own pacing (polling the
    /// socket table every 10 ms), which the simulation's `wait` lines only approximate.
    public static let defaultToleranceMs: Double = 250

    /// Compares connection by connection. With `everyConnectionAgainstFirst` each kernel connection is
    /// compared with the simulation's first (labs that repeat one close many times); otherwise kernel
    /// connection N with simulation connection N.
    public static func compare(kernel: PacketTrace, simulation: PacketTrace, toleranceMs: Double = defaultToleranceMs,
                               everyConnectionAgainstFirst: Bool = false) -> TraceAgreement {
        let simulated = simulation.connections
        if everyConnectionAgainstFirst {
            let first = simulated.first.map { simulation.connection($0) } ?? []
            return compareEach(kernel: kernel, toleranceMs: toleranceMs) { _, _ in [first] }.agreement
        }
        if !kernel.connections.isEmpty && kernel.connections.count != simulated.count {
            return TraceAgreement(agree: false,
                                  firstDifference: "the kernel made \(kernel.connections.count) connection(s), the simulation \(simulated.count)",
                                  toleranceMs: toleranceMs, connectionsCompared: 0)
        }
        return compareEach(kernel: kernel, toleranceMs: toleranceMs) { position, _ in
            [simulation.connection(simulated[position])]
        }.agreement
    }

    /// Compares each kernel connection with the candidate simulated connections `candidates(position,
    /// number)` returns (the same story told with other timings): a connection agrees when one
    /// candidate matches, and a difference is named against the first. Also returns, per kernel
    /// connection number, the index of the candidate it matched.
    public static func compareEach(kernel: PacketTrace, toleranceMs: Double = defaultToleranceMs,
                                   candidates: (_ position: Int, _ number: Int) -> [[TraceSegment]])
        -> (agreement: TraceAgreement, matched: [Int: Int]) {
        let kernelConnections = kernel.connections
        guard !kernelConnections.isEmpty else {
            return (TraceAgreement(agree: false, firstDifference: "the kernel trace is empty: nothing was captured",
                                   toleranceMs: toleranceMs, connectionsCompared: 0), [:])
        }
        var matched: [Int: Int] = [:]
        for (position, number) in kernelConnections.enumerated() {
            let ours = kernel.connection(number).filter { !$0.oldCopy }
            let options = candidates(position, number).map { $0.filter { !$0.oldCopy } }
            let differences = (options.isEmpty ? [[]] : options).map { firstDifference(ours, $0, toleranceMs: toleranceMs) }
            if let index = differences.firstIndex(where: { $0 == nil }) {
                matched[number] = index
                continue
            }
            let prefix = kernelConnections.count > 1 ? "connection \(number), " : ""
            return (TraceAgreement(agree: false, firstDifference: prefix + (differences.first.flatMap { $0 } ?? ""),
                                   toleranceMs: toleranceMs, connectionsCompared: position + 1), matched)
        }
        return (TraceAgreement(agree: true, firstDifference: nil, toleranceMs: toleranceMs,
                               connectionsCompared: kernelConnections.count), matched)
    }

    /// The first difference between two connections' segments (times relative to each connection's
    /// first segment), or nil when they agree.
    public static func firstDifference(_ kernel: [TraceSegment], _ simulation: [TraceSegment], toleranceMs: Double) -> String? {
        var k = 0, s = 0
        while k < kernel.count || s < simulation.count {
            let n = k + 1
            guard k < kernel.count else {
                return "segment \(n): the simulation sends \(simulation[s].summary), the kernel sent nothing more"
            }
            guard s < simulation.count else {
                return "segment \(n): the kernel sent \(kernel[k].summary), the simulation sends nothing more"
            }
            if !same(kernel[k], simulation[s]) {
                // Whether a closing side's FIN carries the ACK of the peer's FIN depends on whether its
                // application closed before the kernel's next timer tick (fact 33): timing, not behaviour.
                if carriedByNextFin(kernel, k, simulation[s]) { k += 1; continue }
                if carriedByNextFin(simulation, s, kernel[k]) { s += 1; continue }
                return "segment \(n): the kernel sent \(kernel[k].summary), the simulation \(simulation[s].summary)"
            }
            if abs(kernel[k].timeMs - simulation[s].timeMs) > toleranceMs {
                return "segment \(n) (\(kernel[k].summary)): the kernel sent it at \(milliseconds(kernel[k].timeMs)), the simulation at \(milliseconds(simulation[s].timeMs)), more than \(Int(toleranceMs)) ms apart"
            }
            k += 1
            s += 1
        }
        return nil
    }

    /// True when two segments match in direction, flags, relative seq/ack and length.
    static func same(_ a: TraceSegment, _ b: TraceSegment) -> Bool {
        a.from == b.from && a.flags == b.flags && a.seq == b.seq && a.length == b.length
            && (!a.flags.contains("ACK") || a.ack == b.ack)
    }

    /// True when `trace[index]` is a bare ACK whose side's next segment is a FIN|ACK with the same
    /// acknowledgement, and that FIN|ACK is what the other trace sent in its place (the FIN carried it).
    static func carriedByNextFin(_ trace: [TraceSegment], _ index: Int, _ other: TraceSegment) -> Bool {
        let ack = trace[index]
        guard ack.flags == "ACK", ack.length == 0, other.flags == "FIN|ACK", other.from == ack.from, other.ack == ack.ack,
              let next = trace[(index + 1)...].first(where: { $0.from == ack.from }) else { return false }
        return same(next, other)
    }

    static func milliseconds(_ value: Double) -> String {
        value < 1_000 ? "\(Int(value.rounded())) ms" : String(format: "%.3f s", value / 1_000)
    }
}
