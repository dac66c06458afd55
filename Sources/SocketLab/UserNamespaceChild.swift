import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an experiment for an ordinary user: a new `twlab` process started by util-linux
/// `unshare --user --map-root-user --net`, so the process is single-threaded when the namespaces are
/// made. The child narrates on its standard error, one `LabLine` as JSON per line (see
/// `LabLine.childLine`), and prints its report as JSON on standard output.
enum UserNamespaceChild {
    /// The twlab executable to start: this process if it is twlab, or `$TWLAB_EXECUTABLE`.
    static func executable() -> String? {
        if let path = ProcessInfo.processInfo.environment["TWLAB_EXECUTABLE"], !path.isEmpty { return path }
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return (path as NSString).lastPathComponent == "twlab" ? path : nil
    }

    static func unshareTool() -> String? {
        ["/usr/bin/unshare", "/bin/unshare", "/usr/sbin/unshare"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ name: String, options: [String: String], pcapPath: String? = nil, log: (LabLine) -> Void,
                    shouldStop: () -> Bool) throws -> ExperimentReport {
        guard let twlab = executable() else {
            throw PrivateNetworkNamespace.Unavailable(reason: "an ordinary user needs the twlab executable to start the namespace child")
        }
        guard let unshare = unshareTool() else {
            throw PrivateNetworkNamespace.Unavailable(reason: "the unshare tool (util-linux) is not installed")
        }
        guard let host = PrivateNetworkNamespace.currentInode() else {
            throw PrivateNetworkNamespace.Unavailable(reason: "/proc/thread-self/ns/net is not readable")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unshare)
        var arguments = ["--user", "--map-root-user", "--net", "--", twlab, "lab", "run", name, "--json"]
        for (key, value) in options.sorted(by: { $0.key < $1.key }) { arguments += ["--set", "\(key)=\(value)"] }
        if let pcapPath { arguments += ["--pcap", pcapPath] }
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[ExperimentRunner.childEnvironmentKey] = String(host)
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PrivateNetworkNamespace.Unavailable(reason: "cannot start \(unshare): \(error.localizedDescription)")
        }
        var stdout: [UInt8] = []
        var pending: [UInt8] = []
        var lastLine = ""
        var stopped = false
        var open = [out.fileHandleForReading.fileDescriptor, err.fileHandleForReading.fileDescriptor]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            if !stopped && shouldStop() {
                stopped = true
                kill(process.processIdentifier, SIGINT)
            }
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 100)
            if ready <= 0 { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return read(descriptor.fd, base, raw.count)
                }
                if n <= 0 {
                    open.removeAll { $0 == descriptor.fd }
                    continue
                }
                if descriptor.fd == out.fileHandleForReading.fileDescriptor {
                    stdout.append(contentsOf: buffer[0..<n])
                } else {
                    pending.append(contentsOf: buffer[0..<n])
                    while let newline = pending.firstIndex(of: 10) {
                        let line = String(decoding: pending[..<newline], as: UTF8.self)
                        pending.removeSubrange(...newline)
                        if !line.isEmpty { lastLine = line }
                        if let lab = LabLine.decodeChildLine(line) { log(lab) }
                    }
                }
            }
        }
        process.waitUntilExit()
        if process.terminationStatus == 0,
           let report = try? JSONDecoder().decode(ExperimentReport.self, from: Data(stdout)) {
            return report
        }
        if lastLine.hasPrefix("unshare: ") {
            throw PrivateNetworkNamespace.Unavailable(reason: String(lastLine.dropFirst("unshare: ".count)))
        }
        let message = lastLine.hasPrefix("twlab: ") ? String(lastLine.dropFirst("twlab: ".count)) : lastLine
        throw ExperimentError(message.isEmpty ? "the experiment's namespace child failed with status \(process.terminationStatus)" : message,
                              interrupted: stopped)
    }
}
