import Lessons
import SocketLab
import Foundation
import TCPModel

/// Renders a socket table as text columns for a terminal, and the per-state counts.
public struct SocketTableText: Sendable {
    /// Whether to add a TIME_WAIT countdown bar to each row that has a time-wait timer.
    public var countdown: Bool

    public init(countdown: Bool = false) {
        self.countdown = countdown
    }

    /// The header and one line per socket. With `countdown`, a narrower layout for watching: state,
    /// endpoints, time left and a bar that empties over the 60 s of TIME_WAIT.
    public func lines(for table: SocketTable) -> [String] {
        var rows: [[String]]
        if countdown {
            rows = [["STATE", "LOCAL", "REMOTE", "TIMER", "LEFT", ""]]
            let bar = CountdownBar(width: 12)
            for e in table.entries {
                rows.append([
                    e.state.rawValue,
                    SocketEntry.endpointText(e.local, e.localPort),
                    SocketEntry.endpointText(e.remote, e.remotePort),
                    e.timer.rawValue,
                    e.timer == .none ? "-" : String(format: "%.1fs", Double(e.timerMilliseconds) / 1000),
                    e.timer == .timeWait ? bar.cells(e.timerMilliseconds) : "",
                ])
            }
        } else {
            rows = [["STATE", "LOCAL", "REMOTE", "TIMER", "LEFT", "RETR", "UID", "INODE", "SEND-Q", "RECV-Q"]]
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
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        var out: [String] = []
        for row in rows {
            var line = ""
            for (k, cell) in row.enumerated() {
                line += cell.padding(toLength: widths[k], withPad: " ", startingAt: 0)
                if k < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out.append(line)
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
