import SocketLab
import Foundation

/// Makes the frames of a socket watch: a title line with the time and filter, the table with a
/// countdown bar for each TIME_WAIT socket, and the counts.
public struct SocketWatch: Sendable {
    public var filter: SocketFilter
    public var intervalSeconds: Double

    public init(filter: SocketFilter, intervalSeconds: Double) {
        self.filter = filter
        self.intervalSeconds = intervalSeconds
    }

    /// One frame, read from the kernel now.
    public func frame(width: Int = 80, directory: String = SocketTable.hostDirectory) -> [String] {
        let header = "twlab sockets — every \(String(format: "%g", intervalSeconds)) s — q or Ctrl-C to stop"
        do {
            let table = try SocketTable.read(filter: filter, directory: directory)
            var lines = [header, ""]
            lines += SocketTableText(countdown: true).lines(for: table, width: width)
            lines.append("")
            lines.append(SocketTableText.countLines(for: table).joined(separator: ", "))
            if table.skippedLines > 0 { lines.append("(\(table.skippedLines) unreadable lines skipped)") }
            return lines.flatMap { TextWrapper.wrap($0, width: width) }
        } catch {
            return ([header, "", "\(error)"]).flatMap { TextWrapper.wrap($0, width: width) }
        }
    }
}
