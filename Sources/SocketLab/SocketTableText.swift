import Foundation
import TCPModel

/// Renders a socket table as text columns for a terminal, and the per-state counts.
public struct SocketTableText: Sendable {
    /// Whether to add a TIME_WAIT countdown bar to each row that has a time-wait timer.
    public var countdown: Bool

    public init(countdown: Bool = false) {
        self.countdown = countdown
    }

    /// The header and one line per socket.
    public func lines(for table: SocketTable) -> [String] {
        var rows: [[String]] = [["STATE", "LOCAL", "REMOTE", "TIMER", "LEFT", "RETR", "UID", "INODE", "SEND-Q", "RECV-Q"]]
        for e in table.entries {
            rows.append([
                e.state.rawValue,
                SocketEntry.endpointText(e.local, e.localPort),
                SocketEntry.endpointText(e.remote, e.remotePort),
                e.timer.rawValue,
                e.timer == .none ? "-" : String(format: "%.1fs", Double(e.timerMilliseconds) / 1000),
                String(e.retransmits), String(e.uid), String(e.inode), String(e.txQueue), String(e.rxQueue),
            ])
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        let bar = CountdownBar()
        var out: [String] = []
        for (index, row) in rows.enumerated() {
            var line = ""
            for (k, cell) in row.enumerated() {
                line += cell.padding(toLength: widths[k], withPad: " ", startingAt: 0)
                if k < row.count - 1 { line += "  " }
            }
            if countdown && index > 0 && table.entries[index - 1].timer == .timeWait {
                line += "  " + bar.render(table.entries[index - 1].timerMilliseconds)
            }
            out.append(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        return out
    }

    /// `STATE n` lines in the order of the state machine, then `total n`.
    public static func countLines(for table: SocketTable) -> [String] {
        let counts = table.counts
        var out: [String] = []
        for state in TCPState.allCases {
            if let n = counts[state] { out.append("\(state.rawValue) \(n)") }
        }
        out.append("total \(table.entries.count)")
        return out
    }
}
