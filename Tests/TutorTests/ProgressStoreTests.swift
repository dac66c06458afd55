import Foundation
import Testing
@testable import Tutor

@Suite struct ProgressStoreTests {
    @Test func twlabHomeWinsOverXDGAndHome() {
        let env = ["TWLAB_HOME": "/class/alice", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]
        #expect(ProgressStore.defaultLocation(environment: env).path == "/class/alice/progress.json")
    }

    @Test func xdgDataHomeIsUsedWhenSet() {
        let env = ["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]
        #expect(ProgressStore.defaultLocation(environment: env).path == "/xdg/twlab/progress.json")
    }

    @Test func theDefaultIsUnderLocalShare() {
        // The XDG Base Directory spec: an empty or relative XDG_DATA_HOME is ignored.
        let env = ["XDG_DATA_HOME": "relative", "HOME": "/home/a"]
        #expect(ProgressStore.defaultLocation(environment: env).path == "/home/a/.local/share/twlab/progress.json")
    }

    @Test func aMissingFileIsAFreshStart() throws {
        let store = try TutorFixtures.temporaryStore()
        let loaded = store.load()
        #expect(loaded.progress == Progress())
        #expect(loaded.warning == nil)
    }

    @Test func progressSurvivesASaveAndLoad() throws {
        let store = try TutorFixtures.temporaryStore()
        var progress = Progress(currentLesson: "lost-ack")
        progress[lesson: "lost-ack"] = LessonProgress(step: 2, started: Date(timeIntervalSince1970: 1_700_000_000), questions: [
            "lost-ack/final": QuestionProgress(attempts: 2, hintsUsed: 1, solved: true, secondsSpent: 12.5, lastAnswer: "TIME_WAIT"),
        ])
        try store.save(progress)
        #expect(store.load().progress == progress)
        // The file is plain JSON that another tool can read.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: store.url)) as? [String: Any]
        let lessons = json?["lessons"] as? [String: Any]
        #expect((lessons?["lost-ack"] as? [String: Any])?["step"] as? Int == 2)
    }

    @Test func savingLeavesNoTemporaryFilesBehind() throws {
        let store = try TutorFixtures.temporaryStore()
        for step in 0..<5 {
            try store.save(Progress(lessons: ["a": LessonProgress(step: step)]))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: store.url.deletingLastPathComponent().path)
        #expect(files == ["progress.json"])
    }

    @Test func aCorruptFileIsMovedAsideWithOneWarning() throws {
        let store = try TutorFixtures.temporaryStore()
        let garbage = Data("{\"version\": 1, \"lessons\": {".utf8)
        try garbage.write(to: store.url)
        let when = Date(timeIntervalSince1970: 1_764_100_000)
        let loaded = store.load(now: when)
        #expect(loaded.progress == Progress())
        let warning = try #require(loaded.warning)
        #expect(!warning.contains("\n"))
        #expect(warning.contains("progress.json.corrupt-"))
        let folder = store.url.deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let aside = try #require(files.first { $0.hasPrefix("progress.json.corrupt-") })
        #expect(try Data(contentsOf: folder.appendingPathComponent(aside)) == garbage)
        #expect(!files.contains("progress.json"))
    }

    @Test func aFileFromAnOlderVersionWithFewerFieldsStillLoads() throws {
        let store = try TutorFixtures.temporaryStore()
        let old = #"{"version":1,"lessons":{"x":{"step":1,"questions":{"x/q":{"attempts":3}}}}}"#
        try Data(old.utf8).write(to: store.url)
        let loaded = store.load()
        #expect(loaded.warning == nil)
        #expect(loaded.progress.lessons["x"]?.questions["x/q"]?.attempts == 3)
    }

    @Test func exportWritesAReportOtherToolsCanRead() throws {
        let store = try TutorFixtures.temporaryStore()
        var session = TutorFixtures.session(store: store)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        let target = store.url.deletingLastPathComponent().appendingPathComponent("export.json")
        #expect(!session.exportProgress(to: target).hasError)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any])
        let lessons = try #require(json["lessons"] as? [[String: Any]])
        let first = try #require(lessons.first)
        #expect(first["id"] as? String == "lost-ack")
        #expect(first["score"] as? Double == 1)
        #expect(first["maxScore"] as? Double == 2)
        let questions = try #require(first["questions"] as? [[String: Any]])
        #expect(questions.first?["solved"] as? Bool == true)
    }

    @Test func aStepPastTheEndInAHandEditedFileResumesAtTheLastStep() throws {
        // Numbers outside twlab's ranges (a negative count, 1e300 seconds) set the file aside
        // (HostileFileTests); a step past the end of a lesson that has since shrunk is legal.
        let store = try TutorFixtures.temporaryStore()
        let edited = #"{"version":1,"lessons":{"lost-ack":{"step":99,"started":"2026-11-25T20:00:00Z","questions":{"lost-ack/final":{"attempts":5,"secondsSpent":12}}}}}"#
        try Data(edited.utf8).write(to: store.url)
        var session = TutorFixtures.session(store: store)
        #expect(session.progressSummary().text.contains("lost-ack"))
        // The saved step is past the end: the lesson resumes at its last step.
        _ = session.start("lost-ack")
        #expect(session.stepIndex == 2)
    }
}
