import Foundation

/// Runs graphviz's `dot` to turn DOT text into SVG.
enum GraphvizRunner {
    /// Why no SVG came back, in words for the user.
    struct Problem: Error {
        var message: String
    }

    /// The first executable `dot` on `PATH`, if graphviz is installed.
    static func dotPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The SVG that `dot -Tsvg` makes of `source`, or why there is none.
    static func svg(fromDOT source: String) -> Result<String, Problem> {
        guard let path = dotPath() else {
            return .failure(Problem(message: "svg needs graphviz's 'dot', which is not installed here. Install graphviz (apt-get install graphviz), or write --format dot and convert it elsewhere with 'dot -Tsvg'."))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            return .failure(Problem(message: "cannot run \(path): \(error.localizedDescription)"))
        }
        let writer = input.fileHandleForWriting
        let data = Data(source.utf8)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        nonisolated(unsafe) var errorText = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errorText = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(Problem(message: "dot -Tsvg failed: " + String(decoding: errorText, as: UTF8.self)))
        }
        return .success(String(decoding: svg, as: UTF8.self))
    }
}
