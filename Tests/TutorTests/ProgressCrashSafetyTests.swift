import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Tutor

/// A `kill -9` in the middle of a save must leave the previous (or the new) progress file whole.
///
/// The test starts this same test executable again as a child that runs only
/// `saveLoopChild` (enabled by `TWLAB_SAVE_LOOP_FILE`), which saves progress in a tight loop; the
/// parent kills it with SIGKILL at varied moments and checks that the file still decodes.
@Suite struct ProgressCrashSafetyTests {
    static let childVariable = "TWLAB_SAVE_LOOP_FILE"
    static let childFile = ProcessInfo.processInfo.environment[childVariable]

    /// The child's work: save ever-changing progress until killed (at most two minutes).
    @Test(.enabled(if: childFile != nil, "runs only as the child process of killingASaveLeavesAReadableFile"))
    func saveLoopChild() throws {
        let store = ProgressStore(url: URL(fileURLWithPath: try #require(Self.childFile)))
        let until = Date().addingTimeInterval(120)
        var progress = Progress()
        var round = 0
        while Date() < until {
            round += 1
            var record = progress[lesson: "loop"]
            record.step = round
            record.questions["loop/q\(round % 40)"] = QuestionProgress(attempts: round, lastAnswer: String(repeating: "x", count: round % 300))
            progress[lesson: "loop"] = record
            try store.save(progress)
        }
    }

    @Test(.enabled(if: childFile == nil && FileManager.default.isExecutableFile(atPath: "/proc/self/exe"),
                   "needs /proc/self/exe to start the child"))
    func killingASaveLeavesAReadableFile() throws {
        let store = try TutorFixtures.temporaryStore()
        var killedWhileRunning = 0
        for round in 0..<8 {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--testing-library", "swift-testing", "--filter", "saveLoopChild"]
            var env = ProcessInfo.processInfo.environment
            env[Self.childVariable] = store.url.path
            child.environment = env
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: store.url.path) && Date() < deadline && child.isRunning {
                usleep(2_000)
            }
            usleep(useconds_t(5_000 + round * 23_000))
            if child.isRunning { killedWhileRunning += 1 }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let loaded = store.load()
            #expect(loaded.warning == nil, "round \(round): \(loaded.warning ?? "")")
            #expect(loaded.progress.lessons["loop"] != nil, "round \(round): the saved progress was lost")
        }
        #expect(killedWhileRunning == 8, "the child stopped saving before it was killed")
        // Loading cleaned up the temporary files the killed children left.
        let files = try FileManager.default.contentsOfDirectory(atPath: store.url.deletingLastPathComponent().path)
        #expect(files.filter { $0.contains(".twlab-") }.isEmpty, "left behind: \(files)")
    }
}
