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

    /// The id of the first user in `submission_metadata.json`, if it can be read: the id students
    /// and instructors both know, which is the one a student's paper is made for
    /// (`twlab quiz paper --student ID`). In order: the roster's student id `sid` (what the instructor
    /// typed or imported into the Gradescope roster), else the `email`, else Gradescope's own numeric
    /// `id` (which students never see). Empty values are skipped.
    public var studentID: String? {
        let url = root.appendingPathComponent("submission_metadata.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let users = object["users"] as? [[String: Any]], let first = users.first else { return nil }
        return Self.identity(of: first)
    }

    /// The order `studentID` follows: `sid`, then `email`, then `id`.
    public static let identityKeys = ["sid", "email", "id"]

    /// The first non-empty of `sid`, `email` and `id` in one user object.
    static func identity(of user: [String: Any]) -> String? {
        for key in identityKeys {
            if let text = user[key] as? String {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { return trimmed }
            } else if let number = user[key] as? NSNumber {
                return number.stringValue
            }
        }
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
