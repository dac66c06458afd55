import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs experiments, each in the safest place available: a private network namespace (root), a
/// user + network namespace in a child process (other users), or — only for experiments that change
/// no sysctl — the host's loopback.
public enum ExperimentRunner {
    /// Set in the environment of a child started by `UserNamespaceChild`: the host network
    /// namespace's inode, which the child checks it has left.
    public static let childEnvironmentKey = "TWLAB_LAB_CHILD_HOST_NETNS"

    /// Runs the named experiment. `log` receives each narrated line as it happens; `shouldStop` is polled
    /// and, once true, the experiment cleans up and throws.
    ///
    /// Options: experiment-specific numbers (`ports`, `delay`, `seconds`, `buckets`, `closes`), and
    /// `isolation=host` to run an experiment that changes no sysctl on the host's loopback.
    ///
    /// In a private namespace the kernel's segments are captured on `lo` (see `TraceOptions`); with a
    /// scenario library the matching scenario is simulated and compared with them.
    public static func run(_ name: String, options: [String: String] = [:], trace: TraceOptions = TraceOptions(),
                           log: (LabLine) -> Void = { _ in },
                           shouldStop: () -> Bool = { false }) throws -> ExperimentReport {
        guard let experiment = ExperimentCatalog.experiment(named: name) else {
            throw ExperimentError("there is no experiment '\(name)'; the experiments are: \(ExperimentCatalog.names.joined(separator: ", "))")
        }
        return try withoutActuallyEscaping(log) { log in
            try withoutActuallyEscaping(shouldStop) { shouldStop in
                var report = try dispatch(experiment, options: options, trace: trace, log: log, shouldStop: shouldStop)
                if let scenarios = trace.scenarios {
                    LabTrace.attachSimulation(to: &report, scenarios: scenarios, toleranceMs: trace.toleranceMs)
                }
                return report
            }
        }
    }

    private static func dispatch(_ experiment: any Experiment, options: [String: String], trace: TraceOptions,
                                 log: @escaping (LabLine) -> Void, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
        // Inside the child process that `unshare --user --net` started.
        if let hostText = ProcessInfo.processInfo.environment[childEnvironmentKey] {
            guard let host = UInt64(hostText) else { throw ExperimentError("\(childEnvironmentKey) is not a number") }
            let proof: PrivateNetworkNamespace.Proof
            do {
                proof = try PrivateNetworkNamespace.adopt(hostInode: host)
            } catch let failure as PrivateNetworkNamespace.Unavailable {
                throw ExperimentError("the private namespace could not be set up: \(failure.reason)")
            }
            return try perform(experiment, isolation: .userNetworkNamespace, proof: proof, options: options, trace: trace,
                               log: log, shouldStop: shouldStop)
        }
        if options["isolation"] == "host" {
            guard !experiment.changesSysctls else {
                throw ExperimentError("\(experiment.name) changes sysctls, so it never runs on the host; drop isolation=host")
            }
            return try perform(experiment, isolation: .hostLoopback, proof: nil, options: options, trace: trace, log: log, shouldStop: shouldStop)
        }
        var reasons: [String] = []
        do {
            let session = try PrivateNetworkNamespace.enter()
            defer { session.leave() }
            return try perform(experiment, isolation: .networkNamespace, proof: session.proof, options: options, trace: trace,
                               log: log, shouldStop: shouldStop)
        } catch let failure as PrivateNetworkNamespace.Unavailable {
            reasons.append(failure.reason)
        }
        if geteuid() != 0 {
            do {
                return try UserNamespaceChild.run(experiment.name, options: options, pcapPath: trace.pcapPath, log: log, shouldStop: shouldStop)
            } catch let failure as PrivateNetworkNamespace.Unavailable {
                reasons.append(failure.reason)
            }
        }
        let why = reasons.joined(separator: "; ")
        guard !experiment.changesSysctls else {
            throw ExperimentError(unavailableMessage(experiment, reason: why))
        }
        return try perform(experiment, isolation: .hostLoopback, proof: nil, options: options, trace: trace, log: log, shouldStop: shouldStop,
                           note: LabText("lab.runner.host-loopback", "No private network namespace ({0}); this ran on the host's loopback, which it leaves as it found it.", why))
    }

    /// The one sentence shown when a sysctl-changing experiment cannot get a namespace.
    static func unavailableMessage(_ experiment: any Experiment, reason: String) -> String {
        "\(experiment.name) changes sysctls and so needs a private network namespace, which this system does not allow (\(reason)); "
            + "run twlab as root, or enable unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1 "
            + "and user.max_user_namespaces above 0; on Ubuntu also kernel.apparmor_restrict_unprivileged_userns=0) — "
            + "meanwhile `\(experiment.simulatorAlternative)` shows the same in the simulator."
    }

    private static func perform(_ experiment: any Experiment, isolation: Isolation, proof: PrivateNetworkNamespace.Proof?,
                                options: [String: String], trace: TraceOptions, log: @escaping (LabLine) -> Void,
                                shouldStop: @escaping () -> Bool, note: LabText? = nil) throws -> ExperimentReport {
        let kernel = KernelRelease.current
        log(.heading(LabText("", "{0}: {1}", experiment.name, ExperimentCatalog.summaryText(of: experiment.name))))
        log(.heading(LabText(verbatim: "Linux \(kernel.text), \(isolation.rawValue)")))
        let lab = LabSession(isolation: isolation, proof: proof, options: options,
                             maximumSeconds: experiment.maximumSeconds, socketLimit: 2_100,
                             log: log, shouldStop: shouldStop)
        if let note { lab.note(note) }
        var traceNotes: [LabText] = []
        let capture = LabTrace.startCapture(trace, proof: proof, notes: &traceNotes)
        defer {
            lab.sockets.closeAll()
            capture?.stop()
        }
        let findings = try experiment.run(lab)
        lab.sockets.closeAll()
        let kernelTrace = try LabTrace.finishCapture(capture, trace, serverPorts: Set(lab.sockets.listeningPorts).union(lab.puppetServerPorts),
                                                     puppetPackets: lab.puppetPackets, notes: &traceNotes, log: log)
        if !kernel.isAtLeast(6, 14) && experiment.name == "tw-reuse" {
            lab.note(LabText("lab.runner.old-reuse-delay", "Before Linux 6.14 the reuse delay is a fixed rule of about one second, not the tcp_tw_reuse_delay sysctl."))
        }
        var report = ExperimentReport(name: experiment.name, isolation: isolation, findings: findings,
                                      steps: lab.observations.map(\.text), observations: lab.observations,
                                      sysctls: IPv4Sysctls.readReported(), kernel: kernel.text, notes: lab.notes)
        for (key, value) in findings.sorted(by: { $0.key < $1.key }) { log(.finding(key: key, value: value.display)) }
        report.findings = findings
        report.kernelTrace = kernelTrace
        report.traceTexts = traceNotes
        if options[LabWatch.option] != nil { LabWatch.run(log: log, shouldStop: shouldStop) }
        return report
    }
}
