import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `twlab quiz` run as an instructor would, against the shipped lessons (when they are present) and
/// against a missing lessons folder (always).
@Suite struct QuizEndToEndTests {
    static let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons")
    /// The shipped lessons are there once the lessons work has landed on this branch.
    static let haveLessons = FileManager.default.fileExists(atPath: lessons.appendingPathComponent("en").path)

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-quiz-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    // MARK: Always

    @Test func missingLessonsIsExitTwoWithOneLine() throws {
        let empty = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let answers = empty.appendingPathComponent("a.yaml")
        try Self.write("student: a\nanswers: {}\n", to: answers)
        let result = try TwlabBinary.run(["quiz", "grade", answers.path, "--lessons", empty.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func onlyModeKeepsStandardErrorEmpty() throws {
        let empty = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let answers = empty.appendingPathComponent("a.yaml")
        try Self.write("not: [yaml", to: answers)
        let result = try TwlabBinary.run(["quiz", "grade", answers.path, "--lessons", empty.path, "--only", "x/y"])
        #expect(result.status == 2)
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.isEmpty)
    }

    @Test func autograderAlwaysGetsAResultsFile() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try Self.write("{\"users\": [{\"id\": \"4711\", \"name\": \"Ada\"}]}", to: root.appendingPathComponent("submission_metadata.json"))
        try Self.write("", to: root.appendingPathComponent("submission/answers.yaml"))
        let result = try TwlabBinary.run(["quiz", "grade", "--format", "gradescope", "--lessons", root.appendingPathComponent("none").path],
                                         environment: ["TWLAB_AUTOGRADER_ROOT": root.path])
        #expect(result.status == 2)
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["score"] as? Double == 0)
        #expect((object["output"] as? String)?.isEmpty == false)
    }

    // MARK: With the shipped lessons

