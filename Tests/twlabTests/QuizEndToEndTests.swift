import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `twlab quiz` run as an instructor would, against a test lesson, the shipped lessons and a missing
/// lessons folder. Nothing here is skipped except a check that needs an external tool (`prove`).
@Suite struct QuizEndToEndTests {
    static let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons")

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-quiz-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    /// A small lesson in the lessons format (see Lessons/README.md), written for these tests: two
    /// predictions the simulator answers and two quiz questions, one with a per-student parameter.
    static let testLesson = """
        ---
        id: t-close
        title: Test close
        summary: A lesson written by the quiz tests.
        minutes: 5
        requires: []
        ---
        ## Who waits

        ```predict
        id: side
        ask: Which side passes through TIME_WAIT?
        script: |
          open
          close client
          wait 100ms
          close server
          run
        observe: time-wait-side
        explain: The active closer waits.
        ```

        ```predict
        id: last-flags
        ask: Which flags does the server's last segment carry?
        script: |
          open
          close client
          wait 100ms
          close server
          run
        observe: sent server
        explain: The passive closer's FIN carries an ACK.
        ```

        ## Ports

        ```quiz
        id: rate
        ask: "With {ports} ports and 60 s in TIME_WAIT, how many new connections per second?"
        type: number
        tolerance: 5
        params:
          ports: [28000, 28300, 60]
        answer: ports / 60
        explain: Each port stays busy for 60 seconds.
        ```

        ```quiz
        id: recycle
        ask: Is tcp_tw_recycle still in Linux 6.x?
        type: choice
        choices: [true, false]
        key: false
        explain: It was removed in Linux 4.12.
        ```
        """

