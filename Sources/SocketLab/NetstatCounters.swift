import Foundation

/// The TcpExt counters of /proc/net/netstat (for example `TCPTimeWaitOverflow`, `TWRecycled`).
public enum NetstatCounters {
    /// Reads every `TcpExt` counter from `path` (by default the calling thread's namespace).
    public static func tcpExt(path: String = "/proc/thread-self/net/netstat") -> [String: Int64] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        let lines = text.split(separator: "\n")
        var counters: [String: Int64] = [:]
        var index = 0
        while index + 1 < lines.count {
            let names = lines[index].split(separator: " ")
            let values = lines[index + 1].split(separator: " ")
            if names.first == "TcpExt:" && values.first == "TcpExt:" && names.count == values.count {
                for k in 1..<names.count { counters[String(names[k])] = Int64(values[k]) ?? 0 }
                break
            }
            index += 1
        }
        return counters
    }
}
