import Foundation
import Testing

/// Grading a Chinese class with the same commands: `quiz grade --lang zh-Hans` (or a Chinese
/// locale) reads the Chinese questions, and an answers file written in Chinese — Chinese state
/// names, Chinese choice text, a choice's letter, numbers with 秒 — is graded like English answers.
@Suite struct ChineseQuizEndToEndTests {
    static let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons")
    static let shipped = FileManager.default.fileExists(atPath: lessons.appendingPathComponent("zh-Hans/09-interview-questions.md").path)

    static let chineseAnswers = """
        student: "李雷"
        answers:
          "four-way-close/server-after-client-fin": "关闭等待"
          "four-way-close/client-half-closed": "FIN_WAIT_2"
          "four-way-close/server-after-own-fin": "最后确认"
          "four-way-close/client-after-both": "TIME_WAIT状态"
          "four-way-close/last-sender": "服务器"
          "four-way-close/delayed-ack-close": "终止等待1"
          "four-way-close/server-closes-first": "服务器"
          "interview-questions/stuck-after-peer-closed": "关闭等待"
          "interview-questions/close-wait-blame": "d"
          "interview-questions/why-time-wait": "回应重发的 FIN"
          "interview-questions/linux-seconds": "240秒"
          "interview-questions/server-first-after-30s": "已关闭"
          "interview-questions/what-it-holds": "1"
          "interview-questions/first-fix": "给监听套接字设置 SO_REUSEADDR"

        """

    func grade(_ environment: [String: String], _ extra: [String]) throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-zh-quiz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("li-lei.yaml")
        try Data(Self.chineseAnswers.utf8).write(to: file)
        let run = try TwlabBinary.run(["quiz", "grade", file.path, "--format", "json", "--lessons", Self.lessons.path,
                                       "--lesson", "four-way-close", "--lesson", "interview-questions"] + extra,
                                      environment: environment)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: shipped, "needs Lessons/zh-Hans"))
    func aChineseAnswersFileGetsFullMarks() throws {
        for (environment, extra) in [(["TWLAB_LANG": "en"], ["--lang", "zh-Hans"]),
                                     (["TWLAB_LANG": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"], [])] {
            let report = try grade(environment, extra)
            let questions = try #require(report["questions"] as? [[String: Any]])
            #expect(questions.count == 14)
            for question in questions {
                #expect(question["status"] as? String == "correct", "\(question)")
            }
            #expect(report["score"] as? Double == report["max_score"] as? Double)
        }
    }

    @Test(.enabled(if: shipped, "needs Lessons/zh-Hans"))
    func theEnglishPaperStillAcceptsChineseStatesAndWords() throws {
        let report = try grade(["TWLAB_LANG": "en"], ["--lang", "en"])
        let questions = try #require(report["questions"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: questions.compactMap { q in
            (q["id"] as? String).map { ($0, q["status"] as? String ?? "") }
        })
        for id in ["four-way-close/server-after-client-fin", "four-way-close/client-after-both", "four-way-close/last-sender",
                   "four-way-close/server-closes-first", "interview-questions/close-wait-blame", "interview-questions/linux-seconds"] {
            #expect(status[id] == "correct", "\(id): \(status[id] ?? "missing")")
        }
    }
}
