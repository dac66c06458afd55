import Foundation
import Testing
import Lessons
import TCPModel
@testable import Quiz

/// A student trying to cheat: every case is an attack and the assertion that it fails.
@Suite("Student attacks")
struct StudentAttackTests {
    /// Questions whose right answers are words no report would print by chance.
    static let questions: [Question] = [
        QuizFixtures.question("a", lesson: "l", prompt: "Name the animal.", answer: .text, source: .key(["zebra-quokka"])),
        QuizFixtures.question("b", lesson: "l", kind: .predict, prompt: "Which state?", answer: .state, source: .key(["CLOSING"])),
        QuizFixtures.question("c", lesson: "m", prompt: "{n} thousand and seven?", answer: .number(tolerance: 0),
                              source: .expression("n * 1000 + 7"), params: [QuestionParameter(name: "n", range: 31...39, step: 1)]),
        QuizFixtures.question("d", lesson: "m", prompt: "Which one?", answer: .choice(["alpha-choice", "omega-choice"]),
                              source: .key(["omega-choice"])),
    ]
    static let authority = AnswerAuthority.standard(scenarios: ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent")))

    static func grader(secret: String = "course-secret") -> QuizGrader {
        QuizGrader(questions: questions, generator: VariantGenerator(secret: Data(secret.utf8)), authority: authority)
    }

    /// Every report a student can see, in every format (Gradescope at every visibility).
    static func everyReport(_ run: GradingRun) -> [(String, String)] {
        ReportFormat.allCases.map { ($0.rawValue, $0.render(run)) }
            + GradescopeReportWriter.visibilities.map { ("gradescope-\($0)", GradescopeReportWriter(visibility: $0).write(run)) }
    }

    static func expectedAnswers(for student: String, grader: QuizGrader) throws -> [String] {
        try grader.questions.map { question in
            try grader.expected(for: question, variant: grader.generator.variant(for: question, student: student)).get()
        }
    }

    @Test(arguments: ["student: mallory\nanswers: {}\n", "student: mallory\n", "", "student: mallory\nanswers:\n  l/a: no idea\n"])
    func aBlankFileShowsNoExpectedAnswer(_ text: String) throws {
        let grader = Self.grader()
        let file = AnswersFileParser.parse(Data(text.utf8), path: "mallory.yaml")
        let expected = try Self.expectedAnswers(for: file.student, grader: grader)
        for feedback in Disclosure.Feedback.allCases {
            let run = grader.grade([file], passMark: 0.6, disclosure: Disclosure(feedback: feedback))
            for (format, report) in Self.everyReport(run) {
                for answer in expected {
                    #expect(!report.contains(answer), "\(format) with --feedback \(feedback.rawValue) shows the answer \(answer)")
                }
            }
            for problem in run.submissions[0].problems {
                for answer in expected { #expect(!problem.contains(answer)) }
            }
        }
        // The search can fail: with --show-expected the answers are there.
        let shown = grader.grade([file], passMark: 0.6, disclosure: Disclosure(showExpected: true))
        #expect(expected.allSatisfy { TextReportWriter().write(shown).contains($0) })
    }

    @Test func aNarrowedLessonsListDoesNotShrinkTheCourse() throws {
        let grader = Self.grader()
        let right = try Self.expectedAnswers(for: "nina", grader: grader)
        let text = "student: nina\nlessons: [l]\nanswers:\n  l/a: \(right[0])\n  l/b: \(right[1])\n"
        let run = grader.grade([AnswersFileParser.parse(Data(text.utf8), path: "nina.yaml")], passMark: 0.6)
        let submission = run.submissions[0]
        #expect(submission.maxScore == 4)
        #expect(submission.score == 2)
        #expect(!submission.passes(0.6))
        #expect(run.exitStatus == 1)
        #expect(submission.questions.filter { $0.lessonID == "m" }.allSatisfy { $0.status == .missing })
        #expect(submission.problems.contains { $0.contains("does not choose what is graded") })
        let csv = CSVGradebookWriter().write(run).split(separator: "\r\n")
        #expect(csv[0].contains("m/c") && csv[0].contains("m/d"))
    }

    /// Unanswered is wrong in every format: a JUnit failure, a TAP `not ok`, a Gradescope `failed`.
    @Test func unansweredQuestionsFailInEveryFormat() throws {
        let run = Self.grader().grade([AnswersFileParser.parse(Data("student: x\nanswers: {}\n".utf8), path: "x.yaml")], passMark: 0.6)
        let junit = JUnitReportWriter().write(run)
        #expect(junit.contains("failures=\"4\""))
        #expect(!junit.contains("<skipped"))
        let tap = TAPReportWriter().write(run)
        #expect(tap.components(separatedBy: "\nnot ok ").count - 1 == 4)
        let gradescope = try #require(try JSONSerialization.jsonObject(with: Data(GradescopeReportWriter().write(run).utf8)) as? [String: Any])
        let tests = try #require(gradescope["tests"] as? [[String: Any]])
        #expect(tests.count == 4 && tests.allSatisfy { $0["status"] as? String == "failed" })
        let prairie = try #require(try JSONSerialization.jsonObject(with: Data(PrairieLearnReportWriter().write(run).utf8)) as? [String: Any])
        #expect(prairie["score"] as? Double == 0)
        #expect(ScoreLineWriter().write(run) == "twlab score: 0.00\n")
    }

    /// Handing in a classmate's right answers under one's own id, or the practice answers, on the
    /// shipped lessons: below the default pass mark on at least 19 of 20 random pairs. The pairs and
    /// the secret come from a seeded generator, so a failure can be reproduced.
    @Test(arguments: [UInt64(2026), 0x5eed_cafe, 77])
    func aClassmatesFileOrThePracticeAnswersFail(seed: UInt64) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons")
        let catalog = try QuizCatalog.load(directory: root, selecting: [])
        var random = SplitMix64(seed: seed)
        let secret = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
        let grader = QuizGrader(questions: catalog.questions, generator: VariantGenerator(secret: secret),
                                authority: .standard(scenarios: catalog.scenarios))
        let practice = QuizGrader(questions: catalog.questions, generator: VariantGenerator(secret: nil),
                                  authority: .standard(scenarios: catalog.scenarios))
        func answers(of student: String, by source: QuizGrader) throws -> [(id: String, value: AnswerValue)] {
            try source.questions.map { question in
                let variant = source.generator.variant(for: question, student: student)
                return (question.id, AnswerValue(text: try source.expected(for: question, variant: variant).get(), line: 1))
            }
        }
        var copyScores: [Double] = [], practiceScores: [Double] = []
        for pair in 0..<20 {
            let victim = "student-\(pair)-\(UInt32.random(in: 0...UInt32.max, using: &random))"
            let copier = "student-\(pair)-\(UInt32.random(in: 0...UInt32.max, using: &random))"
            let own = grader.grade(AnswersFile(path: "own.yaml", student: victim, answers: try answers(of: victim, by: grader)))
            #expect(own.fraction == 1, "the victim's own answers are right")
            let copied = grader.grade(AnswersFile(path: "copy.yaml", student: copier, answers: try answers(of: victim, by: grader)))
            copyScores.append(copied.fraction)
            let fromPractice = grader.grade(AnswersFile(path: "practice.yaml", student: copier, answers: try answers(of: copier, by: practice)))
            practiceScores.append(fromPractice.fraction)
        }
        func summary(_ scores: [Double]) -> String {
            scores.map { String(format: "%.2f", $0) }.joined(separator: " ") + String(format: " (max %.2f)", scores.max() ?? 0)
        }
        print("copy attack (seed \(seed)) over \(catalog.questions.count) questions, 20 pairs; classmate's file: \(summary(copyScores)); practice answers: \(summary(practiceScores))")
        #expect(copyScores.filter { $0 < 0.6 }.count >= 19)
        #expect(practiceScores.filter { $0 < 0.6 }.count >= 19)
    }

    @Test func twoFilesForOneStudentAreBothFlagged() throws {
        let files = ["a.yaml", "b.yaml"].map { AnswersFileParser.parse(Data("student: sam\nanswers: {}\n".utf8), path: $0) }
            + [AnswersFileParser.parse(Data("student: tia\nanswers: {}\n".utf8), path: "c.yaml")]
        let run = Self.grader().grade(files, passMark: 0.6)
        #expect(run.submissions.map(\.notes) == [[DuplicateStudent.note], [DuplicateStudent.note], []])
        #expect(run.submissions[0].problems.contains { $0.hasPrefix("warning:") && $0.contains("b.yaml") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportWriter().write(run).utf8)) as? [[String: Any]])
        #expect(json.map { $0["notes"] as? [String] ?? [] } == [["duplicate-student"], ["duplicate-student"], []])
        let rows = CSVGradebookWriter().write(run).split(separator: "\r\n")
        #expect(rows[0].hasSuffix(",notes"))
        #expect(rows[1].hasSuffix(",duplicate-student") && rows[2].hasSuffix(",duplicate-student") && !rows[3].hasSuffix("duplicate-student"))
    }

    @Test(arguments: ["\u{202E}alice", "al\u{200B}ice", "bob\u{2066}x", "eve\u{00AD}"])
    func invisibleOrBidiCharactersInAnIdAreRefused(_ id: String) {
        let file = AnswersFileParser.parse(Data("student: \"\(id)\"\nanswers:\n  l/a: x\n".utf8), path: "s.yaml")
        #expect(!file.isUsable)
        #expect(file.student == "s")
        #expect(file.problems.contains { $0.contains("invisible or bidirectional-control character") && $0.contains("line 1") })
    }

    /// A file name (the fallback id) with a bidi override is escaped in every format, never raw.
    @Test func idsAreEscapedInEveryFormat() throws {
        let path = "in\u{202E}txt.yaml"
        let run = Self.grader().grade([AnswersFileParser.parse(Data("answers: {}\n".utf8), path: path)], passMark: 0.6)
        for (format, report) in Self.everyReport(run) {
            #expect(!report.unicodeScalars.contains("\u{202E}"), "\(format) carries a raw U+202E")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportWriter().write(run).utf8)) as? [String: Any])
        #expect(json["student"] as? String == "in\u{202E}txt", "JSON escapes it and a reader gets it back")
    }

    @Test func theSecretAndLinksOutOfTheFolderAreRefusedWithoutEcho() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-attack-\(UUID().uuidString)")
        let submission = dir.appendingPathComponent("submission"), private_ = dir.appendingPathComponent("private")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: private_, withIntermediateDirectories: true)
        let secretText = "s3cr3t-5f1c9a0e7b2d4c6a8e0f"
        let secretFile = private_.appendingPathComponent("course-secret")
        try Data((secretText + "\n").utf8).write(to: secretFile)
        // A link that leaves the submission folder, and a copy of the secret inside it.
        try FileManager.default.createSymbolicLink(at: submission.appendingPathComponent("answers.yaml"), withDestinationURL: secretFile)
        try Data(secretText.utf8).write(to: submission.appendingPathComponent("copy.yaml"))
        let reader = SubmissionReader(secret: Data(secretText.utf8))
        let files = SubmissionReader.expand([submission.path]).map(reader.read)
        #expect(files.count == 2 && files.allSatisfy { !$0.isUsable })
        #expect(files[0].problems.contains { $0.contains("symbolic link that leads out of the submission folder") })
        #expect(files[1].problems.contains { $0.contains("holds the course secret") })
        let run = Self.grader(secret: secretText).grade(files, passMark: 0.6)
        for (format, report) in Self.everyReport(run) {
            #expect(!report.contains(secretText) && !report.contains(String(secretText.prefix(8))), "\(format)")
        }
        #expect(!files.flatMap(\.problems).joined().contains(String(secretText.prefix(8))))
    }

    /// A YAML error names the line and the kind of problem, never the text of the line.
    @Test func messagesNeverQuoteTheFile() {
        let marker = "pa55w0rd-xyz"
        for text in ["\(marker)\n", "student: [\(marker)\nanswers: {}\n", "\(marker): 1\nanswers:\n  l/a: x\n",
                     "student: x\nanswers:\n  \(marker): yes\n", "student: {a: \(marker)}\nanswers: {}\n"] {
            let file = AnswersFileParser.parse(Data(text.utf8), path: "f.yaml")
            let run = Self.grader().grade([file], passMark: 0.6)
            for problem in run.submissions[0].problems {
                #expect(!problem.contains(marker), "\(problem)")
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so the copy attack's pairs are random but reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
