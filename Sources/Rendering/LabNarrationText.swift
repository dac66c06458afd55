import SocketLab
import Foundation

/// Turns an experiment's narration into terminal lines that fit a width: steps as they are, observed
/// values and notes indented under them, findings as `name = value`, and the kernel's rows as a small
/// table with a countdown bar for each socket that has a TIME_WAIT timer.
public struct LabNarrationText: Sendable {
    /// Columns to fit.
    public var width: Int

    /// Fits `width` columns (at least 20).
    public init(width: Int) { self.width = max(20, width) }

    /// The lines for one narration line.
    public func lines(for line: LabLine) -> [String] {
        switch line {
        case .heading(let text):
            return TextWrapper.wrap(UIText.text(text), width: width, hangingIndent: 2)
        case .step(let text):
            return TextWrapper.wrap(UIText.text(text), width: width, hangingIndent: 2)
        case .observed(let key, let value):
            return TextWrapper.wrap("    \(key): \(value)", width: width, hangingIndent: 2)
        case .note(let text):
            return TextWrapper.wrap(UIText.text("lab.note", UIText.text(text)), width: width, hangingIndent: 6)
        case .finding(let key, let value):
            var shown = UIText.text("lab.finding", key, value)
            if key.hasSuffix("_ms"), let ms = Double(value), ms.isFinite, ms >= 0, ms < 1e12 {
                shown += " (≈\(Int((ms / 1000).rounded())) s)"
            }
            var out = TextWrapper.wrap(shown, width: width, hangingIndent: 4)
            if key.lowercased().contains("tw_recycled") {
                out += TextWrapper.wrap("    " + UIText.text("lab.tw-recycled"), width: width, hangingIndent: 1)
            }
            return out
        case .sockets(let rows):
            return socketLines(rows)
        }
    }

    /// The kernel's rows, indented four columns; the remote endpoint and then the bar are dropped
    /// when the table would not fit.
    func socketLines(_ rows: [LabSocketRow]) -> [String] {
        if rows.isEmpty { return ["    " + UIText.text("lab.no-sockets")] }
        let bar = CountdownBar(width: 12)
        func table(withRemote: Bool, withBar: Bool) -> [[String]] {
            var out: [[String]] = [["STATE", "LOCAL"] + (withRemote ? ["REMOTE"] : []) + ["TIMER", "LEFT"] + (withBar ? [""] : [])]
            for row in rows {
                var cells = [row.state, row.local]
                if withRemote { cells.append(row.remote) }
                cells.append(row.isOrphanedFinWait2 ? "fin-wait-2 (tcp_fin_timeout)" : row.timer.rawValue)
                cells.append(row.timer == .none ? "-" : SecondsText.tenths(row.timerMilliseconds))
                if withBar { cells.append(row.timer == .timeWait && !row.isOrphanedFinWait2 ? bar.cells(row.timerMilliseconds) : "") }
                out.append(cells)
            }
            return out
        }
        for (remote, withBar) in [(true, true), (false, true), (true, false), (false, false)] {
            let text = ColumnText.lines(table(withRemote: remote, withBar: withBar), indent: 4)
            if text.allSatisfy({ DisplayWidth.of($0) <= width }) { return text + orphanNote(rows) }
        }
        return ColumnText.lines(table(withRemote: false, withBar: false), indent: 4).map { Truncation.fit($0, width: width) }
            + orphanNote(rows)
    }

    private func orphanNote(_ rows: [LabSocketRow]) -> [String] {
        guard rows.contains(where: \.isOrphanedFinWait2) else { return [] }
        return TextWrapper.wrap("    " + UIText.text("lab.orphan-fin-wait-2"), width: width, hangingIndent: 1)
    }
}
