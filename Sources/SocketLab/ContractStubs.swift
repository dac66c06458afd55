// CONTRACT STUBS — the public surface other modules build against. The live-lab work replaces the
// bodies (and may move each type to its own file) but keeps these names and signatures.
import Foundation

/// One value an experiment found: a number, a word, a list of words or a yes/no.
public enum Finding: Sendable, Equatable, Codable {
    case number(Double)
    case text(String)
    case list([String])
    case flag(Bool)

    /// The value as a learner would type it: `60000`, `client`, `EADDRNOTAVAIL`, `FIN_WAIT_2 TIME_WAIT`, `yes`.
    public var display: String {
        switch self {
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .text(let s): return s
        case .list(let l): return l.joined(separator: " ")
        case .flag(let b): return b ? "yes" : "no"
        }
    }
}

/// How an experiment was isolated from the host.
public enum Isolation: String, Sendable, Codable {
    case hostLoopback = "host-loopback"
    case networkNamespace = "network-namespace"
    case userNetworkNamespace = "user-network-namespace"
}

/// What a finished experiment reports.
public struct ExperimentReport: Sendable {
    public var name: String
    public var isolation: Isolation
    public var findings: [String: Finding]
    /// The narrated steps, one line each, in order.
    public var steps: [String]
    public init(name: String, isolation: Isolation, findings: [String: Finding], steps: [String]) {
        self.name = name; self.isolation = isolation; self.findings = findings; self.steps = steps
    }
}

/// Why an experiment could not run, in one sentence that says what to do instead.
public struct ExperimentError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The fixed, named live experiments.
public enum ExperimentCatalog {
    /// Every experiment name, in teaching order.
    public static let names: [String] = [
        "active-close", "passive-close", "linger-abort", "rebind",
        "port-exhaustion", "tw-reuse", "fin-timeout", "max-tw-buckets",
    ]
    /// The finding keys each experiment reports.
    public static let findingKeys: [String: [String]] = [
        "active-close": ["client_states", "server_states", "time_wait_side", "timer_ms"],
        "passive-close": ["client_states", "server_states", "time_wait_side", "timer_ms"],
        "linger-abort": ["time_wait_count", "peer_errno"],
        "rebind": ["without_reuseaddr", "with_reuseaddr"],
        "port-exhaustion": ["ports", "connected", "time_wait_count", "first_error"],
        "tw-reuse": ["immediate_error", "reuse_after_ms"],
        "fin-timeout": ["fin_wait_2_gone_after_ms", "time_wait_timer_ms"],
        "max-tw-buckets": ["time_wait_count", "overflow_delta"],
    ]
    /// One line saying what the experiment shows.
    public static func summary(of name: String) -> String { name }
}

/// Runs experiments.
public enum ExperimentRunner {
    /// Runs the named experiment. `log` receives each narrated line as it happens; `shouldStop` is polled
    /// and, once true, the experiment cleans up and throws.
    public static func run(_ name: String, options: [String: String] = [:],
                           log: (String) -> Void = { _ in },
                           shouldStop: () -> Bool = { false }) throws -> ExperimentReport {
        throw ExperimentError("the live lab is not built yet")
    }
}
