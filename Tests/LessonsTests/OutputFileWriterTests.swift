import Foundation
import Testing
@testable import Lessons
#if canImport(Glibc)
import Glibc
#endif

/// The one safe writer: regular files are replaced atomically through an exclusive temporary file;
/// devices, FIFOs and links to them are written in place and keep their kind.
@Suite("Output file writer")
struct OutputFileWriterTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func kind(_ path: String, follow: Bool = false) -> mode_t {
        var info = stat()
        let status = follow ? stat(path, &info) : lstat(path, &info)
        return status == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aRegularFileIsReplacedAndKeepsItsMode() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.txt")
        try Data("old".utf8).write(to: file)
        chmod(file.path, 0o640)
        try OutputFileWriter.write(Data("new".utf8), to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new")
        var info = stat()
        lstat(file.path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.txt"], "no temporary file is left")
    }

    /// A FIFO is opened and written, never replaced by a regular file.
    @Test func aFIFOStaysAFIFO() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
        }
        reader.start()
        try OutputFileWriter.write(Data("through the pipe".utf8), toPath: fifo)
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received, as: UTF8.self) == "through the pipe")
        #expect(kind(fifo) == S_IFIFO)
        let link = dir.appendingPathComponent("link-to-pipe").path
        #expect(symlink(fifo, link) == 0)
        let second = Thread { _ = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() }
        second.start()
        try OutputFileWriter.write(Data("again".utf8), toPath: link)
        while !second.isFinished { usleep(1000) }
        #expect(kind(link) == S_IFLNK)
        #expect(kind(fifo) == S_IFIFO)
    }

    /// A character device (a copy of /dev/null made with mknod) stays a device, and so does a link to it.
    @Test func aCharacterDeviceStaysADevice() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let device = dir.appendingPathComponent("null").path
        var null = stat()
        #expect(stat("/dev/null", &null) == 0)
        guard mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0 else {
            print("skipped: mknod of a character device is not permitted here (\(String(cString: strerror(errno)))); run the tests as root to check it")
            return
        }
        try OutputFileWriter.write(Data("discarded".utf8), toPath: device)
        #expect(kind(device) == S_IFCHR)
        let link = dir.appendingPathComponent("out").path
        #expect(symlink(device, link) == 0)
        try OutputFileWriter.write(Data("discarded".utf8), toPath: link)
        #expect(kind(link) == S_IFLNK)
        #expect(kind(link, follow: true) == S_IFCHR)
    }

    /// A symbolic link planted at the temporary name is not followed: its target is untouched and the
    /// writer moves on to another name.
    @Test func aPlantedLinkAtTheTemporaryNameIsNotFollowed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        let target = dir.appendingPathComponent("report.json")
        #expect(symlink(victim.path, dir.appendingPathComponent(".report.json.twlab-\(getpid())-guessed").path) == 0)
        var names = ["guessed", "fresh"]
        try OutputFileWriter.write(Data("{}".utf8), toPath: target.path, permissions: 0o644, createFolders: false,
                                   nameSource: { names.removeFirst() })
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
        #expect(kind(target.path) == S_IFREG)
    }

    /// A link to a regular file replaces the file it points to and stays a link.
    @Test func aLinkToARegularFileStaysALink() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.csv")
        try Data("old".utf8).write(to: real)
        let link = dir.appendingPathComponent("latest.csv").path
        #expect(symlink(real.path, link) == 0)
        try OutputFileWriter.write(Data("new".utf8), toPath: link)
        #expect(kind(link) == S_IFLNK)
        #expect(try String(contentsOf: real, encoding: .utf8) == "new")
    }

    /// A state file twlab names itself in a shared folder: a planted link is replaced, its target untouched.
    @Test func withoutFollowingLinksAPlantedLinkIsReplaced() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        let state = dir.appendingPathComponent("twlab-state.json")
        #expect(symlink(victim.path, state.path) == 0)
        try OutputFileWriter.write(Data("{}".utf8), to: state, permissions: 0o600, followingLinks: false)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(kind(state.path) == S_IFREG)
        #expect(try String(contentsOf: state, encoding: .utf8) == "{}")
    }

    /// A recording is written as it happens: new files are created, regular files truncated in place,
    /// a FIFO opened in place.
    @Test func aStreamKeepsTheKindOfWhatIsThere() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("new.cast").path
        let first = try OutputFileWriter.openStream(atPath: fresh)
        first.write(Data("one\n".utf8))
        try first.close()
        let again = try OutputFileWriter.openStream(atPath: fresh)
        again.write(Data("two\n".utf8))
        try again.close()
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "two\n")
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let stream = try OutputFileWriter.openStream(atPath: fifo)
        stream.write(Data("live\n".utf8))
        try stream.close()
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received, as: UTF8.self) == "live\n")
        #expect(kind(fifo) == S_IFIFO)
        #expect(throws: OutputFileWriter.WriteError.self) { try OutputFileWriter.openStream(atPath: dir.path) }
    }

    @Test func aFolderIsRefusedWithAClearMessage() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try OutputFileWriter.write(Data("x".utf8), toPath: dir.path)
        } throws: { error in
            "\(error)".contains("is a folder")
        }
    }
}
