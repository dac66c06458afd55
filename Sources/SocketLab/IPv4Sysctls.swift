import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The net.ipv4 sysctls the experiments read and, inside a private network namespace only, change.
public enum IPv4Sysctls {
    /// The sysctls every experiment reports, in this order.
    public static let reported = [
        "tcp_fin_timeout", "tcp_tw_reuse", "tcp_tw_reuse_delay", "tcp_max_tw_buckets",
        "tcp_timestamps", "tcp_rfc1337", "ip_local_port_range",
    ]

    /// Where they live. /proc/sys/net follows the network namespace of the calling thread.
    public static let directory = "/proc/sys/net/ipv4"

    /// The value of one sysctl with whitespace squeezed (`32768 60999`), or nil when it does not exist.
    public static func read(_ name: String) -> String? {
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { return nil }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// All reported sysctls that exist.
    public static func readReported() -> [String: String] {
        var values: [String: String] = [:]
        for name in reported { if let value = read(name) { values[name] = value } }
        return values
    }

    /// Writes one sysctl. Only `PrivateNetworkNamespace` callers may use this: the caller passes the
    /// proof that the calling thread is in a namespace of its own.
    static func write(_ name: String, _ value: String, inside proof: PrivateNetworkNamespace.Proof) throws {
        guard proof.isCurrent else {
            throw ExperimentError("refusing to write net.ipv4.\(name): this thread is not in the experiment's private network namespace")
        }
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        if fd < 0 {
            throw ExperimentError("cannot open net.ipv4.\(name) for writing (\(String(cString: strerror(errno)))); this kernel may not have it")
        }
        defer { close(fd) }
        let bytes = Array((value + "\n").utf8)
        let n = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return Glibc.write(fd, base, raw.count)
        }
        if n != bytes.count {
            throw ExperimentError("cannot set net.ipv4.\(name) to \(value) (\(String(cString: strerror(errno))))")
        }
    }
}