    /// Grades an empty answers file to learn each question's canonical answer, which must itself be
    /// graded correct.
    static func canonicalAnswers(student: String, directory: URL, secret: URL? = nil) throws -> [(id: String, expected: String)] {
        let probe = directory.appendingPathComponent("probe-\(student).yaml")
        try write("student: \(student)\nanswers: {}\n", to: probe)
        var arguments = ["quiz", "grade", probe.path, "--format", "json"]
        if let secret { arguments += ["--secret-file", secret.path] }
        let result = try TwlabBinary.run(arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questions = try #require(object["questions"] as? [[String: Any]])
        return questions.compactMap { question in
            guard let id = question["id"] as? String, let expected = question["expected"] as? String else { return nil }
            return (id, expected)
        }
    }

    static func answersFile(student: String, _ answers: [(String, String)]) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "student: \(quoted(student))\nanswers:\n" + answers.map { "  \(quoted($0.0)): \(quoted($0.1))" }.joined(separator: "\n") + "\n"
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func canonicalAnswersScoreFullMarksInEveryLesson() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.canonicalAnswers(student: "ada", directory: dir)
        #expect(expected.count >= 8)
        let file = dir.appendingPathComponent("ada.yaml")
        try Self.write(Self.answersFile(student: "ada", expected), to: file)
        let result = try TwlabBinary.run(["quiz", "grade", file.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["score"] as? Double == object["max_score"] as? Double)
        let statuses = (object["questions"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        #expect(statuses.allSatisfy { $0 == "correct" }, "\(statuses)")
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func classFolderIntoEveryFormat() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.canonicalAnswers(student: "ada", directory: dir)
        let class_ = dir.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: class_, withIntermediateDirectories: true)
        try Self.write(Self.answersFile(student: "ada", expected), to: class_.appendingPathComponent("ada.yaml"))
        try Self.write(Self.answersFile(student: "bob", expected.map { ($0.id, "<b>&\u{7}") }), to: class_.appendingPathComponent("bob.yaml"))
        try Self.write("", to: class_.appendingPathComponent("cy.yaml"))
        let files = ["ada", "bob", "cy"].map { class_.appendingPathComponent("\($0).yaml").path }
        for format in ["text", "json", "junit", "tap", "csv"] {
            let result = try TwlabBinary.run(["quiz", "grade"] + files + ["--format", format])
            #expect(result.status == 2, "\(format): \(result.stderr)")  // cy's empty file is unusable
            #expect(result.stderr.contains("cy.yaml: the file is empty"))
            switch format {
            case "json":
                let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
                #expect(list?.count == 3)
            case "junit":
                let parser = XMLParser(data: Data(result.stdout.utf8))
                #expect(parser.parse())
            case "tap":
                #expect(result.stdout.hasPrefix("TAP version 13\n1.."))
            case "csv":
                let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(rows.count == 4)
                #expect(rows.first?.hasPrefix("student,") == true)
            default:
                #expect(result.stdout.contains("ada"))
            }
        }
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func onlyGradesOneQuestionForGitHubClassroom() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.canonicalAnswers(student: "ada", directory: dir)
        let first = try #require(expected.first)
        let right = dir.appendingPathComponent("right.yaml"), wrong = dir.appendingPathComponent("wrong.yaml")
        try Self.write(Self.answersFile(student: "ada", [first]), to: right)
        try Self.write(Self.answersFile(student: "ada", [(first.id, "zzz")]), to: wrong)
        let pass = try TwlabBinary.run(["quiz", "grade", right.path, "--only", first.id])
        #expect(pass.status == 0)
        #expect(pass.stderr.isEmpty)
        let failure = try TwlabBinary.run(["quiz", "grade", wrong.path, "--only", first.id])
        #expect(failure.status == 1)
        #expect(failure.stderr.isEmpty)
        #expect(failure.stdout.contains(first.id))
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func papersAreStablePerStudentAndSecret() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret")
        try Self.write("a course secret\n", to: secret)
        let ada1 = try TwlabBinary.run(["quiz", "paper", "--student", "ada", "--secret-file", secret.path])
        let ada2 = try TwlabBinary.run(["quiz", "paper", "--student", "ada", "--secret-file", secret.path])
        let bob = try TwlabBinary.run(["quiz", "paper", "--student", "bob", "--secret-file", secret.path])
        #expect(ada1.status == 0)
        #expect(ada1.stdout == ada2.stdout)
        #expect(ada1.stdout != bob.stdout)
        let practice = try TwlabBinary.run(["quiz", "paper", "--student", "ada"])
        #expect(practice.stdout.contains("practice"))
        let template = try TwlabBinary.run(["quiz", "paper", "--student", "ada", "--template"])
        let filled = dir.appendingPathComponent("template.yaml")
        try Self.write(template.stdout, to: filled)
        let graded = try TwlabBinary.run(["quiz", "grade", filled.path])
        #expect(graded.status == 1)  // a fresh template has every answer missing
        #expect(graded.stderr.isEmpty, "\(graded.stderr)")
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func giftCoversEveryShippedQuestion() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.canonicalAnswers(student: "ada", directory: dir)
        let result = try TwlabBinary.run(["quiz", "export", "--format", "gift"])
        #expect(result.status == 0, "\(result.stderr)")
        for (id, _) in expected {
            let escaped = id.replacingOccurrences(of: ":", with: "\\:")
            #expect(result.stdout.contains("::\(escaped)::"), "\(id) missing from the GIFT export")
        }
    }

    @Test(.enabled(if: haveLessons, "the shipped lessons have not landed on this branch yet"))
    func autograderUsesTheMetadataStudent() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try Self.canonicalAnswers(student: "4711", directory: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try Self.write("{\"users\": [{\"id\": \"4711\"}]}", to: root.appendingPathComponent("submission_metadata.json"))
        // The file claims another student; the metadata wins, so the 4711 variants are right.
        try Self.write(Self.answersFile(student: "someone-else", expected), to: root.appendingPathComponent("submission/answers.yaml"))
        let result = try TwlabBinary.run(["quiz", "grade", "--format", "gradescope"], environment: ["TWLAB_AUTOGRADER_ROOT": root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = object["tests"] as? [[String: Any]] ?? []
        #expect(tests.count == expected.count)
        #expect(tests.allSatisfy { $0["status"] as? String == "passed" })
        #expect((object["extra_data"] as? [String: Any])?["student"] as? String == "4711")
    }
}
