import Foundation
import Testing

/// The Chinese edition end to end through the built `twlab`: every lesson of `Lessons/zh-Hans`
/// scripted to a full score and answered wrong, at 80 and 60 columns, with every printed line
/// measured by the C library's wcwidth; the language switches; reviewed goldens of Chinese pages.
@Suite(.serialized) struct ChineseTutorEndToEndTests {
    static let root = TwlabBinary.repositoryRoot
    static let chineseLessons: Bool = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons/zh-Hans").path)) ?? []
        return files.contains { $0.hasSuffix(".md") }
    }()
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden/zh")

    static func shell(_ lines: [String], home: URL, columns: Int = 80,
                      language: [String: String] = ["TWLAB_LANG": "zh-Hans"]) throws -> TwlabBinary.Output {
        try TwlabBinary.run([], stdin: lines.joined(separator: "\n") + "\n",
                            environment: ["TWLAB_HOME": home.path, "COLUMNS": String(columns)].merging(language) { $1 },
                            timeout: 120)
    }

    static func lessonIDs(home: URL) throws -> [String] {
        try shell(["lessons"], home: home).stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, ["✓", "▸", "·"].contains(String(words[0])) else { return nil }
            return String(words[1])
        }
    }

    static func script(_ id: String, wrong: Bool, home: URL) throws -> [String] {
        let output = try shell(["_tutor script \(id)" + (wrong ? " --wrong" : "")], home: home)
        #expect(output.status == 0, "_tutor script \(id) failed: \(output.stdout) \(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("twlab>") }
    }

    static func expectFits(_ text: String, columns: Int, _ context: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let width = DisplayColumns.of(String(line))
            #expect(width <= columns, "\(context): a line of \(width) columns at \(columns): '\(line)'")
        }
    }

    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func everyChineseLessonCanBeFinishedWithAFullScoreAt80Columns() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        let ids = try Self.lessonIDs(home: home)
        let english = try TutorEndToEndTests.lessonIDs(home: home)
        #expect(ids == english, "the Chinese lesson list must match the English one")
        for id in ids {
            let lines = try Self.script(id, wrong: false, home: home)
            #expect(lines.first == "start \(id)")
            let run = try Self.shell(lines, home: home)
            #expect(run.status == 0, "lesson \(id):\n\(run.stdout)\n\(run.stderr)")
            #expect(!run.stdout.contains("✗ 你的答案是"), "lesson \(id) graded an oracle answer wrong:\n\(run.stdout)")
            #expect(run.stdout.contains("✓ 答对了"), "lesson \(id): no Chinese feedback")
            Self.expectFits(run.stdout, columns: 80, id)
        }
        let report = try TutorEndToEndTests.exportedReport(home: home)
        #expect(report["score"] as? Double == report["maxScore"] as? Double)
        let lessons = try #require(report["lessons"] as? [[String: Any]])
        #expect(lessons.count == ids.count && lessons.allSatisfy { $0["status"] as? String == "finished" })
    }

    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func wrongAnswersGetChineseHintsAndFitSixtyColumns() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        for id in try Self.lessonIDs(home: home) {
            let run = try Self.shell(try Self.script(id, wrong: true, home: home), home: home, columns: 60)
            #expect(run.status == 0, "lesson \(id):\n\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("✗ 你的答案是"), "lesson \(id): no Chinese wrong-answer feedback")
            #expect(run.stdout.contains("提示 1/"), "lesson \(id): no hint")
            Self.expectFits(run.stdout, columns: 60, id)
        }
    }

    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func chineseNamesAndEnglishWordsAnswerChineseQuestions() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        // Step 1 asks for a state (CLOSE_WAIT); step 5 is a choice listed in Chinese (客户端…).
        let run = try Self.shell(["start four-way-close", "关闭等待", "next", "FIN_WAIT_2", "next", "LAST_ACK", "next",
                                  "时间等待", "next", "server"], home: home)
        #expect(run.stdout.components(separatedBy: "✓ 答对了").count == 6, "\(run.stdout)")
    }

    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func thePracticeQuizRunsInChinese() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        let run = try Self.shell(["quiz interview-questions", "CLOSE_WAIT", "d", "回应重发的 FIN", "240秒", "已关闭", "1",
                                  "给监听套接字设置 SO_REUSEADDR"], home: home, columns: 60)
        #expect(run.stdout.contains("测验：共 7 题"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "答对了。").count == 8, "\(run.stdout)")
        #expect(run.stdout.contains("通过"), "\(run.stdout)")
        Self.expectFits(run.stdout, columns: 60, "quiz")
    }

    /// `help` lists every command with a Chinese summary: no line of the list is English only.
    @Test func helpSummariesAreChinese() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        let run = try Self.shell(["help"], home: home, columns: 200)
        // A usage too long for its column stands alone; its summary follows on the next line.
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).contains("  ") }
        #expect(rows.count >= 25, "\(run.stdout)")
        for row in rows {
            #expect(row.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "an English summary: \(row)")
        }
    }

    @Test func theLanguageComesFromTheFlagTheVariableOrTheLocale() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        let byLocale = try Self.shell(["nonsense"], home: home, language: ["TWLAB_LANG": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"])
        #expect(byLocale.stdout.contains("没有 'nonsense' 这个命令"), "\(byLocale.stdout)")
        let english = try Self.shell(["nonsense"], home: home, language: ["TWLAB_LANG": "en", "LANG": "zh_CN.UTF-8"])
        #expect(english.stdout.contains("unknown command 'nonsense'"), "\(english.stdout)")
        let flag = try TwlabBinary.run(["shell", "--lang", "zh-Hans"], stdin: "nonsense\n",
                                       environment: ["TWLAB_HOME": home.path, "TWLAB_LANG": "en"])
        #expect(flag.stdout.contains("没有 'nonsense' 这个命令"), "\(flag.stdout)")
        let bad = try TwlabBinary.run(["shell", "--lang", "klingon"], stdin: "", environment: ["TWLAB_HOME": home.path])
        #expect(bad.status == 2)
    }

    @Test func glossaryInBothLanguagesFitsTheWidth() throws {
        for (language, heading) in [("en", "Glossary"), ("zh-Hans", "术语表")] {
            for columns in [60, 80] {
                let run = try TwlabBinary.run(["glossary", "--lang", language], environment: ["COLUMNS": String(columns)])
                #expect(run.status == 0)
                #expect(run.stdout.hasPrefix(heading), "\(run.stdout.prefix(80))")
                Self.expectFits(run.stdout, columns: columns, "glossary \(language)")
            }
        }
        let one = try TwlabBinary.run(["glossary", "挥手", "--lang", "zh-Hans"])
        #expect(one.stdout.contains("四次挥手 / 四次分手 · four-way close"), "\(one.stdout)")
        let none = try TwlabBinary.run(["glossary", "banana"])
        #expect(none.status == 1)
    }

    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func lintChecksBothTreesAndEveryInterfaceString() throws {
        let run = try TwlabBinary.run(["lint", Self.root.appendingPathComponent("Lessons").path])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(!run.stderr.contains("not translated"), "\(run.stderr)")
        #expect(run.stdout.contains("checked 20 lessons"), "\(run.stdout)")
    }

    /// Reviewed renderings at 80 columns: the Chinese lesson list (a table with wide characters),
    /// the first lesson's whole scripted run (its pages, the sequence diagrams under Chinese captions)
    /// and the fourth lesson's first page (the /proc/net/tcp table beside Chinese prose).
    @Test(.enabled(if: chineseLessons, "needs lessons in Lessons/zh-Hans"))
    func goldenChinesePagesAt80Columns() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        let runs: [(String, [String])] = [
            ("lessons-80.txt", ["lessons"]),
            ("four-way-close-80.txt", try Self.script("four-way-close", wrong: false, home: home)),
            ("seeing-it-on-linux-80.txt", ["start seeing-it-on-linux"]),
        ]
        for (name, lines) in runs {
            let fresh = try TutorEndToEndTests.temporaryHome()
            let run = try Self.shell(lines, home: fresh)
            Self.expectFits(run.stdout, columns: 80, name)
            let golden = try String(contentsOf: Self.goldens.appendingPathComponent(name), encoding: .utf8)
            #expect(run.stdout == golden, "\(name) differs from its reviewed golden:\n\(run.stdout)")
        }
    }
}
