import Foundation

/// Reads lines from a pipe or a script file, one command per line, without a line editor.
///
/// It copes with whatever bytes arrive: lines of any length (those longer than `maxLineBytes` are
/// skipped with a message), invalid UTF-8 (replaced by U+FFFD, with a note), NUL and other control
/// characters (removed, with a note), Windows line endings, and a last line without a newline.
public final class PlainLineReader: LineReader {
    /// Lines longer than this many bytes are skipped.
    public let maxLineBytes: Int
    /// A name for messages, such as `standard input` or the script's path.
    public let sourceName: String
    /// The number of the line read last (1-based).
    public private(set) var lineNumber = 0

    private let fileDescriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var reachedEnd = false
    private var readError: String?
    /// While skipping an over-long line: how many of its bytes were dropped so far.
    private var skippedBytes: Int?

    /// Reads from an open file descriptor (standard input by default). The reader does not close it.
    public init(fileDescriptor: Int32 = 0, sourceName: String = "standard input", maxLineBytes: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.ownsDescriptor = false
        self.sourceName = sourceName
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Opens a script file for reading.
    public init(path: String, maxLineBytes: Int = 64 * 1024) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ScriptOpenError(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Foundation.close(fd)
            throw ScriptOpenError(path: path, reason: "it is a folder, not a file")
        }
        self.fileDescriptor = fd
        self.ownsDescriptor = true
        self.sourceName = path
        self.maxLineBytes = max(1, maxLineBytes)
    }

    deinit { if ownsDescriptor { Foundation.close(fileDescriptor) } }

    /// Reads the next line; `prompt` is ignored (nobody is watching a pipe).
    public func read(prompt: String) -> LineInput {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let length = newline - start
                let lineStart = start
                start = newline + 1
                defer { compact() }
                lineNumber += 1
                if let skipped = skippedBytes {
                    skippedBytes = nil
                    return .rejected(tooLong(bytes: skipped + length))
                }
                if length > maxLineBytes { return .rejected(tooLong(bytes: length)) }
                return LineRepair.repair(buffer[lineStart..<newline], lineNumber: lineNumber, source: sourceName)
            }
            let pending = buffer.count - start
            if pending > maxLineBytes {
                // Too long already: drop what is buffered and keep skipping up to the next newline.
                skippedBytes = (skippedBytes ?? 0) + pending
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if reachedEnd {
                if let message = readError {
                    readError = nil
                    return .rejected(message)
                }
                guard pending > 0 || skippedBytes != nil else { return .end }
                // The last line had no newline: use it all the same.
                lineNumber += 1
                let line = buffer[start...]
                start = buffer.count
                if let skipped = skippedBytes {
                    skippedBytes = nil
                    return .rejected(tooLong(bytes: skipped + line.count))
                }
                if line.count > maxLineBytes { return .rejected(tooLong(bytes: line.count)) }
                return LineRepair.repair(line, lineNumber: lineNumber, source: sourceName)
            }
            if !fill() { return .interrupted }
        }
    }

    /// Reads more bytes. Returns false when Ctrl-C interrupted the read.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 {
                reachedEnd = true
                return true
            }
            if errno == EINTR {
                if InterruptSignal.isRaised { return false }
                continue
            }
            readError = "cannot read \(sourceName): \(String(cString: strerror(errno)))"
            reachedEnd = true
            return true
        }
    }

    private func compact() {
        if start > 256 * 1024 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func tooLong(bytes: Int) -> String {
        "\(sourceName), line \(lineNumber): the line is \(bytes) bytes long, more than the \(maxLineBytes) a command may have; it was skipped"
    }
}

/// A script file that could not be opened.
public struct ScriptOpenError: Error, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// What went wrong, from the system.
    public var reason: String
    /// One line for the user, saying what to do next.
    public var description: String { "cannot read the script '\(path)': \(reason). Check the path and try again." }
}

/// Turns the raw bytes of one line into text a command can use, noting every repair.
enum LineRepair {
    static func repair(_ bytes: ArraySlice<UInt8>, lineNumber: Int, source: String) -> LineInput {
        var bytes = bytes
        if bytes.last == 13 { bytes = bytes.dropLast() }  // a Windows line ending
        var notes: [String] = []
        let text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            notes.append("\(source), line \(lineNumber): invalid UTF-8 was replaced by \u{FFFD}")
        }
        var cleaned = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                cleaned.append(" ")
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                removed += 1
            } else {
                cleaned.append(scalar)
            }
        }
        if removed > 0 {
            let what = removed == 1 ? "1 control character was" : "\(removed) control characters were"
            notes.append("\(source), line \(lineNumber): \(what) removed")
        }
        return .line(String(cleaned), notes: notes)
    }
}
