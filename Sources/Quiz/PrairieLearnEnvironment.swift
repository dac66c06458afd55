import Foundation
import Lessons

/// PrairieLearn's external-grader layout: the student's files are in `/grade/student/`, and the results
/// go to `/grade/results/results.json`. `$TWLAB_PRAIRIELEARN_ROOT` moves `/grade` for tests.
public struct PrairieLearnEnvironment: Sendable {
    /// The grading root, normally `/grade`.
    public var root: URL

    /// The environment at `$TWLAB_PRAIRIELEARN_ROOT` or `/grade`, when that folder exists.
    public static func detect() -> PrairieLearnEnvironment? {
        let path = ProcessInfo.processInfo.environment["TWLAB_PRAIRIELEARN_ROOT"].flatMap { $0.isEmpty ? nil : $0 } ?? "/grade"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return PrairieLearnEnvironment(root: URL(fileURLWithPath: path))
    }

    /// Where results are written.
    public var resultsFile: URL { root.appendingPathComponent("results/results.json") }

    /// The YAML files the student submitted.
    public var submittedAnswersFiles: [SubmissionReader.Submitted] {
        SubmissionReader.expand([root.appendingPathComponent("student").path])
    }

    /// Writes the results, creating `results/` when needed.
    public func write(results: String) throws {
        try OutputFileWriter.write(Data(results.utf8), to: resultsFile, createFolders: true)
    }
}