    /// A lessons folder holding only the test lesson (created once per test process).
    static let testLessons: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-quiz-lessons-\(getpid())")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("en"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try? write(testLesson, to: root.appendingPathComponent("en/01-t-close.md"))
        return root
    }()

    /// The test lesson and the shipped lessons.
    static var lessonFolders: [URL] { [testLessons, lessons] }

    static func quiz(_ arguments: [String], lessons: URL, environment: [String: String] = [:]) throws -> TwlabBinary.Output {
        try TwlabBinary.run(["quiz"] + arguments + ["--lessons", lessons.path], environment: environment)
    }

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

    // MARK: With lessons (the test lesson, and the shipped ones when present)

    /// Grades an empty answers file to learn each question's canonical answer, which must itself be
    /// graded correct.
    static func canonicalAnswers(student: String, lessons: URL, directory: URL, secret: URL? = nil) throws -> [(id: String, expected: String)] {
        let probe = directory.appendingPathComponent("probe-\(student).yaml")
        try write("student: \"\(student)\"\nanswers: {}\n", to: probe)
        var arguments = ["grade", probe.path, "--format", "json", "--show-expected"]
        if let secret { arguments += ["--secret-file", secret.path] }
        let result = try quiz(arguments, lessons: lessons)
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

    /// The simulator decides predictions: the fact sheet says the active closer (the client here)
    /// holds TIME_WAIT and the passive closer's last segment is its FIN with an ACK.
    @Test func predictionsFollowTheSimulation() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = Dictionary(uniqueKeysWithValues: try Self.canonicalAnswers(student: "ada", lessons: Self.testLessons, directory: dir).map { ($0.id, $0.expected) })
        #expect(expected["t-close/side"] == "client")
        #expect(expected["t-close/last-flags"].map { Set($0.split(separator: "|")) } == ["FIN", "ACK"])
        #expect(expected["t-close/recycle"] == "false")
    }

    @Test func canonicalAnswersScoreFullMarks() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let expected = try Self.canonicalAnswers(student: "ada", lessons: folder, directory: dir)
            #expect(expected.count >= 4)
            let file = dir.appendingPathComponent("ada.yaml")
            try Self.write(Self.answersFile(student: "ada", expected), to: file)
            let result = try Self.quiz(["grade", file.path, "--format", "json"], lessons: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["score"] as? Double == object["max_score"] as? Double)
            let statuses = (object["questions"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
            #expect(statuses.allSatisfy { $0 == "correct" }, "\(statuses)")
        }
    }

    /// The answer-shape line under each question shows how to write a state or flags with an example;
    /// that example must never be the right answer to a question of the shipped (or test) lessons.
    @Test func answerShapeExamplesGiveNoAnswerAway() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let paper = try Self.quiz(["paper", "--student", "ada"], lessons: folder)
            #expect(paper.status == 0, "\(paper.stderr)")
            // What follows "written like" on the "Answer:" lines, e.g. `SYN_SENT` or `SYN|ACK or [SYN, ACK]`.
            let examples = paper.stdout.components(separatedBy: "\n").filter { $0.contains("Answer:") }.flatMap { line in
                line.components(separatedBy: "written like ").dropFirst().flatMap { $0.components(separatedBy: " or ") }
            }
            #expect(!examples.isEmpty, "the paper shows no example state or flags")
            func normalized(_ text: String) -> Set<String> {
                Set(text.uppercased().replacingOccurrences(of: "-", with: "_")
                    .split { $0 == "|" || $0 == "," || $0 == " " || $0 == "[" || $0 == "]" }.map(String.init))
            }
            let exampleSets = Set(examples.map(normalized))
            for (id, expected) in try Self.canonicalAnswers(student: "ada", lessons: folder, directory: dir) {
                #expect(!exampleSets.contains(normalized(expected)), "\(id): the answer shape shows the answer \(expected)")
            }
        }
    }

    @Test func classFolderIntoEveryFormat() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let expected = try Self.canonicalAnswers(student: "ada", lessons: folder, directory: dir)
            let group = dir.appendingPathComponent("class")
            try FileManager.default.createDirectory(at: group, withIntermediateDirectories: true)
            // Right, wrong (with markup and control characters), broken, and partial (every other one right).
            try Self.write(Self.answersFile(student: "ada", expected), to: group.appendingPathComponent("ada.yaml"))
            try Self.write(Self.answersFile(student: "bob", expected.map { ($0.id, "<b>&\u{7}]]>") }), to: group.appendingPathComponent("bob.yaml"))
            try Self.write("", to: group.appendingPathComponent("cy.yaml"))
            let partial = try Self.canonicalAnswers(student: "dee", lessons: folder, directory: dir).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element)
            try Self.write(Self.answersFile(student: "dee", partial), to: group.appendingPathComponent("dee.yaml"))
            let files = ["ada", "bob", "cy", "dee"].map { group.appendingPathComponent("\($0).yaml").path }
            // A folder stands for the answers files in it.
            let byFolder = try Self.quiz(["grade", group.path, "--format", "csv"], lessons: folder)
            #expect(byFolder.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5)
            for format in ["text", "json", "junit", "tap", "csv"] {
                let result = try Self.quiz(["grade"] + files + ["--format", format], lessons: folder)
                #expect(result.status == 2, "\(format): \(result.stderr)")  // cy's empty file is unusable
                #expect(result.stderr.contains("cy.yaml: the file is empty"))
                switch format {
                case "json":
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
                    let scores = list.map { ($0["score"] as? Double ?? -1, $0["max_score"] as? Double ?? -1) }
                    #expect(scores.count == 4)
                    #expect(scores[0].0 == scores[0].1)
                    #expect(scores[1].0 == 0 && scores[2].0 == 0)
                    #expect(scores[3].0 > 0 && scores[3].0 < scores[3].1)
                case "junit":
                    let parser = XMLParser(data: Data(result.stdout.utf8))
                    #expect(parser.parse(), "\(String(describing: parser.parserError))")
                case "tap":
                    #expect(result.stdout.hasPrefix("TAP version 13\n1..\(4 * expected.count + 1)\n"))
                    if FileManager.default.isExecutableFile(atPath: "/usr/bin/prove") {
                        let tap = dir.appendingPathComponent("class.tap")
                        try Self.write(result.stdout, to: tap)
                        let prove = Process()
                        prove.executableURL = URL(fileURLWithPath: "/usr/bin/prove")
                        prove.arguments = ["-e", "cat", tap.path]
                        let pipe = Pipe()
                        prove.standardOutput = pipe
                        prove.standardError = pipe
                        try prove.run()
                        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        prove.waitUntilExit()
                        #expect(!output.contains("Parse errors"), "\(output)")
                        #expect(output.contains("Tests=\(4 * expected.count + 1)"))
                    } else {
                        print("prove is not installed; the TAP output was only checked for its plan")
                    }
                case "csv":
                    let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                    #expect(rows.count == 5)
                    #expect(rows.first?.hasPrefix("student,") == true)
                    #expect(rows.dropFirst().first?.hasPrefix("ada,") == true)
                default:
                    #expect(result.stdout.contains("ada ("))
                    #expect(result.stdout.contains("4 answers files, 1 passed"))
                }
            }
        }
    }

    /// The GIFT export's right answer is the one the grader expects (for questions without parameters,
    /// whose export does not depend on the student).
    @Test func giftRightAnswersAgreeWithTheGrader() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let probe = dir.appendingPathComponent("probe.yaml")
            try Self.write("student: ada\nanswers: {}\n", to: probe)
            let report = try Self.quiz(["grade", probe.path, "--format", "json", "--show-expected"], lessons: folder)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let questions = (object["questions"] as? [[String: Any]] ?? []).filter { $0["parameters"] == nil }
            let gift = try Self.quiz(["export", "--format", "gift"], lessons: folder).stdout
            let blocks = gift.components(separatedBy: "\n\n")
            var checked = 0
            for question in questions {
                guard let id = question["id"] as? String, let expected = question["expected"] as? String else { continue }
                let escapedID = id.replacingOccurrences(of: ":", with: "\\:")
                guard let block = blocks.first(where: { $0.hasPrefix("::\(escapedID)::") }) else {
                    Issue.record("\(id) is not in the GIFT export")
                    continue
                }
                let answers = String(block[block.index(after: block.lastIndex(of: "{") ?? block.startIndex)...])
                let unescaped = { (text: String) in text.replacingOccurrences(of: "\\", with: "") }
                if answers.hasPrefix("#") {
                    let value = answers.dropFirst().prefix { $0 != ":" }
                    #expect(Double(value) == Double(expected), "\(id): \(value) vs \(expected)")
                } else if answers.hasPrefix("T") || answers.hasPrefix("F") {
                    #expect((answers.hasPrefix("T") ? "true" : "false") == expected.lowercased(), "\(id)")
                } else {
                    let right = answers.components(separatedBy: "=").dropFirst().first?
                        .prefix { $0 != "\n" && $0 != "~" && $0 != "}" }
                        .trimmingCharacters(in: .whitespaces)
                    #expect(right.map(unescaped) == expected, "\(id): \(right ?? "none") vs \(expected)")
                }
                checked += 1
            }
            #expect(checked == questions.count)
        }
    }

    /// /proc/net/tcp's TIME_WAIT code is the two hex digits `06`: the shipped question keeps that text
    /// in GIFT (short answer), where a numerical answer would have been `#6`.
    @Test func giftKeepsTheLeadingZeroOfTheStCode() throws {
        let gift = try Self.quiz(["export", "--format", "gift"], lessons: Self.lessons)
        #expect(gift.status == 0, "\(gift.stderr)")
        let block = try #require(gift.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("::seeing-it-on-linux/st-code::") })
        #expect(block.contains("{=06 =6"), "\(block)")
        #expect(!block.contains("{#"), "\(block)")
    }

    @Test func onlyGradesOneQuestionForGitHubClassroom() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let expected = try Self.canonicalAnswers(student: "ada", lessons: folder, directory: dir)
            let first = try #require(expected.first)
            let right = dir.appendingPathComponent("right.yaml"), wrong = dir.appendingPathComponent("wrong.yaml")
            try Self.write(Self.answersFile(student: "ada", [first]), to: right)
            try Self.write(Self.answersFile(student: "ada", [(first.id, "zzz")]), to: wrong)
            let pass = try Self.quiz(["grade", right.path, "--only", first.id], lessons: folder)
            #expect(pass.status == 0)
            #expect(pass.stderr.isEmpty)
            let failure = try Self.quiz(["grade", wrong.path, "--only", first.id], lessons: folder)
            #expect(failure.status == 1)
            #expect(failure.stderr.isEmpty)
            #expect(failure.stdout.contains(first.id))
            let broken = dir.appendingPathComponent("broken.yaml")
            try Data([0xFF, 0x00, 0x1B]).write(to: broken)
            let unusable = try Self.quiz(["grade", broken.path, "--only", first.id], lessons: folder)
            #expect(unusable.status == 1)
            #expect(unusable.stderr.isEmpty)
        }
    }

    @Test func papersAreStablePerStudentAndSecret() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret")
        try Self.write("a course secret\n", to: secret)
        let folder = Self.testLessons
        let ada1 = try Self.quiz(["paper", "--student", "ada", "--secret-file", secret.path], lessons: folder)
        let ada2 = try Self.quiz(["paper", "--student", "ada", "--secret-file", secret.path], lessons: folder)
        #expect(ada1.status == 0)
        #expect(ada1.stdout == ada2.stdout)
        // Twenty students cannot all draw the same of six port counts.
        var papers = Set<String>()
        for index in 0..<20 {
            let paper = try Self.quiz(["paper", "--student", "s\(index)", "--secret-file", secret.path], lessons: folder)
            papers.insert(paper.stdout.split(separator: "\n").filter { $0.hasPrefix("With ") }.joined())
        }
        #expect(papers.count > 1)
        let practice = try Self.quiz(["paper", "--student", "ada"], lessons: folder)
        #expect(practice.stdout.contains("practice"))
        #expect(practice.stdout != ada1.stdout)
        let template = try Self.quiz(["paper", "--student", "ada", "--template"], lessons: folder)
        let filled = dir.appendingPathComponent("template.yaml")
        try Self.write(template.stdout, to: filled)
        let graded = try Self.quiz(["grade", filled.path], lessons: folder)
        #expect(graded.status == 1)  // a fresh template has every answer missing, and nothing else wrong
        #expect(graded.stderr.isEmpty, "\(graded.stderr)")
        #expect(graded.stdout.contains("Practice variants"))
    }

    @Test func giftCoversEveryQuestion() throws {
        for folder in Self.lessonFolders {
            let dir = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let expected = try Self.canonicalAnswers(student: "ada", lessons: folder, directory: dir)
            let result = try Self.quiz(["export", "--format", "gift"], lessons: folder)
            #expect(result.status == 0, "\(result.stderr)")
            for (id, _) in expected {
                let escaped = id.replacingOccurrences(of: ":", with: "\\:")
                #expect(result.stdout.contains("::\(escaped)::"), "\(id) missing from the GIFT export")
            }
        }
    }

    @Test func autograderUsesTheMetadataStudent() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("secret")
        try Self.write("k", to: secret)
        let expected = try Self.canonicalAnswers(student: "4711", lessons: Self.testLessons, directory: root, secret: secret)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try Self.write("{\"users\": [{\"id\": \"4711\"}]}", to: root.appendingPathComponent("submission_metadata.json"))
        // The file claims another student; the metadata wins, so the 4711 variants are the right ones.
        try Self.write(Self.answersFile(student: "someone-else", expected), to: root.appendingPathComponent("submission/answers.yaml"))
        let result = try Self.quiz(["grade", "--format", "gradescope", "--secret-file", secret.path], lessons: Self.testLessons,
                                   environment: ["TWLAB_AUTOGRADER_ROOT": root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = object["tests"] as? [[String: Any]] ?? []
        #expect(tests.count == expected.count)
        #expect(tests.allSatisfy { $0["status"] as? String == "passed" })
        #expect((object["extra_data"] as? [String: Any])?["student"] as? String == "4711")
        #expect(result.stderr.contains("differs from the platform's id `4711`"))
        #expect(!result.stderr.contains("someone-else"), "the file's own text is not quoted")
    }

    /// The shell's `quiz` grades a scripted session the same way: all right exits 0 with full score,
    /// a poor session exits 1.
    @Test func shellQuizScriptExitStatusTellsPassOrFail() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.canonicalAnswers(student: "ada", lessons: Self.testLessons, directory: dir)
        let good = dir.appendingPathComponent("good.twlab"), poor = dir.appendingPathComponent("poor.twlab")
        try Self.write((["quiz t-close --student ada"] + expected.map { "quiz answer " + $0.expected }).joined(separator: "\n") + "\n", to: good)
        try Self.write("quiz t-close --student ada\nserver\nquiz skip\nquiz stop\n", to: poor)
        let pass = try TwlabBinary.run(["--script", good.path, "--lessons", Self.testLessons.path])
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(pass.stdout.contains("Score: \(expected.count)/\(expected.count) (100%)"))
        let fail = try TwlabBinary.run(["--script", poor.path, "--lessons", Self.testLessons.path])
        #expect(fail.status == 1)
        #expect(fail.stdout.contains("Score: 0/\(expected.count) (0%)"))
    }
}
