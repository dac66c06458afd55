import Foundation
import Testing

/// The built program graded as a student trying to cheat would see it, and set up on each platform as
/// an instructor would: reports checked by their consumers (Python's json, xml.etree and PyYAML, bash -n,
/// prove), outputs onto FIFOs and devices, links to the secret.
@Suite struct QuizPlatformEndToEndTests {
    static let python = "/usr/bin/python3"

    /// A lesson whose right answers are strings no report prints by chance.
    static let lesson = """
        ---
        id: attack
        title: Attack
        summary: Answers no report prints by chance.
        minutes: 5
        requires: []
        ---
        ## One

        ```predict
        id: path
        ask: Both ends close at the same instant. Which states does the client pass through, in order?
        script: |
          open
          close client
          close server
          run
        observe: visited client
        hints: [Do the FINs cross?]
        explain: They cross.
        ```

        ```predict
        id: flags
        ask: Which flags does the server's last segment carry?
        script: |
          open
          close client
          wait 100ms
          close server
          run
        observe: sent server
        hints: [What does the passive closer send last?]
        explain: Its FIN.
        ```

        ```quiz
        id: animal
        ask: Name the animal.
        type: text
        key: zebra-quokka
        hints: [It is striped.]
        explain: A made-up one.
        ```

        ```quiz
        id: big
        ask: "{n} times seven plus thirteen?"
        params:
          n: [28000, 28300, 60]
        answer: n * 7 + 13
        hints: [Multiply first.]
        explain: Arithmetic.
        ```
        """

