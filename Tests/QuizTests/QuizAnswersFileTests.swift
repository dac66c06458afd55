import Foundation
import Testing
@testable import Quiz

/// Bad answers files: each problem is one line naming the file (and the question), and what can be
/// read is still graded.
@Suite struct QuizAnswersFileTests {
    func parse(_ text: String, path: String = "alice.yaml") -> AnswersFile {
        AnswersFileParser.parse(Data(text.utf8), path: path)
    }

    @Test func readsStudentLessonsAndAnswers() {
        let file = parse("student: alice\nlessons: [01-close]\nanswers:\n  01-close/who-waits: TIME_WAIT\n  01-close/last-flags: [FIN, ACK]\n")
        #expect(file.isUsable)
        #expect(file.student == "alice")
        #expect(file.lessons == ["01-close"])
        #expect(file.answer(to: "01-close/who-waits")?.text == "TIME_WAIT")
        #expect(file.answer(to: "01-close/last-flags")?.text == "FIN|ACK")
        #expect(file.problems.isEmpty)
    }

    @Test func emptyFileIsUnusableWithOneLine() {
        for text in ["", "   \n\n", "# only a comment\n"] {
            let file = parse(text)
            #expect(!file.isUsable)
            #expect(file.problems.count == 1)
            #expect(file.problems.first?.hasPrefix("alice.yaml: ") == true)
            #expect(file.problems.first?.contains("empty") == true)
        }
    }

    @Test func proseIsNotAMapping() {
        let file = parse("Dear professor, my answers are TIME_WAIT and 470.")
        #expect(!file.isUsable)
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml: ") && $0.contains("mapping") })
    }

    @Test func brokenLineIsSkippedAndTheRestGraded() {
        let file = parse("student: alice\nanswers:\n  01-close/who-waits: TIME_WAIT\n  01-close/rate: [unclosed\n  01-close/recycle: false\n")
        #expect(file.answer(to: "01-close/who-waits")?.text == "TIME_WAIT")
        #expect(file.answer(to: "01-close/recycle")?.text == "false")
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:4: question 01-close/rate:") })
        #expect(file.problems.allSatisfy { !$0.contains("\n") })
    }

    @Test func wrongTypesNameTheQuestion() {
        let file = parse("student: [a, b]\nanswers:\n  01-close/who-waits: {state: TIME_WAIT}\n  01-close/rate: 470\n")
        #expect(file.student == "alice")
        #expect(file.answer(to: "01-close/who-waits")?.text == nil)
        #expect(file.answer(to: "01-close/rate")?.text == "470")
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:3: question 01-close/who-waits:") && $0.contains("mapping") })
        #expect(file.problems.contains { $0.contains("`student`") })
    }

    @Test func answersNotAMappingIsUnusable() {
        let file = parse("student: alice\nanswers: TIME_WAIT\n")
        #expect(!file.isUsable)
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:2:") })
    }

    @Test func duplicateIdKeepsTheLastAndSaysSo() {
        let file = parse("student: alice\nanswers:\n  01-close/who-waits: CLOSED\n  01-close/rate: 470\n  01-close/who-waits: TIME_WAIT\n")
        #expect(file.isUsable)
        #expect(file.answer(to: "01-close/who-waits")?.text == "TIME_WAIT")
        #expect(file.answer(to: "01-close/rate")?.text == "470")
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:3: question 01-close/who-waits") && $0.contains("line 5") })
    }

    @Test func tenMebibyteFileIsRefusedWithoutReadingIt() throws {
        var text = "student: alice\nanswers:\n  01-close/who-waits: TIME_WAIT\n  01-close/rate: \""
        text += String(repeating: "A", count: 10 << 20) + "\"\n"
        let url = try QuizFixtures.temporaryFile("big.yaml", Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let file = AnswersFileParser.read(path: url.path)
        #expect(!file.isUsable)
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.hasPrefix(url.path + ": the file is 10.0 MiB") == true)
    }

    @Test func overlongAnswerIsInvalidOthersKept() {
        let file = parse("student: alice\nanswers:\n  01-close/rate: \(String(repeating: "9", count: 600))\n  01-close/recycle: false\n")
        #expect(file.answer(to: "01-close/rate")?.problem?.contains("600 characters") == true)
        #expect(file.answer(to: "01-close/recycle")?.text == "false")
    }

    @Test func invalidUTF8IsReplacedAndReportedOnItsLine() {
        var data = Data("student: alice\nanswers:\n  01-close/who-waits: TIME".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(Data("_WAIT\n  01-close/recycle: false\n".utf8))
        let file = AnswersFileParser.parse(data, path: "alice.yaml")
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:3: invalid UTF-8 (question 01-close/who-waits)") })
        #expect(file.answer(to: "01-close/who-waits")?.text?.contains("\u{FFFD}") == true)
        #expect(file.answer(to: "01-close/recycle")?.text == "false")
    }

    @Test func controlCharactersSurviveAsTyped() {
        let file = parse("student: alice\nanswers:\n  01-close/who-waits: \"TIME\\u001b[31m_WAIT\\u0000\"\n")
        #expect(file.answer(to: "01-close/who-waits")?.text == "TIME\u{1B}[31m_WAIT\u{0}")
    }

    @Test func rawControlCharactersAreReplacedOthersKept() {
        let file = parse("student: alice\nanswers:\n  01-close/who-waits: TIME\u{1B}[31m_WAIT\u{0}\n  01-close/recycle: false\n")
        #expect(file.isUsable)
        #expect(file.answer(to: "01-close/who-waits")?.text == "TIME\u{FFFD}[31m_WAIT\u{FFFD}")
        #expect(file.answer(to: "01-close/recycle")?.text == "false")
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.hasPrefix("alice.yaml:3: raw control character U+0000, U+001B (question 01-close/who-waits)") == true)
    }

    @Test func binaryFileGetsAFewLinesNotThousands() {
        var bytes: [UInt8] = []
        for index in 0..<4000 { bytes.append(UInt8(truncatingIfNeeded: index &* 37 &+ 11)) }
        let file = AnswersFileParser.parse(Data(bytes), path: "photo.yaml")
        #expect(!file.isUsable)
        #expect(file.problems.count <= 5 + AnswersFileParser.maximumRepairs + 1)
        #expect(file.problems.allSatisfy { $0.hasPrefix("photo.yaml") && !$0.contains("\n") })
    }

    @Test func missingStudentFallsBackToTheFileName() {
        let file = parse("answers:\n  01-close/recycle: false\n", path: "class/carol.yaml")
        #expect(file.student == "carol")
        #expect(file.problems == ["class/carol.yaml: no `student:` line; using the file name `carol` as the student id"])
    }

    @Test func unknownTopLevelKeyIsReported() {
        let file = parse("student: alice\nname: Alice\nanswers: {}\n")
        #expect(file.isUsable)
        #expect(file.problems.contains { $0.hasPrefix("alice.yaml:2:1: unknown top-level key ignored") })
        #expect(!file.problems.joined().contains("name"), "the file's own words are not quoted")
    }
}
