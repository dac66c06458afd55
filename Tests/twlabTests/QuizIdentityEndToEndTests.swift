import Foundation
import Testing

/// Who a graded file belongs to, and what the instructor's own files are worth: Gradescope's roster
/// id, per-student papers in bulk, PrairieLearn's missing identity, kits that keep edits and refuse
/// planted links, look-alike ids, and text reports that fit the terminal.
@Suite struct QuizIdentityEndToEndTests {
    static let lessons = QuizEndToEndTests.lessons

    static func quiz(_ arguments: [String], environment: [String: String] = [:]) throws -> TwlabBinary.Output {
        try QuizEndToEndTests.quiz(arguments, lessons: lessons, environment: environment)
    }

    /// The review's repro: ada's correct file (made from `quiz paper --student ada`) with Gradescope
    /// metadata whose internal id is 1234 and whose roster SID is ada scores full marks as ada.
    @Test func gradescopeGradesUnderTheRosterSIDNotTheInternalID() throws {
        let root = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("course.secret")
        try QuizEndToEndTests.write("k3y-of-the-course\n", to: secret)
        let expected = try QuizEndToEndTests.canonicalAnswers(student: "ada", lessons: Self.lessons, directory: root, secret: secret)
        #expect(expected.count > 20)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try QuizEndToEndTests.write(#"{"users":[{"email":"ada@x","id":1234,"name":"Ada","sid":"ada"}]}"#,
                                    to: root.appendingPathComponent("submission_metadata.json"))
        try QuizEndToEndTests.write(QuizEndToEndTests.answersFile(student: "ada", expected), to: root.appendingPathComponent("submission/ada.yaml"))
        let result = try Self.quiz(["grade", "--format", "gradescope", "--secret-file", secret.path],
                                   environment: ["TWLAB_AUTOGRADER_ROOT": root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
        let tests = object["tests"] as? [[String: Any]] ?? []
        #expect(!tests.isEmpty && tests.allSatisfy { $0["status"] as? String == "passed" })
        #expect((object["extra_data"] as? [String: Any])?["student"] as? String == "ada")
        #expect(!result.stderr.contains("differs"), "the file's student: is the roster id")

        // Without a SID the e-mail is the id.
        try QuizEndToEndTests.write(#"{"users":[{"email":"ada@x","id":1234,"sid":null}]}"#, to: root.appendingPathComponent("submission_metadata.json"))
        _ = try Self.quiz(["grade", "--format", "gradescope", "--secret-file", secret.path], environment: ["TWLAB_AUTOGRADER_ROOT": root.path])
        let byEmail = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
        #expect((byEmail["extra_data"] as? [String: Any])?["student"] as? String == "ada@x")
    }

    /// `quiz paper --students ROSTER --output-dir DIR` writes exactly what `--student ID` prints, per id.
    @Test func papersForAWholeRosterMatchTheOneStudentPaper() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("course.secret")
        try QuizEndToEndTests.write("another-secret\n", to: secret)
        let roster = dir.appendingPathComponent("roster.csv")
        try QuizEndToEndTests.write("First Name,Last Name,SID,Email\nAda,L,ada,ada@x\nGrace,H,,grace@x\n", to: roster)
        let out = dir.appendingPathComponent("papers")
        let result = try Self.quiz(["paper", "--students", roster.path, "--template", "--secret-file", secret.path, "--output-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote 2 answers files"))
        for id in ["ada", "grace@x"] {
            let one = try Self.quiz(["paper", "--student", id, "--template", "--secret-file", secret.path])
            let written = try String(contentsOf: out.appendingPathComponent("\(id).yaml"), encoding: .utf8)
            #expect(written == one.stdout, "\(id)")
        }
        let readable = try Self.quiz(["paper", "--students", roster.path, "--secret-file", secret.path, "--output-dir", out.path])
        #expect(readable.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ada.txt").path))
    }

    @Test func aLookAlikeIdIsRefusedForAPaper() throws {
        let result = try Self.quiz(["paper", "--student", "ad\u{0430}"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mixes letters of Latin and Cyrillic"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A platform that names no student grades nothing: a PrairieLearn question without a paper in its
    /// params (missing, malformed or empty data.json), a Gradescope run without a user. Otherwise a
    /// copied file would be graded under its own `student:` line.
    @Test func withoutThePlatformsIdentityNothingIsGraded() throws {
        let root = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("student"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try QuizEndToEndTests.write("student: bob\nanswers: {}\n", to: root.appendingPathComponent("student/answers.yaml"))
        for data in [#"{"params":{},"submitted_answers":{},"variant_seed":12345}"#, #"{"params":"#, #"{"params":{"paper":5}}"#,
                     #"{"params":{"paper":""}}"#, nil] {
            let file = root.appendingPathComponent("data/data.json")
            try? FileManager.default.removeItem(at: file)
            if let data { try QuizEndToEndTests.write(data, to: file) }
            let result = try QuizEndToEndTests.quiz(["grade", "--format", "prairielearn"], lessons: QuizEndToEndTests.testLessons,
                                                    environment: ["TWLAB_PRAIRIELEARN_ROOT": root.path])
            #expect(result.status == 2, "\(data ?? "no data.json")")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
            #expect(object["gradable"] as? Bool == false && object["score"] as? Double == 0, "\(object)")
            #expect((object["output"] as? String ?? "").contains("gave no paper (params.paper"), "\(object)")
        }
        let gradescope = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: gradescope) }
        try FileManager.default.createDirectory(at: gradescope.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try QuizEndToEndTests.write("student: bob\nanswers: {}\n", to: gradescope.appendingPathComponent("submission/a.yaml"))
        try QuizEndToEndTests.write(#"{"users":[]}"#, to: gradescope.appendingPathComponent("submission_metadata.json"))
        let result = try QuizEndToEndTests.quiz(["grade", "--format", "gradescope"], lessons: QuizEndToEndTests.testLessons,
                                                environment: ["TWLAB_AUTOGRADER_ROOT": gradescope.path])
        #expect(result.status == 2)
        let text = try String(contentsOf: gradescope.appendingPathComponent("results/results.json"), encoding: .utf8)
        #expect(text.contains("Gradescope named no student"), "\(text)")
    }

    /// The PrairieLearn kit deals each variant a paper from the instructor's pool (`server.py`, run here
    /// by python3 as PrairieLearn would call it), and the grader grades under `params.paper`: the
    /// paper's own answers score full marks, the same file handed in under another paper does not.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: QuizPlatformEndToEndTests.python), "needs python3"))
    func prairieLearnGradesUnderTheDealtPaper() throws {
        let root = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("course-secret")
        try QuizEndToEndTests.write("pl-course-key\n", to: secret)
        let kit = root.appendingPathComponent("kit")
        #expect(try TwlabBinary.run(["quiz", "kit", "prairielearn", kit.path]).status == 0)
        let papers = kit.appendingPathComponent("serverFilesCourse/twlab/papers")
        let pool = try Self.quiz(["paper", "--pool", "3", "--secret-file", secret.path, "--output-dir", papers.path])
        #expect(pool.status == 0, "\(pool.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: papers.path).sorted()
        let ids = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        #expect(files.count == 3 && ids.count == 3 && ids.allSatisfy { $0.hasPrefix("pl-") && $0.count == 13 }, "\(files)")
        #expect(try Self.quiz(["paper", "--pool", "3", "--output-dir", papers.path]).stderr.contains("--secret-file"),
                "a pool of practice papers is refused")

        // server.py, as PrairieLearn calls it: `random` seeded with the variant's seed.
        let script = """
            import json, random, sys
            sys.path.insert(0, sys.argv[1])
            import server
            dealt = []
            for seed in range(40):
                random.seed(seed)
                data = {"params": {}, "options": {"server_files_course_path": sys.argv[2]}}
                server.generate(data)
                dealt.append(data["params"])
            print(json.dumps(dealt))
            """
        let run = try QuizPlatformEndToEndTests.tool(QuizPlatformEndToEndTests.python,
                                                     ["-c", script, kit.appendingPathComponent("questions/twlab-quiz").path,
                                                      kit.appendingPathComponent("serverFilesCourse").path])
        #expect(run.status == 0, "\(run.output)")
        let dealt = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: String]])
        #expect(Set(dealt.compactMap { $0["paper"] }) == Set(ids), "40 variants are dealt every paper of the pool")
        for params in dealt {
            let paper = try #require(params["paper"])
            let template = try String(contentsOf: papers.appendingPathComponent(paper + ".yaml"), encoding: .utf8)
            #expect(params["template"] == template && template.contains("student: \"\(paper)\""))
        }

        // Grading: ada's paper is ids[0]; she hands in its answers. A classmate dealt ids[1] hands in a copy.
        let expected = try QuizEndToEndTests.canonicalAnswers(student: ids[0], lessons: Self.lessons, directory: root, secret: secret)
        let grade = root.appendingPathComponent("grade")
        try FileManager.default.createDirectory(at: grade.appendingPathComponent("student"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: grade.appendingPathComponent("data"), withIntermediateDirectories: true)
        try QuizEndToEndTests.write(QuizEndToEndTests.answersFile(student: ids[0], expected), to: grade.appendingPathComponent("student/answers.yaml"))
        func score(dealt paper: String) throws -> (score: Double, output: String, stderr: String) {
            try QuizEndToEndTests.write(#"{"params":{"paper":"\#(paper)"},"submitted_answers":{},"variant_seed":7}"#,
                                        to: grade.appendingPathComponent("data/data.json"))
            let result = try Self.quiz(["grade", "--format", "prairielearn", "--secret-file", secret.path],
                                       environment: ["TWLAB_PRAIRIELEARN_ROOT": grade.path])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: grade.appendingPathComponent("results/results.json"))) as? [String: Any])
            return (object["score"] as? Double ?? -1, object["output"] as? String ?? "", result.stderr)
        }
        let own = try score(dealt: ids[0])
        #expect(own.score == 1, "\(own.output)")
        #expect(!own.output.contains("does not tell the grader"))
        let copied = try score(dealt: ids[1])
        #expect(copied.score < 0.6, "a copy graded under another paper: \(copied.score)")
        #expect(copied.stderr.contains("differs from the platform's id `\(ids[1])`"), "\(copied.stderr)")
    }

    /// A planted link in the kit folder is refused and its target untouched; an edited course.yaml
    /// is kept on a second run unless --force.
    @Test func kitsRefuseLinksAndKeepEdits() throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim")
        try QuizEndToEndTests.write("precious\n", to: victim)
        let kit = dir.appendingPathComponent("kk")
        try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: kit.appendingPathComponent("setup.sh"), withDestinationURL: victim)
        let refused = try TwlabBinary.run(["quiz", "kit", "gradescope", kit.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is a symbolic link") && refused.stderr.hasPrefix("error: "), "\(refused.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: kit.appendingPathComponent("course.yaml").path), "a refusal writes nothing")
        let forced = try TwlabBinary.run(["quiz", "kit", "gradescope", kit.path, "--force"])
        #expect(forced.status == 2)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n", "--force never follows a link")

        try FileManager.default.removeItem(at: kit.appendingPathComponent("setup.sh"))
        #expect(try TwlabBinary.run(["quiz", "kit", "gradescope", kit.path]).status == 0)
        let course = kit.appendingPathComponent("course.yaml")
        try QuizEndToEndTests.write("lessons: [four-way-close]\npass-mark: 0.8\n", to: course)
        let again = try TwlabBinary.run(["quiz", "kit", "gradescope", kit.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Kept") && again.stdout.contains("course.yaml"), "\(again.stdout)")
        #expect(try String(contentsOf: course, encoding: .utf8) == "lessons: [four-way-close]\npass-mark: 0.8\n")
        let overwrite = try TwlabBinary.run(["quiz", "kit", "gradescope", kit.path, "--force"])
        #expect(overwrite.status == 0)
        #expect(try String(contentsOf: course, encoding: .utf8).contains("pass-mark: 0.6"))
    }

    /// The text report with explanations fits an 80-column terminal; JSON stays one value per line.
    @Test(arguments: [80, 60])
    func theTextReportFitsTheTerminal(columns: Int) throws {
        let dir = try QuizEndToEndTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("ada.yaml")
        try QuizEndToEndTests.write("student: ada\nanswers:\n  four-way-close/client-after-both: listen\n", to: blank)
        let result = try Self.quiz(["grade", blank.path, "--feedback", "explain"], environment: ["COLUMNS": String(columns)])
        #expect(result.status == 1)
        let wide = result.stdout.split(separator: "\n").filter { DisplayColumns.of(String($0)) > columns }
        #expect(wide.isEmpty, "\(wide)")
        #expect(result.stdout.contains("wrong   four-way-close/client-after-both"))
        let json = try Self.quiz(["grade", blank.path, "--feedback", "explain", "--format", "json"], environment: ["COLUMNS": String(columns)])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
    }
}
