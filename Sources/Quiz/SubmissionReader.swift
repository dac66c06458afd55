import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Opens handed-in answers files the way a grader on a shared machine must: a symbolic link that leads
/// out of the submission folder is not followed, only regular files are read (a FIFO cannot hang the
/// grader), and a file that holds the course secret is refused. No message quotes what the file holds.
public struct SubmissionReader: Sendable {
    /// The course secret, compared with each file so a link to it is refused without echoing it.
    public var secret: Data?

    /// A reader that refuses files equal to the secret.
    public init(secret: Data?) { self.secret = secret }

    /// One answers file and the submission folder it must stay in.
    public struct Submitted: Sendable, Equatable {
        /// The path as given (or as found in a folder).
        public var path: String
        /// The folder the file was handed in: the folder named on the command line, or the file's own.
        public var folder: String
    }

    /// The paths with every folder replaced by the `.yaml` and `.yml` files in it, sorted by name.
    public static func expand(_ paths: [String]) -> [Submitted] {
        paths.flatMap { path -> [Submitted] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [Submitted(path: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { Submitted(path: (path.hasSuffix("/") ? path : path + "/") + $0, folder: path) }
        }
    }

    /// Reads and parses one submitted file; every refusal is an unusable file with a one-line reason.
    public func read(_ file: Submitted) -> AnswersFile {
        let fallback = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
        func refuse(_ why: String) -> AnswersFile {
            AnswersFile(path: file.path, student: fallback, problems: ["\(file.path): \(why)"], isUsable: false)
        }
        var info = stat()
        guard lstat(file.path, &info) == 0 else {
            return refuse("cannot read the file (\(String(cString: strerror(errno)))); check that it exists and is readable")
        }
        var target = file.path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = Self.realPath(file.path), let folder = Self.realPath(file.folder),
                  resolved == folder || resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
                return refuse("is a symbolic link that leads out of the submission folder, so it was not read; hand in the answers file itself")
            }
            target = resolved
        }
        let fd = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return refuse("cannot open the file (\(String(cString: strerror(errno)))); hand in a plain answers file")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return refuse("is not a regular file, so it was not read; hand in the answers file itself")
        }
        guard Int(info.st_size) <= AnswersFileParser.maximumFileBytes else {
            return refuse("the file is larger than 1 MiB, so none of it was read; an answers file is a few kilobytes")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { if errno == EINTR { continue }; return refuse("cannot read the file; check its permissions") }
            if n == 0 { break }
            count += n
        }
        let data = Data(bytes.prefix(count))
        if let secret, Self.trimmed(data) == secret {
            return refuse("holds the course secret, so it was not read and is not shown; hand in the answers file, and keep the secret out of the submission")
        }
        return AnswersFileParser.parse(data, path: file.path)
    }

    /// The bytes without trailing white space, as the secret is read.
    static func trimmed(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        return Data(bytes)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
