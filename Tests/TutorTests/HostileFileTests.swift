import Foundation
import Lessons
import Testing
@testable import Tutor

/// Files that lie: progress files with impossible numbers, from a newer twlab, corrupt twice in one
/// second, with escape sequences in saved answers; errors that would print Foundation's text.
@Suite("Hostile files")
struct HostileFileTests {
    private func write(_ json: String, to store: ProgressStore) throws {
        try Data(json.utf8).write(to: store.url)
    }

    private func files(beside store: ProgressStore) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.url.deletingLastPathComponent().path).sorted()
    }

    @Test("a huge number in progress.json is set aside like a corrupt file", arguments: [
        #"{"version":1,"lessons":{"a":{"step":9223372036854775807,"questions":{}}}}"#,
        #"{"version":1,"lessons":{"a":{"step":-1,"questions":{}}}}"#,
        #"{"version":1,"lessons":{"a":{"step":0,"questions":{"a/q":{"attempts":9223372036854775807}}}}}"#,
        #"{"version":1,"lessons":{"a":{"step":0,"questions":{"a/q":{"hintsUsed":9223372036854775807}}}}}"#,
        #"{"version":1,"lessons":{"a":{"step":0,"questions":{"a/q":{"secondsSpent":1e300}}}}}"#,
    ])
    func outOfRangeValues(_ json: String) throws {
        let store = try TutorFixtures.temporaryStore()
        try write(json, to: store)
        let loaded = store.load()
        #expect(loaded.progress == Progress())
        let warning = try #require(loaded.warning)
        #expect(!warning.contains("\n"))
        #expect(warning.contains("outside"), "\(warning)")
        #expect(try files(beside: store).contains { $0.hasPrefix("progress.json.corrupt-") })
        #expect(store.peek() == nil)
    }

    @Test func twoCorruptFilesInTheSameSecondKeepBothBackups() throws {
        let store = try TutorFixtures.temporaryStore()
        let when = Date(timeIntervalSince1970: 1_764_100_000)
        try write("first garbage", to: store)
        _ = store.load(now: when)
        try write("second garbage", to: store)
        let warning = try #require(store.load(now: when).warning)
        let backups = try files(beside: store).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(backups.count == 2)
        let folder = store.url.deletingLastPathComponent()
        let contents = try backups.map { String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self) }
        #expect(Set(contents) == ["first garbage", "second garbage"])
        #expect(warning.contains(backups.sorted().last ?? "?"))
    }

    @Test func aFileFromANewerVersionIsNeverOverwritten() throws {
        let store = try TutorFixtures.temporaryStore()
        let newer = #"{"version":99,"lessons":{},"somethingNew":true}"#
        try write(newer, to: store)
        let loaded = store.load()
        let warning = try #require(loaded.warning)
        #expect(warning.contains("format 99"))
        #expect(!warning.contains("\n"))
        #expect(throws: AtomicFileWriter.WriteError.self) { try store.save(Progress(currentLesson: "x")) }
        #expect(String(decoding: try Data(contentsOf: store.url), as: UTF8.self) == newer)
        #expect(try files(beside: store) == ["progress.json"])
    }

    @Test func escapesInSavedAnswersAreMadeVisibleOnLoad() throws {
        let store = try TutorFixtures.temporaryStore()
        try write(#"{"version":1,"currentLesson":"a\u001b[2J","lessons":{"a":{"step":0,"questions":{"a/q":{"lastAnswer":"\u001b]52;c;aGk=\u0007"}}}}}"#, to: store)
        let loaded = store.load()
        #expect(loaded.warning == nil)
        let answer = try #require(loaded.progress.lessons["a"]?.questions["a/q"]?.lastAnswer)
        #expect(answer == "\\u{1B}]52;c;aGk=\\u{7}")
        #expect(loaded.progress.currentLesson == "a\\u{1B}[2J")
    }

    @Test func countersSaturateInsteadOfTrapping() {
        #expect(Int.max.incrementedSaturating == Int.max)
        #expect(41.incrementedSaturating == 42)
    }

    @Test func foundationErrorsBecomePlainWords() {
        let cocoa = CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(ErrorText.plain(cocoa) == "Permission denied")
        let bare = ErrorText.plain(CocoaError(.fileWriteUnknown))
        #expect(!bare.contains("NSCocoaErrorDomain") && !bare.contains("512"), "\(bare)")
        struct Box: Encodable { var value: Double }
        do {
            _ = try JSONEncoder().encode(Box(value: .infinity))
            Issue.record("encoding infinity should fail")
        } catch {
            let text = ErrorText.plain(error)
            #expect(!text.contains("EncodingError") && text.contains("value"), "\(text)")
        }
    }

    @Test func aCreateDirectoryFailureNamesTheReasonInWords() throws {
        let store = try TutorFixtures.temporaryStore()
        let blocker = store.url.deletingLastPathComponent().appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        do {
            try AtomicFileWriter.write(Data(), to: blocker.appendingPathComponent("sub/out.json"))
            Issue.record("writing under a file should fail")
        } catch {
            let text = "\(error)"
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("error 512"), "\(text)")
        }
    }
}
