import Foundation

/// Runs the built `twlab` executable the way a user would, for end-to-end tests.
///
/// The binary is found beside the test bundle (`.build/debug/twlab`), or at `$TWLAB_BIN`.
struct TwlabBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (three levels above this file), so tests can name `Lessons/`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["TWLAB_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // The test bundle lives in .build/<triple>/debug/, beside the executable.
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("twlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/twlab")
    }

    /// Runs twlab with the arguments, feeding `stdin` (none when nil), in `directory` (the repository
    /// root by default), with extra environment variables. Waits at most `timeout` seconds.
    /// `stdinBytes`, when given, is fed instead of `stdin` (for input that is not valid UTF-8).
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, timeout: TimeInterval = 60, stdinBytes: Data? = nil,
                    executable: URL? = nil) throws -> Output {
        let input = stdinBytes ?? stdin.map { Data($0.utf8) }
        signal(SIGPIPE, SIG_IGN)  // a child that exits without reading its input must not kill the tests
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            // Write from another thread: a large input must not block while the child's output fills.
            let writer = inPipe.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        // Read both pipes fully before waiting, so a large output cannot block the child.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimeoutError(arguments: arguments, seconds: timeout)
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    struct TimeoutError: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: TimeInterval
        var description: String { "twlab \(arguments.joined(separator: " ")) ran past \(Int(seconds)) s" }
    }
}

extension TwlabBinary {
    /// Runs twlab with standard error sent to the same pipe as standard output, so the two keep their order.
    static func runMerged(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let result = try run(["-c", "exec \"$0\" \"$@\" 2>&1", url.path] + arguments, environment: environment,
                             executable: URL(fileURLWithPath: "/bin/sh"))
        return (result.status, result.stdout)
    }
}
