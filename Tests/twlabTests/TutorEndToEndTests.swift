import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end runs of the tutor through the built `twlab` shell, with a private `TWLAB_HOME`.
///
/// The answers are never written here: `_tutor script ID` prints the commands a learner would type,
/// computed by the same `AnswerOracle` that grades them, so the tests follow the shipped lessons.
@Suite(.serialized) struct TutorEndToEndTests {
    /// True when the repository ships English lessons (the suite needs them).
    static let shippedLessons: Bool = {
        let folder = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons/en")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.contains { $0.hasSuffix(".md") }
    }()

    static func temporaryHome() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func shell(_ lines: [String], home: URL) throws -> TwlabBinary.Output {
        try TwlabBinary.run([], stdin: lines.joined(separator: "\n") + "\n",
                            environment: ["TWLAB_HOME": home.path, "TWLAB_LANG": "en"], timeout: 120)
    }

    /// The lesson ids, read from `lessons` (each line starts with a progress mark and the id).
    static func lessonIDs(home: URL) throws -> [String] {
        let output = try shell(["lessons"], home: home)
        return output.stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, ["✓", "▸", "·"].contains(String(words[0])) else { return nil }
            return String(words[1])
        }
    }

    static func script(_ id: String, wrong: Bool, labs: Bool = false, home: URL) throws -> [String] {
        let output = try shell(["_tutor script \(id)" + (wrong ? " --wrong" : "") + (labs ? " --labs" : "")], home: home)
        #expect(output.status == 0, "_tutor script \(id) failed: \(output.stdout) \(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("twlab>") }
    }

    static func exportedReport(home: URL) throws -> [String: Any] {
        let file = home.appendingPathComponent("export.json")
        _ = try shell(["progress --export \(file.path)"], home: home)
        let data = try Data(contentsOf: file)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func everyLessonCanBeFinishedWithAFullScore() throws {
        let home = try Self.temporaryHome()
        let ids = try Self.lessonIDs(home: home)
        #expect(ids.count >= 8, "expected the eight shipped lessons, found \(ids)")
        for id in ids {
            let lines = try Self.script(id, wrong: false, home: home)
            #expect(lines.first == "start \(id)")
            let run = try Self.shell(lines, home: home)
            #expect(run.status == 0, "lesson \(id) did not run cleanly:\n\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("Finished"), "lesson \(id) did not finish")
            #expect(!run.stdout.contains("✗ You said"), "lesson \(id) graded an oracle answer wrong:\n\(run.stdout)")
        }
        let report = try Self.exportedReport(home: home)
        let score = try #require(report["score"] as? Double)
        let maxScore = try #require(report["maxScore"] as? Double)
        #expect(maxScore > 0)
        #expect(score == maxScore)
        let lessons = try #require(report["lessons"] as? [[String: Any]])
        #expect(lessons.allSatisfy { $0["status"] as? String == "finished" })
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func answeringEverythingWrongShowsHintsAndExplanations() throws {
        let home = try Self.temporaryHome()
        for id in try Self.lessonIDs(home: home) {
            let lines = try Self.script(id, wrong: true, home: home)
            let run = try Self.shell(lines, home: home)
            #expect(run.status == 0, "lesson \(id) failed when answered wrong:\n\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("✗ You said"), "lesson \(id): no wrong-answer feedback")
            #expect(run.stdout.contains("Expected:"), "lesson \(id): the expected answer was never shown")
            #expect(run.stdout.contains("Hint 1 of"), "lesson \(id): no hint was offered")
            #expect(run.stdout.contains("Finished"), "lesson \(id) did not finish")
            #expect(!run.stderr.contains("Fatal error"))
        }
        let report = try Self.exportedReport(home: home)
        #expect(report["score"] as? Double == 0)
    }

    /// The first lesson with its live experiments: each runs on loopback and is set beside the
    /// prediction and the simulation, or, where the lab cannot run, says so and the lesson goes on.
    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func theLiveExperimentsOfALessonRunFromTheTutor() throws {
        let home = try Self.temporaryHome()
        let id = try #require(try Self.lessonIDs(home: home).first)
        let lines = try Self.script(id, wrong: false, labs: true, home: home)
        try #require(lines.contains("yes"), "lesson \(id) offers no live experiment")
        let run = try Self.shell(lines, home: home)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        // A lab prints its findings; one tied to a prediction adds the side-by-side comparison.
        let ran = run.stdout.contains("Live kernel") || run.stdout.contains("  finding ")
        let refused = run.stdout.contains("The live experiment did not run")
        #expect(ran || refused, "\(run.stdout)")
        if ran {
            #expect(run.stdout.contains("live kernel     :") || run.stdout.contains(" = "))
        }
        #expect(run.stdout.contains("Finished"))
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func aRestartedShellResumesMidLesson() throws {
        let home = try Self.temporaryHome()
        let id = try #require(try Self.lessonIDs(home: home).first)
        let lines = try Self.script(id, wrong: false, home: home)
        // Up to and including the first `next`: the learner is on step 2 when the shell quits.
        let firstNext = try #require(lines.firstIndex(of: "next"))
        let first = try Self.shell(Array(lines[...firstNext]), home: home)
        #expect(first.status == 0, "\(first.stdout)")
        let second = try Self.shell(["where", "lessons"], home: home)
        #expect(second.stdout.contains("step 2 of"), "\(second.stdout)")
        #expect(second.stdout.contains("▸ \(id)"))
        // The rest of the script (without its `start`) finishes the lesson in a third shell.
        let third = try Self.shell(["start \(id)"] + Array(lines[(firstNext + 1)...]), home: home)
        #expect(third.stdout.contains("Resuming"))
        #expect(third.stdout.contains("Finished"), "\(third.stdout)")
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func skipAndSolutionAreRecordedApartFromSolves() throws {
        let home = try Self.temporaryHome()
        let id = try #require(try Self.lessonIDs(home: home).first)
        let run = try Self.shell(["start \(id)", "hint", "skip", "where"], home: home)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("Hint 1 of"))
        #expect(run.stdout.contains("recorded as skipped"))
        // A restarted shell resumes; the first lesson's second step asks a question at once.
        let second = try Self.shell(["start \(id)", "next", "solution"], home: home)
        #expect(second.stdout.contains("Solution (recorded as revealed, not solved)"), "\(second.stdout)")
        let report = try Self.exportedReport(home: home)
        let lesson = try #require((report["lessons"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        let questions = try #require(lesson["questions"] as? [[String: Any]])
        let skipped = questions.filter { $0["skipped"] as? Bool == true }
        let revealed = questions.filter { $0["revealed"] as? Bool == true }
        #expect(skipped.count == 1 && revealed.count == 1)
        #expect((skipped + revealed).allSatisfy { $0["solved"] as? Bool == false })
        #expect(lesson["score"] as? Double == 0)
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func reviewingAFinishedLessonChangesNothing() throws {
        let home = try Self.temporaryHome()
        let id = try #require(try Self.lessonIDs(home: home).first)
        _ = try Self.shell(try Self.script(id, wrong: false, home: home), home: home)
        let file = home.appendingPathComponent("progress.json")
        let before = try Data(contentsOf: file)
        let run = try Self.shell(["review \(id)", "next", "next", "back", "where", "start \(id)", "lessons"], home: home)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("Review (read-only)"))
        #expect(run.stdout.contains("✓ \(id)"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(.enabled(if: shippedLessons, "needs lessons in Lessons/en"))
    func aCorruptProgressFileIsSetAsideWithOneWarning() throws {
        let home = try Self.temporaryHome()
        try Data("not json".utf8).write(to: home.appendingPathComponent("progress.json"))
        let run = try Self.shell(["lessons"], home: home)
        #expect(run.status == 0)
        let output = run.stdout + run.stderr
        #expect(output.split(separator: "\n").filter { $0.contains("corrupt-") }.count == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: home.path)
        #expect(files.contains { $0.hasPrefix("progress.json.corrupt-") })
    }

    /// A shell saving progress in a tight loop is killed with SIGKILL at varied moments; each time
    /// the file left behind must parse.
    @Test func killingASaveLeavesAReadableFile() throws {
        let home = try Self.temporaryHome()
        let file = home.appendingPathComponent("progress.json")
        for round in 0..<6 {
            let process = Process()
            process.executableURL = TwlabBinary.url
            process.currentDirectoryURL = TwlabBinary.repositoryRoot
            var env = ProcessInfo.processInfo.environment
            env["TWLAB_HOME"] = home.path
            env["NO_COLOR"] = "1"
            process.environment = env
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("_tutor save-loop 1000000\n".utf8))
            try? input.fileHandleForWriting.close()
            // Wait until saving has begun, then a little longer, varying the moment of the kill.
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: file.path) && Date() < deadline { usleep(5_000) }
            usleep(useconds_t(20_000 + round * 37_000))
            #expect(process.isRunning, "the save loop ended before it was killed")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let data = try Data(contentsOf: file)
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(json?["lessons"] is [String: Any], "round \(round): progress.json did not parse")
        }
    }
}
