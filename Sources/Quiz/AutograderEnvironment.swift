import Foundation

/// Gradescope's autograder layout: `/autograder/submission/` holds the student's files,
/// `/autograder/submission_metadata.json` names the student, and the results go to
/// `/autograder/results/results.json`.
public struct AutograderEnvironment: Sendable {
    /// The autograder root, normally `/autograder` (`$TWLAB_AUTOGRADER_ROOT` overrides it for tests).
    public var root: URL

    /// The environment at `$TWLAB_AUTOGRADER_ROOT` or `/autograder`, when that folder exists.
    public static func detect() -> AutograderEnvironment? {
        let path = ProcessInfo.processInfo.environment["TWLAB_AUTOGRADER_ROOT"].flatMap { $0.isEmpty ? nil : $0 } ?? "/autograder"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return AutograderEnvironment(root: URL(fileURLWithPath: path))
    }

    /// Where results are written.
    public var resultsFile: URL { root.appendingPathComponent("results/results.json") }

    /// The id of the first user in `submission_metadata.json`, if it can be read.
    public var studentID: String? {
        let url = root.appendingPathComponent("submission_metadata.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let users = object["users"] as? [[String: Any]], let first = users.first else { return nil }
        if let id = first["id"] as? String { return id }
        if let id = first["id"] as? NSNumber { return id.stringValue }
        return nil
    }

    /// YAML files in `submission/`, sorted: the answers files when none is named on the command line.
    public var submittedAnswersFiles: [String] {
        let folder = root.appendingPathComponent("submission")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Writes the results, creating `results/` when needed.
    public func write(results: String) throws {
        try FileManager.default.createDirectory(at: resultsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(results.utf8).write(to: resultsFile, options: .atomic)
    }
}
