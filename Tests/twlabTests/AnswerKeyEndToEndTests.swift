import Foundation
import Testing

/// A quiz with two accepted keys grades the second key right in `quiz grade` and lists both in lint's
/// answer listing (the shell's tutor is checked in Tests/TutorTests/AnswerPipelineTests.swift).
@Suite struct AnswerKeyEndToEndTests {
    static let lesson = """
        ---
        id: keys
        title: Keys
        summary: Two accepted answers.
        minutes: 5
        requires: []
        ---
        # Keys

        ## One state, two names

        ```quiz
        id: twice
        ask: Name the state after the last ACK (either spelling).
        type: text
        key: [waiting, time-wait]
        hints:
          - It waits.
        explain: Both names are accepted.
        ```
        """

    @Test func theSecondKeyIsRightInGradingAndListedByLint() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("en"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try Data(Self.lesson.utf8).write(to: root.appendingPathComponent("en/01-keys.md"))

        let lint = try TwlabBinary.run(["lint", root.path, "--answers"])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stdout.contains("keys/twice: waiting (also accepted: time-wait)"), "\(lint.stdout)")

        let answers = root.appendingPathComponent("answers.yaml")
        try Data("student: ada\nanswers:\n  keys/twice: time-wait\n".utf8).write(to: answers)
        let graded = try TwlabBinary.run(["quiz", "grade", answers.path, "--format", "json", "--lessons", root.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any], "\(graded.stdout) \(graded.stderr)")
        let questions = try #require(object["questions"] as? [[String: Any]])
        let twice = try #require(questions.first { $0["id"] as? String == "keys/twice" })
        #expect(twice["status"] as? String == "correct", "\(twice)")
    }
}
