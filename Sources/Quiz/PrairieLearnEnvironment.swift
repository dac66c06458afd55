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

    /// The paper this variant of the question was given (`params.paper` in `/grade/data/data.json`),
    /// which the kit's `server.py` draws from the instructor's pool of papers. PrairieLearn names no
    /// user to an external grader, but the variant's params come from the server, not the student, so
    /// the paper is the identity the answers are graded under. Nil for a question without one.
    public var paperID: String? {
        let url = root.appendingPathComponent("data/data.json")
        guard let data = FileManager.default.contents(atPath: url.path), data.count <= 16 << 20,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let params = object["params"] as? [String: Any],
              let paper = params["paper"] as? String, !paper.isEmpty else { return nil }
        return paper
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
