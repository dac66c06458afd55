import Foundation

/// One line of an experiment's narration, as a value: what happened, what was observed, a note about
/// the kernel, or the kernel's rows for the experiment's ports. The Rendering module turns these into
/// text that fits the terminal; a namespace child sends them to its parent as JSON.
public enum LabLine: Sendable, Codable, Equatable {
    /// The experiment's title line, or the kernel and isolation it runs on, translatable.
    case heading(LabText)
    /// A step the experiment took ("client: close()"), translatable.
    case step(LabText)
    /// A value observed after a step ("client state", "FIN_WAIT_2").
    case observed(key: String, value: String)
    /// A remark about kernel-dependent behaviour, translatable.
    case note(LabText)
    /// One finding of the report, by name.
    case finding(key: String, value: String)
    /// The kernel's sockets for the experiment's ports at this moment.
    case sockets([LabSocketRow])
}

/// One socket of the kernel's table, as an experiment shows it in its narration.
public struct LabSocketRow: Sendable, Codable, Equatable {
    /// The state name as `ss` prints it in upper case (`TIME_WAIT`).
    public var state: String
    /// `127.0.0.1:40555`.
    public var local: String
    /// `127.0.0.1:5000`.
    public var remote: String
    /// The pending timer.
    public var timer: KernelTimer
    /// Time left on the timer, in milliseconds.
    public var timerMilliseconds: Int
    /// True for an orphaned FIN_WAIT_2 that the kernel keeps as a timewait minisocket: its timer is
    /// `tcp_fin_timeout`, although the kernel reports it as a time-wait timer.
    public var isOrphanedFinWait2: Bool

    /// Makes a row from the kernel's entry.
    public init(_ entry: SocketEntry) {
        state = entry.state.rawValue
        local = SocketEntry.endpointText(entry.local, entry.localPort)
        remote = SocketEntry.endpointText(entry.remote, entry.remotePort)
        timer = entry.timer
        timerMilliseconds = entry.timerMilliseconds
        isOrphanedFinWait2 = entry.state == .finWait2 && entry.isMinisocket
    }
}

extension LabLine {
    /// The prefix of a narration line a namespace child writes on its standard error.
    static let childPrefix = "twlab-lab-line: "

    /// This line as the namespace child sends it to its parent: the prefix, then one line of JSON.
    public var childLine: String {
        guard let data = try? JSONEncoder().encode(self) else { return "" }
        return Self.childPrefix + String(decoding: data, as: UTF8.self)
    }

    /// The narration line a namespace child sent, or nil for any other line on its standard error.
    static func decodeChildLine(_ line: String) -> LabLine? {
        guard line.hasPrefix(childPrefix) else { return nil }
        return try? JSONDecoder().decode(LabLine.self, from: Data(line.dropFirst(childPrefix.count).utf8))
    }
}
