import Foundation
import Lessons

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
    public var submittedAnswersFiles: [SubmissionReader.Submitted] {
        SubmissionReader.expand([root.appendingPathComponent("submission").path])
    }

    /// Writes the results, creating `results/` when needed (through the one safe writer).
    public func write(results: String) throws {
        try OutputFileWriter.write(Data(results.utf8), to: resultsFile, createFolders: true)
    }
}
