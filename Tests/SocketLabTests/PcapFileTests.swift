import Foundation
import Testing
@testable import SocketLab
#if canImport(Glibc)
import Glibc
#endif

/// The pcap writer, read back by twlab and by tcpdump, and the careful file writer.
@Suite struct PcapFileTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-pcap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let packets = PacketTraceTests.activeClose()

    static let tcpdump: String? = ["/usr/bin/tcpdump", "/usr/sbin/tcpdump", "/sbin/tcpdump"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func tcpdumpAvailable() -> Bool {
        if tcpdump == nil { print("skipped: tcpdump is not installed (make deps installs it)") }
        return tcpdump != nil
    }

    /// Runs `tcpdump -n -r FILE` and returns its standard output lines.
    static func tcpdumpRead(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tcpdump))
        process.arguments = ["-n", "-r", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "tcpdump -r \(path) failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func pcapBytesReadBack() throws {
        let file = PcapFile(packets: Self.packets)
        let bytes = file.bytes
        #expect(Array(bytes[0..<4]) == [0xD4, 0xC3, 0xB2, 0xA1], "little-endian magic")
        #expect(bytes[20] == 101, "LINKTYPE_RAW")
        #expect(bytes.count == 24 + Self.packets.reduce(0) { $0 + 16 + $1.bytes.count })
        #expect(try PcapFile.parse(bytes).packets == Self.packets)
    }

    @Test(.enabled(if: tcpdumpAvailable()))
    func tcpdumpReadsEveryPacket() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("close.pcap").path
        try SafeFileWriter.write(PcapFile(packets: Self.packets).bytes, to: path)
        let lines = try Self.tcpdumpRead(path)
        #expect(lines.count == Self.packets.count)
        #expect(lines.first?.contains("127.0.0.1.40000 > 127.0.0.1.5000: Flags [S]") == true, "\(lines.first ?? "")")
        #expect(lines[3].contains("Flags [F.]"), "\(lines[3])")
    }

    @Test func aNewOrRegularFileIsReplacedAtomicallyKeepingItsMode() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.pcap").path
        try SafeFileWriter.write([1, 2, 3], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        chmod(path, 0o600)
        var before = stat()
        stat(path, &before)
        try SafeFileWriter.write([4, 5], to: path)
        var after = stat()
        stat(path, &after)
        #expect(FileManager.default.contents(atPath: path) == Data([4, 5]))
        #expect(after.st_mode & 0o777 == 0o600, "the old file's mode is kept")
        #expect(after.st_ino != before.st_ino, "a new inode was renamed into place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.pcap"], "no temporary file is left")
    }

    @Test func linksToRegularFilesFoldersAndMissingFoldersAreRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real").path
        try SafeFileWriter.write([1], to: target)
        let link = folder.appendingPathComponent("link").path
        symlink(target, link)
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write([2], to: link) }
        #expect(FileManager.default.contents(atPath: target) == Data([1]), "the link's target is untouched")
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write([2], to: folder.path) }
        #expect(throws: SafeFileWriter.Failure.self) {
            try SafeFileWriter.write([2], to: folder.appendingPathComponent("no/such/folder.pcap").path)
        }
    }

    /// Reads a FIFO to its end on another thread while `body` writes to it.
    static func readFIFO(_ path: String, while body: () throws -> Void) throws -> [UInt8] {
        let box = ReadBox()
        let thread = Thread {
            let fd = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                box.append(Array(buffer[0..<n]))
            }
            if fd >= 0 { close(fd) }
            box.done.signal()
        }
        thread.start()
        // The writer opens with O_NONBLOCK and needs the reader to be there first.
        var tries = 0
        while true {
            do { try body(); break } catch {
                tries += 1
                if tries > 200 { throw error }
                usleep(10_000)
            }
        }
        box.done.wait()
        return box.bytes
    }

    final class ReadBox: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var data: [UInt8] = []
        func append(_ more: [UInt8]) { lock.lock(); data += more; lock.unlock() }
        var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
    }

    @Test func aFIFOAndALinkToOneAreWrittenInPlace() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SafeFileWriter.Failure.self) { try SafeFileWriter.write([9], to: fifo) }  // no reader yet
        let bytes = PcapFile(packets: Self.packets).bytes
        #expect(try Self.readFIFO(fifo) { try SafeFileWriter.write(bytes, to: fifo) } == bytes)
        let link = folder.appendingPathComponent("pipe-link").path
        symlink(fifo, link)
        #expect(try Self.readFIFO(fifo) { try SafeFileWriter.write([7, 8], to: link) } == [7, 8])
        var info = stat()
        lstat(link, &info)
        #expect(info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
        lstat(fifo, &info)
        #expect(info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["pipe", "pipe-link"])
    }
}
