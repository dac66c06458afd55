import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one way twlab writes a file it was asked to write (reports, gradebooks, exports, kits, progress).
///
/// - `-` is standard output.
/// - A regular file, or a path where nothing exists yet, is replaced atomically: the data goes to a
///   temporary file created exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`, an unpredictable name) in the same
///   folder, is flushed, and is renamed over the target, so a reader or a crash sees the old contents
///   or the new, and a symbolic link planted at the temporary name is never followed.
/// - A symbolic link to a regular file replaces the file it points to, in that file's folder, and
///   leaves the link as it is.
/// - Anything else (a character device such as `/dev/null`, a FIFO, or a symbolic link to one) is
///   written in place and never replaced, so running as root cannot turn `/dev/null` into a file.
public enum OutputFileWriter {
    /// Why a write failed, in a sentence that names the path and says what to do.
    public struct WriteError: Error, Sendable, CustomStringConvertible, LocalizedError {
        /// The sentence.
        public var description: String
        /// The same sentence, for `localizedDescription`.
        public var errorDescription: String? { description }
    }

    /// Writes `data` to `path` by the rules above. New files get `permissions`; a replaced regular
    /// file keeps its own. With `createFolders`, missing folders on the way are created.
    ///
    /// With `followingLinks: false` (for files twlab names itself in shared folders, such as a state
    /// file in the temporary folder) a symbolic link at the path is replaced, never followed.
    public static func write(_ data: Data, toPath path: String, permissions: mode_t = 0o644,
                             createFolders: Bool = false, followingLinks: Bool = true) throws {
        try write(data, toPath: path, permissions: permissions, createFolders: createFolders,
                  followingLinks: followingLinks, nameSource: randomHex)
    }

    /// The same, with the source of temporary-name suffixes given (tests plant files at those names).
    static func write(_ data: Data, toPath path: String, permissions: mode_t, createFolders: Bool,
                      followingLinks: Bool = true, nameSource: () -> String) throws {
        if path == "-" {
            try writeAll(data, to: STDOUT_FILENO, path: "standard output")
            return
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure("cannot inspect", path) }
            try replace(path, with: data, permissions: permissions, createFolders: createFolders, nameSource: nameSource)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(path, with: data, permissions: info.st_mode & 0o7777, createFolders: false, nameSource: nameSource)
        case S_IFLNK where !followingLinks:
            try replace(path, with: data, permissions: permissions, createFolders: false, nameSource: nameSource)
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else {
                throw WriteError(description: "\(path) is a symbolic link to nothing; remove it or give another --output path")
            }
            if target.st_mode & S_IFMT == S_IFREG {
                guard let resolved = realpath(path, nil) else { throw failure("cannot resolve", path) }
                defer { free(resolved) }
                try replace(String(cString: resolved), with: data, permissions: target.st_mode & 0o7777, createFolders: false,
                            nameSource: nameSource)
            } else {
                try writeInPlace(path, data: data, mode: target.st_mode)
            }
        default:
            try writeInPlace(path, data: data, mode: info.st_mode)
        }
    }

    /// Writes `data` to the file at `url` (see `write(_:toPath:permissions:createFolders:)`).
    public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644, createFolders: Bool = false,
                             followingLinks: Bool = true) throws {
        try write(data, toPath: url.path, permissions: permissions, createFolders: createFolders, followingLinks: followingLinks)
    }

    /// Opens `path` for a file written piece by piece as it happens (a recording), by the same rules
    /// except that a regular file is truncated in place, not replaced: `-` is standard output; a new
    /// file is created exclusively without following links; an existing regular file is opened without
    /// following links; a device, a FIFO or a link to a file or device is opened in place.
    public static func openStream(atPath path: String, permissions: mode_t = 0o644) throws -> FileHandle {
        if path == "-" { return FileHandle.standardOutput }
        var info = stat()
        let fd: Int32
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure("cannot inspect", path) }
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        } else {
            var mode = info.st_mode
            if mode & S_IFMT == S_IFLNK {
                var target = stat()
                guard stat(path, &target) == 0 else {
                    throw WriteError(description: "\(path) is a symbolic link to nothing; remove it or give another path")
                }
                mode = target.st_mode
            }
            switch mode & S_IFMT {
            case S_IFREG:
                fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | (info.st_mode & S_IFMT == S_IFLNK ? 0 : O_NOFOLLOW))
            case S_IFDIR:
                throw WriteError(description: "\(path) is a folder; give a file path")
            case S_IFBLK, S_IFSOCK:
                throw WriteError(description: "\(path) is a block device or a socket; give a file path")
            default:
                fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            }
        }
        guard fd >= 0 else { throw failure("cannot open", path) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Opens a device or FIFO for writing without creating, truncating or replacing it.
    private static func writeInPlace(_ path: String, data: Data, mode: mode_t) throws {
        switch mode & S_IFMT {
        case S_IFDIR: throw WriteError(description: "\(path) is a folder; give a file path")
        case S_IFBLK: throw WriteError(description: "\(path) is a block device; twlab does not write onto disks, give a file path")
        case S_IFSOCK: throw WriteError(description: "\(path) is a socket; give a file path")
        default: break
        }
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open", path) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    /// Writes a temporary file beside `path` and renames it over `path`.
    private static func replace(_ path: String, with data: Data, permissions: mode_t, createFolders: Bool,
                                nameSource: () -> String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        if createFolders {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError(description: "cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        }
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = folder.appendingPathComponent(".\(url.lastPathComponent)\(temporaryInfix)\(getpid())-\(nameSource())").path
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw failure("cannot create a temporary file in", folder.path) }
        do {
            try writeAll(data, to: fd, path: temporary)
            _ = fchmod(fd, permissions)
            guard fsync(fd) == 0 else { throw failure("cannot flush", temporary) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot replace", path)
            unlink(temporary)
            throw error
        }
        // Flush the folder entry; a failure here leaves a complete file, so it is not an error.
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        let ok = data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                let written = Glibc.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
            return true
        }
        if !ok { throw failure("cannot write", path) }
    }

    /// What every temporary name holds between the file's name and the writer's process id:
    /// `.NAME.twlab-PID-RANDOM`. The process id lets a later run remove what a killed writer left.
    public static let temporaryInfix = ".twlab-"

    /// 128 bits from the system's random source, in hex.
    private static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let text = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    private static func failure(_ what: String, _ path: String) -> WriteError {
        let reason = String(cString: strerror(errno))
        return WriteError(description: "\(what) \(path): \(reason); check the path and the folder's permissions")
    }
}