    static let folder: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-attack-lessons-\(getpid())")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("en"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try? QuizEndToEndTests.write(lesson, to: root.appendingPathComponent("en/01-attack.md"))
        return root
    }()

    static func quiz(_ arguments: [String], environment: [String: String] = [:]) throws -> TwlabBinary.Output {
        try TwlabBinary.run(["quiz"] + arguments + ["--lessons", folder.path], environment: environment)
    }

    static func tool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The expected answers of a student's variant, as the instructor sees them with --show-expected.
    static func expectedAnswers(student: String, secret: URL, directory: URL) throws -> [String: String] {
        let probe = directory.appendingPathComponent("probe.yaml")
        try QuizEndToEndTests.write("student: \(student)\nanswers: {}\n", to: probe)
        let result = try quiz(["grade", probe.path, "--format", "json", "--show-expected", "--secret-file", secret.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var answers: [String: String] = [:]
        for question in object["questions"] as? [[String: Any]] ?? [] {
            if let id = question["id"] as? String, let expected = question["expected"] as? String { answers[id] = expected }
        }
        return answers
    }

    @Test func aBlankSubmissionLearnsNoAnswerFromAnyOutput() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret")
        try QuizEndToEndTests.write("k3y-for-the-course", to: secret)
        let expected = try Self.expectedAnswers(student: "mallory", secret: secret, directory: dir)
        #expect(expected.count == 4)
        let blank = dir.appendingPathComponent("mallory.yaml")
        try QuizEndToEndTests.write("student: mallory\nlessons: [attack]\nanswers: {}\n", to: blank)
        var outputs: [(String, String)] = []
        for format in ["text", "json", "junit", "tap", "gradescope", "prairielearn", "csv", "score"] {
            for feedback in ["none", "hints", "explain"] {
                let result = try Self.quiz(["grade", blank.path, "--format", format, "--feedback", feedback, "--secret-file", secret.path])
                #expect(result.status == 1, "\(format): a blank file fails")
                outputs.append(("\(format)/\(feedback)", result.stdout + result.stderr))
            }
        }
        for id in expected.keys {
            let only = try Self.quiz(["grade", blank.path, "--only", id, "--secret-file", secret.path])
            #expect(only.status == 1)
            #expect(only.stdout == "mallory \(id): fail 0/1\n")
            outputs.append(("--only \(id)", only.stdout + only.stderr))
        }
        // The autograders' own files.
        let gradescope = dir.appendingPathComponent("autograder")
        try FileManager.default.createDirectory(at: gradescope.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try QuizEndToEndTests.write("{\"users\": [{\"id\": \"mallory\"}]}", to: gradescope.appendingPathComponent("submission_metadata.json"))
        try QuizEndToEndTests.write("answers: {}\n", to: gradescope.appendingPathComponent("submission/a.yaml"))
        _ = try Self.quiz(["grade", "--format", "gradescope", "--secret-file", secret.path], environment: ["TWLAB_AUTOGRADER_ROOT": gradescope.path])
        outputs.append(("results.json", try String(contentsOf: gradescope.appendingPathComponent("results/results.json"), encoding: .utf8)))
        for (name, text) in outputs {
            for (id, answer) in expected {
                #expect(!text.contains(answer), "\(name) shows the answer to \(id)")
            }
        }
        // The blank file is graded on the whole course: `lessons:` changes nothing, unanswered is 0.
        let json = try Self.quiz(["grade", blank.path, "--format", "json", "--secret-file", secret.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["max_score"] as? Double == 4 && object["score"] as? Double == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python), "needs python3 for json and xml.etree"))
    func platformFormatsReadInTheirConsumers() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("s.yaml")
        try QuizEndToEndTests.write("student: s\nanswers: {}\n", to: blank)
        let gradescope = dir.appendingPathComponent("gs.json"), prairie = dir.appendingPathComponent("pl.json")
        let junit = dir.appendingPathComponent("junit.xml")
        _ = try Self.quiz(["grade", blank.path, "--format", "gradescope", "--output", gradescope.path])
        _ = try Self.quiz(["grade", blank.path, "--format", "prairielearn", "--output", prairie.path])
        _ = try Self.quiz(["grade", blank.path, "--format", "junit", "--output", junit.path])
        let script = """
        import json, sys, xml.etree.ElementTree as ET
        g = json.load(open(sys.argv[1]))
        assert isinstance(g['score'], (int, float)) and isinstance(g['tests'], list) and g['tests']
        for t in g['tests']:
            assert {'name', 'score', 'max_score', 'status', 'output', 'visibility'} <= set(t), t
            assert t['status'] == 'failed', t
            assert t['visibility'] in ('hidden', 'after_due_date', 'after_published', 'visible')
            assert t['output_format'] in ('text', 'html', 'md', 'ansi', 'simple_format')
        p = json.load(open(sys.argv[2]))
        assert isinstance(p['gradable'], bool) and 0 <= p['score'] <= 1, p
        assert all({'name', 'points', 'max_points'} <= set(t) and 0 <= t['points'] <= t['max_points'] for t in p['tests'])
        root = ET.parse(sys.argv[3]).getroot()
        cases = root.findall('.//testcase')
        assert len(cases) == 4 and all(c.find('failure') is not None for c in cases), 'every unanswered question fails'
        assert root.get('failures') == '4' and root.get('skipped') == '0'
        print('ok')
        """
        let result = try Self.tool(Self.python, ["-c", script, gradescope.path, prairie.path, junit.path])
        #expect(result.status == 0 && result.output == "ok\n", "\(result.output)")
        let score = try Self.quiz(["grade", blank.path, "--format", "score"])
        #expect(score.stdout == "twlab score: 0.00\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python), "needs python3 with PyYAML"))
    func everyKitParses() throws {
        for platform in ["gradescope", "prairielearn", "classroom50", "ci"] {
            let dir = try QuizEndToEndTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = try TwlabBinary.run(["quiz", "kit", platform, dir.path, "--lesson", "four-way-close"])
            #expect(result.status == 0, "\(platform): \(result.stderr)")
            let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
            var checked = 0
            for file in files {
                let path = dir.appendingPathComponent(file).path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let text = try String(contentsOfFile: path, encoding: .utf8)
                if file.hasSuffix(".json") {
                    let check = try Self.tool(Self.python, ["-c", "import json, sys; json.load(open(sys.argv[1]))", path])
                    #expect(check.status == 0, "\(platform)/\(file): \(check.output)")
                    checked += 1
                } else if file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
                    let check = try Self.tool(Self.python, ["-c", "import yaml, sys; yaml.safe_load(open(sys.argv[1]))", path])
                    #expect(check.status == 0, "\(platform)/\(file): \(check.output)")
                    checked += 1
                } else if text.hasPrefix("#!/usr/bin/env bash") {
                    let check = try Self.tool("/bin/bash", ["-n", path])
                    #expect(check.status == 0, "\(platform)/\(file): \(check.output)")
                    #expect(FileManager.default.isExecutableFile(atPath: path), "\(platform)/\(file) is executable")
                    checked += 1
                }
                #expect(!text.contains("openssl rand -hex 32 >") || file.hasSuffix("README.md"), "no secret is made inside a script")
            }
            #expect(checked >= 2, "\(platform): \(files)")
        }
    }

    /// `--output` onto a FIFO, a character device and a link to one: each keeps its kind.
    @Test func outputsOntoSpecialFilesAreWrittenInPlace() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("s.yaml")
        try QuizEndToEndTests.write("student: s\nanswers: {}\n", to: blank)
        func kind(_ path: String) -> mode_t {
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
        }
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = dir.appendingPathComponent("link").path
        #expect(symlink(fifo, link) == 0)
        for target in [fifo, link] {
            nonisolated(unsafe) var received = Data()
            let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
            reader.start()
            let result = try Self.quiz(["grade", blank.path, "--format", "score", "--output", target])
            while !reader.isFinished { usleep(1000) }
            #expect(result.status == 1)
            #expect(String(decoding: received, as: UTF8.self) == "twlab score: 0.00\n")
        }
        #expect(kind(fifo) == S_IFIFO && kind(link) == S_IFLNK)
        let dash = try Self.quiz(["grade", blank.path, "--format", "score", "--output", "-"])
        #expect(dash.stdout == "twlab score: 0.00\n", "- is standard output")
        #expect(!FileManager.default.fileExists(atPath: TwlabBinary.repositoryRoot.appendingPathComponent("-").path))
        var null = stat()
        stat("/dev/null", &null)
        let device = dir.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0 {
            let result = try Self.quiz(["grade", blank.path, "--format", "json", "--output", device])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(kind(device) == S_IFCHR)
        } else {
            print("skipped the character-device case: mknod is not permitted here (\(String(cString: strerror(errno))))")
        }
    }

    /// A submission that is a link to the secret: refused, and no byte of the secret in any output.
    @Test func aLinkToTheSecretIsNeverEchoed() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secretText = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
        let secret = dir.appendingPathComponent("secret")
        try QuizEndToEndTests.write(secretText + "\n", to: secret)
        let submission = dir.appendingPathComponent("submission")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: submission.appendingPathComponent("answers.yaml"), withDestinationURL: secret)
        try QuizEndToEndTests.write(secretText, to: submission.appendingPathComponent("copy.yaml"))
        for format in ["text", "json", "junit", "tap", "csv"] {
            let result = try Self.quiz(["grade", submission.path, "--format", format, "--secret-file", secret.path])
            #expect(result.status == 2)
            let all = result.stdout + result.stderr
            #expect(!all.contains(String(secretText.prefix(6))), "\(format)")
            #expect(all.contains("leads out of the submission folder") && all.contains("holds the course secret"))
        }
    }

    @Test func aCourseFileChoosesTheSetAndThePassMark() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course.yaml")
        try QuizEndToEndTests.write("questions: [attack/animal]\npass-mark: 1\n", to: course)
        let file = dir.appendingPathComponent("a.yaml")
        try QuizEndToEndTests.write("student: a\nanswers:\n  attack/animal: zebra-quokka\n", to: file)
        let result = try Self.quiz(["grade", file.path, "--course", course.path, "--format", "score"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "twlab score: 1.00\n")
        let twice = try Self.quiz(["grade", file.path, file.path, "--course", course.path, "--format", "csv"])
        #expect(twice.stderr.contains("warning:"), "\(twice.stderr)")
        #expect(twice.stdout.components(separatedBy: "duplicate-student").count == 3)
    }
}
