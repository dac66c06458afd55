import TCPModel
import SocketLab
import Foundation

/// Renders a socket table as text columns for a terminal, and the per-state counts.
public struct SocketTableText: Sendable {
    /// Whether to add a TIME_WAIT countdown bar to each row that has a time-wait timer.
    public var countdown: Bool

    public init(countdown: Bool = false) {
        self.countdown = countdown
    }

    /// The header and one line per socket, fitting `width` columns: the least needed columns are left
    /// out first (inode, uid, queues, retransmits, the bar, the remote end), and a line that still does
    /// not fit is cut with `…`. With `countdown`, a layout for watching: state, endpoints, time left and
    /// a bar that empties over the 60 s of TIME_WAIT.
    public func lines(for table: SocketTable, width: Int = 1000) -> [String] {
        var columns = countdown
            ? ["STATE", "LOCAL", "REMOTE", "TIMER", "LEFT", ""]
            : ["STATE", "LOCAL", "REMOTE", "TIMER", "LEFT", "RETR", "UID", "INODE", "SEND-Q", "RECV-Q"]
        let dropOrder = ["INODE", "UID", "SEND-Q", "RECV-Q", "RETR", "", "REMOTE"]
        let rows = table.entries.map(cells)
        var layout = render(columns, rows)
        for name in dropOrder where !layout.allSatisfy({ DisplayWidth.of($0) <= width }) {
            columns.removeAll { $0 == name }
            layout = render(columns, rows)
        }
        return layout.map { Truncation.fit($0, width: width) }
    }

    private func cells(_ e: SocketEntry) -> [String: String] {
        let orphan = e.state == .finWait2 && e.isMinisocket
        return [
            "STATE": e.state.rawValue,
            "LOCAL": SocketEntry.endpointText(e.local, e.localPort),
            "REMOTE": SocketEntry.endpointText(e.remote, e.remotePort),
            "TIMER": orphan ? "fin-wait-2 (tcp_fin_timeout)" : e.timer.rawValue,
            "LEFT": e.timer == .none ? "-" : String(format: "%.1fs", Double(e.timerMilliseconds) / 1000),
            "RETR": String(e.retransmits), "UID": String(e.uid), "INODE": String(e.inode),
            "SEND-Q": String(e.txQueue), "RECV-Q": String(e.rxQueue),
            "": e.timer == .timeWait && !orphan ? CountdownBar(width: 12).cells(e.timerMilliseconds) : "",
        ]
    }

    private func render(_ columns: [String], _ rows: [[String: String]]) -> [String] {
        ColumnText.lines([columns] + rows.map { row in columns.map { row[$0] ?? "" } })
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
