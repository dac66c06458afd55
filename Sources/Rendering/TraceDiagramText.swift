import Foundation
import SocketLab

/// Draws a lab's kernel trace and its simulation trace as two small sequence diagrams, side by side
/// when the width allows and one below the other otherwise, with segments that differ marked `≠` and
/// the one-line verdict last. (Trace → diagram glue; the simulator's own diagram is `SequenceDiagram`.)
public struct TraceDiagramText: Sendable {
    /// Columns available.
    public var width: Int
    /// The most connections drawn per trace; the rest are counted in one line.
    public var maximumConnections: Int

    /// The width of one diagram column when there is room for it (44 by default; the presenter
    /// narrows it so that the kernel and the simulation stand side by side in 80 columns).
    public var preferredColumnWidth: Int

    /// A renderer for `width` columns.
    public init(width: Int = 80, maximumConnections: Int = 2, preferredColumnWidth: Int = TraceDiagramText.columnWidth) {
        self.width = width
        self.maximumConnections = maximumConnections
        self.preferredColumnWidth = preferredColumnWidth
    }

    /// The usual width of one diagram column.
    public static let columnWidth = 44
    static let timeWidth = 9

    /// The lines of the whole view for one report; empty when the report has no trace at all.
    public func lines(for report: ExperimentReport) -> [String] {
        // Without a kernel trace (the host's loopback, or no capture) there is nothing to set side by side.
        guard let kernel = report.kernelTrace else { return wrapped(notes(of: report)) }
        let every = ExperimentCatalog.comparesEveryConnection(report.name)
        let simulation = report.simulationTrace
        let differing = simulation.map { Self.differingIndexes(kernel: kernel, simulation: $0, every: every,
                                                                 toleranceMs: report.agreement?.toleranceMs ?? TraceComparison.defaultToleranceMs) }
            ?? ([:], [:])
        let onTun = report.traceNotes.contains { $0.contains("TUN device") }
        let left = column(title: UIText.text(onTun ? "trace.kernel.tun" : "trace.kernel.lo"), trace: kernel, marks: differing.0)
        var out: [String] = []
        if let simulation {
            let right = column(title: UIText.text("trace.simulation", report.simulationProfile ?? "linux"), trace: simulation, marks: differing.1)
            if width >= 2 * columnWidth + 2 {
                for index in 0..<max(left.count, right.count) {
                    let l = index < left.count ? left[index] : ""
                    let r = index < right.count ? right[index] : ""
                    out.append(Self.pad(l, columnWidth) + "  " + r)
                }
            } else {
                out += left + [""] + right
            }
        } else {
            out += left
        }
        out = out.map { Self.trimRight($0) }
        out += wrapped(notes(of: report))
        if let agreement = report.agreement {
            out += wrapped([agreement.agree ? UIText.text("trace.agree") : UIText.text("trace.differ", agreement.firstDifference ?? "")])
        }
        return out
    }

    /// The report's trace notes in the interface language, but for the scenario compared with, which
    /// the simulation column's title already names.
    func notes(of report: ExperimentReport) -> [String] {
        report.traceTexts.filter { !$0.text.hasPrefix("Compared with") }.map { UIText.text($0) }
    }

    /// Sentences wrapped to the width, later lines indented by two.
    func wrapped(_ sentences: [String]) -> [String] {
        sentences.flatMap { TextWrapper.wrap($0, width: max(20, width), hangingIndent: 2) }
    }

    /// The width of one diagram column: the preferred width (44), or the whole width when that is less.
    var columnWidth: Int { max(24, min(preferredColumnWidth, width)) }

    /// Indexes (connection → segment positions) that differ, for the kernel and the simulation.
    static func differingIndexes(kernel: PacketTrace, simulation: PacketTrace, every: Bool,
                                 toleranceMs: Double) -> ([Int: Set<Int>], [Int: Set<Int>]) {
        var kernelMarks: [Int: Set<Int>] = [:], simulationMarks: [Int: Set<Int>] = [:]
        let simulated = simulation.connections
        for (position, number) in kernel.connections.enumerated() {
            guard let other = every ? simulated.first : (position < simulated.count ? simulated[position] : nil) else { continue }
            // Old copies are not compared (see TraceComparison); positions map back to the full lists.
            let kAll = kernel.connection(number), sAll = simulation.connection(other)
            let k = kAll.indices.filter { !kAll[$0].oldCopy }, s = sAll.indices.filter { !sAll[$0].oldCopy }
            for index in 0..<max(k.count, s.count) {
                let differs = index >= k.count || index >= s.count
                    || TraceComparison.firstDifference([kAll[k[index]]], [sAll[s[index]]], toleranceMs: toleranceMs) != nil
                if differs {
                    if index < k.count { kernelMarks[number, default: []].insert(k[index]) }
                    if index < s.count { simulationMarks[other, default: []].insert(s[index]) }
                }
            }
        }
        return (kernelMarks, simulationMarks)
    }

    /// One trace as a diagram column of `columnWidth` characters.
    func column(title: String, trace: PacketTrace, marks: [Int: Set<Int>]) -> [String] {
        let w = columnWidth, t = Self.timeWidth
        var lines = [title, Self.pad("", t) + Self.pad("client", w - t - 6) + "server"]
        let connections = trace.connections
        for (position, number) in connections.enumerated() {
            if position == maximumConnections {
                let rest = connections.count - position
                let segments = trace.segments.filter { $0.connection > connections[position - 1] }.count
                lines += TextWrapper.wrap(UIText.text("trace.more", String(rest), String(segments)), width: w, hangingIndent: 2)
                break
            }
            if connections.count > 1 { lines.append(UIText.text("trace.connection", String(number))) }
            for (index, segment) in trace.connection(number).enumerated() {
                let mark = marks[number]?.contains(index) == true ? "≠" : " "
                lines.append(Self.pad(Self.time(segment.timeMs), t) + Self.arrow(segment, width: w - t - 1) + mark)
            }
        }
        if connections.isEmpty { lines.append(UIText.text("trace.no-segments")) }
        return lines
    }

    static func arrow(_ segment: TraceSegment, width: Int) -> String {
        let label = " " + segment.label + (segment.oldCopy ? " (old copy)" : "") + " "
        let body = label.count > width - 3 ? String(label.prefix(width - 4)) + "…" : label
        let dashes = max(2, width - 1 - body.count)
        let head = dashes / 2, tail = dashes - head
        let line = String(repeating: "─", count: head) + body + String(repeating: "─", count: tail)
        return segment.from.rawValue == "client" ? line + "▶" : "◀" + line
    }

    static func time(_ ms: Double) -> String {
        if ms < 1_000 { return ms < 10 ? String(format: "%.1fms", ms) : "\(Int(ms.rounded()))ms" }
        return String(format: "%.3fs", ms / 1_000)
    }

    /// `text` padded with spaces to `count` display columns (a Chinese character takes two).
    static func pad(_ text: String, _ count: Int) -> String {
        let columns = DisplayWidth.of(text)
        return columns >= count ? text : text + String(repeating: " ", count: count - columns)
    }

    static func trimRight(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }
}
