import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// What an experiment works with while it runs: its sockets, narration, the kernel's table for its own
/// ports, sysctls (writable only inside a private namespace), options, and the stop flag.
public final class LabSession {
    /// Every socket the experiment opened; all are closed when the session ends.
    public let sockets: LoopbackSockets
    public let isolation: Isolation
    /// The experiment's options (`ports` → `10`).
    public let options: [String: String]
    private let log: (LabLine) -> Void
    private let shouldStop: () -> Bool
    private let proof: PrivateNetworkNamespace.Proof?
    private let started = DispatchTime.now()
    private let deadline: DispatchTime
    private(set) var observations: [ExperimentStep] = []
    /// Packets a puppet-peer lab exchanged on its TUN device, in order; used as its kernel trace.
    var puppetPackets: [CapturedPacket] = []
    /// The puppet's own ports (it plays the server), which a trace of `puppetPackets` keeps.
    var puppetServerPorts: Set<UInt16> = []
    private(set) var notes: [String] = []

    init(isolation: Isolation, proof: PrivateNetworkNamespace.Proof?, options: [String: String],
         maximumSeconds: Double, socketLimit: Int, log: @escaping (LabLine) -> Void, shouldStop: @escaping () -> Bool) {
        self.isolation = isolation
        self.proof = proof
        self.options = options
        self.log = log
        self.shouldStop = shouldStop
        self.sockets = LoopbackSockets(limit: socketLimit)
        self.deadline = started + .milliseconds(Int(maximumSeconds * 1000))
    }

    /// Milliseconds since the experiment started.
    public var elapsedMilliseconds: Int {
        Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
    }

    /// Milliseconds on a monotonic clock, for measuring intervals.
    public static func now() -> Int { Int(DispatchTime.now().uptimeNanoseconds / 1_000_000) }

    /// Narrates one step and records what was observed (the report keeps the English text).
    public func step(_ text: LabText, observed: [String: String] = [:]) {
        observations.append(ExperimentStep(text: text.text, observed: observed))
        log(.step(text))
        for key in observed.keys.sorted() {
            if let value = observed[key] { log(.observed(key: key, value: value)) }
        }
    }

    /// Adds a remark about kernel-dependent behaviour (the report keeps the English text).
    public func note(_ text: LabText) {
        notes.append(text.text)
        log(.note(text))
    }

    /// Throws when the user asked to stop or the experiment ran past its time cap.
    public func checkStop() throws {
        if shouldStop() { throw ExperimentError("stopped by Ctrl-C; every socket was closed", interrupted: true) }
        if DispatchTime.now() > deadline {
            throw ExperimentError("the experiment ran past its time limit and was stopped; every socket was closed")
        }
    }

    /// Waits, polling every `pollMilliseconds`, until `condition` holds or `timeoutMilliseconds` pass.
    /// Returns whether it held. A stop asked for before the wait is honoured even when the condition
    /// already holds, so Ctrl-C always ends an experiment at its next wait.
    public func waitUntil(timeoutMilliseconds: Int, pollMilliseconds: Int = 10, _ condition: () -> Bool) throws -> Bool {
        let end = LabSession.now() + timeoutMilliseconds
        while true {
            try checkStop()
            if condition() { return true }
            if LabSession.now() >= end { return false }
            usleep(useconds_t(pollMilliseconds * 1000))
        }
    }

    /// Sleeps for `milliseconds`, still answering Ctrl-C within a tenth of a second.
    public func pause(milliseconds: Int) throws {
        _ = try waitUntil(timeoutMilliseconds: milliseconds, pollMilliseconds: 50) { false }
    }

    /// The rows of the kernel's table (the calling thread's namespace) with `port` at either end.
    public func rows(port: UInt16) -> [SocketEntry] {
        (try? SocketTable.read(filter: SocketFilter(ports: [port]), directory: SocketTable.threadDirectory).entries) ?? []
    }

    /// The row whose local and remote ports are exactly these.
    public func row(local: UInt16, remote: UInt16) -> SocketEntry? {
        rows(port: local).first { $0.localPort == local && $0.remotePort == remote }
    }

    /// The state name of that row, or `CLOSED` when the kernel no longer lists it.
    public func stateName(local: UInt16, remote: UInt16) -> String {
        row(local: local, remote: remote)?.state.rawValue ?? TCPState.closed.rawValue
    }

    /// Narrates the kernel's rows for `port`, as `twlab sockets --port` would show them.
    public func showRows(port: UInt16) {
        log(.sockets(rows(port: port).map(LabSocketRow.init)))
    }

    /// An integer option within `range`, or `fallback` when not given.
    public func integerOption(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = options[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ExperimentError("option \(name)=\(text) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The proof that this session runs in a private namespace (nil on the host's loopback).
    var namespaceProof: PrivateNetworkNamespace.Proof? { proof }

    /// Sets a net.ipv4 sysctl — possible only inside the experiment's private network namespace.
    public func setSysctl(_ name: String, _ value: String) throws {
        guard let proof else {
            throw ExperimentError("refusing to change net.ipv4.\(name) outside a private network namespace")
        }
        try IPv4Sysctls.write(name, value, inside: proof)
    }

    /// The value of a net.ipv4 sysctl as this namespace sees it.
    public func sysctl(_ name: String) -> String? { IPv4Sysctls.read(name) }

    /// The TcpExt counters of this namespace.
    public func tcpExtCounters() -> [String: Int64] { NetstatCounters.tcpExt() }
}
