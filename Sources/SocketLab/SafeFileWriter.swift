import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file the way a careful tool does. A new path or a regular file is replaced atomically:
/// the bytes go to a temporary file made with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable
/// name in the same folder, which is synced and renamed over the target. A character device, a FIFO
/// or a symbolic link to one is written in place and never replaced. Anything else is refused.
public enum SafeFileWriter {
    /// Why the file could not be written, with what to do about it.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Writes `bytes` to `path` as described above.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else { throw Failure(message: "no file name was given") }
        var link = stat()
        if lstat(path, &link) != 0 {
            guard errno == ENOENT else { throw failure("cannot inspect \(path)") }
            return try replaceAtomically(bytes, path: path, mode: nil)
        }
        let kind = link.st_mode & S_IFMT
        if kind == S_IFREG { return try replaceAtomically(bytes, path: path, mode: link.st_mode & 0o7777) }
        if kind == S_IFLNK {
            var target = stat()
            guard stat(path, &target) == 0 else { throw failure("\(path) is a symbolic link that cannot be followed") }
            let targetKind = target.st_mode & S_IFMT
            if targetKind == S_IFCHR || targetKind == S_IFIFO { return try writeInPlace(bytes, path: path) }
            throw Failure(message: "\(path) is a symbolic link to a \(targetKind == S_IFREG ? "regular file" : "non-regular file"); twlab will not replace a link: give the path it points to, or a new file name")
        }
        if kind == S_IFCHR || kind == S_IFIFO { return try writeInPlace(bytes, path: path) }
        throw Failure(message: "\(path) is a \(kind == S_IFDIR ? "folder" : "special file"); give a file name to write the capture to")
    }

    static func failure(_ what: String, code: Int32 = errno) -> Failure {
        Failure(message: "\(what): \(String(cString: strerror(code)))")
    }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("writing \(path) failed")
            }
            offset += n
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], path: String) throws {
        // O_NONBLOCK so that a FIFO with no reader fails at once (ENXIO) instead of hanging.
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENXIO { throw Failure(message: "\(path) is a FIFO with no reader; start the reader first (for example tcpdump -r \(path))") }
            throw failure("cannot open \(path)")
        }
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        try writeAll(bytes, fd: fd, path: path)
    }

    private static func replaceAtomically(_ bytes: [UInt8], path: String, mode: mode_t?) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var generator = SystemRandomNumberGenerator()
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            let token = String(generator.next() as UInt64, radix: 36)
            temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(token).tmp")
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ?? 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(folder)") }
        do {
            if let mode { _ = fchmod(fd, mode) }
            try writeAll(bytes, fd: fd, path: temporary)
            guard fsync(fd) == 0 else { throw failure("syncing \(temporary) failed") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("cannot move the capture into place at \(path)", code: code)
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 { _ = fsync(directory); close(directory) }
    }
}
