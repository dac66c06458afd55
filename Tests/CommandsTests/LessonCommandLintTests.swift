import Foundation
import Testing
import Lessons
@testable import Commands

/// Issue 12 §5: every command a lesson tells the learner to type parses as the shell parses it.
@Suite struct LessonCommandLintTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons")

    @Test func theShippedLessonsOnlyTellLearnersCommandsThatParse() {
        let report = Linter(experiments: [:], commands: LessonCommandVocabulary.catalog).lint([Self.lessons])
        let commandErrors = report.errors.filter { $0.message.contains("does not work as written") }
        #expect(commandErrors.isEmpty, "\(commandErrors.map(\.description))")
    }

    @Test func aBrokenCommandInProseOrAHintIsCaughtAndOthersAreNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-commands-\(UUID().uuidString)")
        let file = root.appendingPathComponent("en/01-a.md")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("""
        ---
        id: a
        title: T
        summary: S
        minutes: 5
        requires: []
        ---
        ## Step

        Try `sim active-close --profle rfc9293`, then `sim active-close --profile rfc9293`,
        and in a system shell `$ ss -tan`. Words such as `close()` are not commands.

        ```text
        `sim --nonsense` inside a fenced block is an example, not an instruction
        ```

        ```quiz
        id: q
        ask: How many segments does a normal close take?
        type: number
        key: "4"
        hints: ["Type `lab nonexistent-experiment --wat` to see."]
        explain: FIN, ACK, FIN, ACK.
        ```
        """.utf8).write(to: file)
        let report = Linter(experiments: [:], commands: LessonCommandVocabulary.catalog).lint([root])
        let found = report.errors.map(\.description).filter { $0.contains("does not work as written") }
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.contains("`sim active-close --profle rfc9293`") })
        #expect(found.contains { $0.contains("`lab nonexistent-experiment --wat`") })
    }

    @Test func codeSpansSkipFencedBlocks() {
        let spans = CommandVocabulary.codeSpans(in: "a `x y` b\n```text\n`z`\n```\n`w`")
        #expect(spans == ["x y", "w"])
    }
}
