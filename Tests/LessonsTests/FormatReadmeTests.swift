import Foundation
import Testing
import TCPModel
@testable import Lessons

/// The complete example in `Lessons/README.md` must itself be a valid lesson, so instructors who
/// copy it start from something that passes lint.
@Suite("Format README example")
struct FormatReadmeTests {
    static let root = ShippedLessonsTests.root

    /// The text between the ````markdown fence and its closing ```` fence.
    static func example() throws -> String {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "````markdown\n"))
        let rest = readme[start.upperBound...]
        let end = try #require(rest.range(of: "\n````"))
        return String(rest[..<end.lowerBound]) + "\n"
    }

    @Test func theExampleParses() throws {
        let (lesson, diagnostics) = LessonParser.parse(text: try Self.example(), file: "example.md", language: "en")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let parsed = try #require(lesson)
        #expect(parsed.questions.count == 1)
        #expect(parsed.steps.count == 3)
    }

    @Test(.enabled(if: ShippedLessonsTests.simulatorAvailable, "the simulator (TCPModel) is not built on this branch yet"))
    func theExampleLintsCleanAndItsAnswerIsTheClient() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scenarios"),
                                         to: folder.appendingPathComponent("scenarios"))
        try Data(try Self.example().utf8).write(to: folder.appendingPathComponent("en/01-who-waits.md"))
        let report = Linter(experiments: [:]).lint([folder])
        #expect(report.errors.isEmpty, "\(report.errors.map(\.description))")
        let catalog = LessonCatalog.load(directory: folder)
        let question = try #require(catalog.question("who-waits/side"))
        let library = ScenarioLibrary(directory: folder.appendingPathComponent("scenarios"))
        // RFC 9293 §3.6: only the side that closes first enters TIME-WAIT; here the client closes first.
        #expect(try AnswerOracle.expected(for: question, parameters: [:], scenarios: library) == "client")
    }
}
