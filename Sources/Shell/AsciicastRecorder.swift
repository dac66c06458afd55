import Foundation
import Lessons

/// Writes an asciicast v2 recording as it happens: each piece of output and each marker goes to
/// the file at once, so a recording cut short by a crash still plays up to that point.
public final class AsciicastRecorder {
    private let handle: FileHandle
    private let started = ContinuousClock.now
    /// The path being written.
    public let path: String
    /// The width and height the header declares: what the recorded session renders at.
    public let width: Int
    public let height: Int

    /// Creates (or empties) the file and writes the header. Throws when the file cannot be written.
    public init(path: String, width: Int, height: Int, title: String) throws {
        // The one safe writer's rules: a new file is created exclusively, links are not followed into
        // a regular file's place, and a device or FIFO is written in place.
        guard let handle = try? OutputFileWriter.openStream(atPath: path) else {
            throw RecordingError(path: path)
        }
        self.handle = handle
        self.path = path
        self.width = width
        self.height = height
        append(AsciicastFormat.header(width: width, height: height, title: title,
                                      timestamp: Int(Date().timeIntervalSince1970)))
    }

    deinit { try? handle.close() }

    private var elapsed: Double {
        let duration = ContinuousClock.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Records output. Bare line feeds become CR LF, as a terminal shows them.
    public func output(_ text: String) {
        guard !text.isEmpty else { return }
        append(AsciicastFormat.output(at: elapsed, Self.terminalNewlines(text)))
    }

    /// Records a marker.
    public func marker(_ label: String) {
        append(AsciicastFormat.marker(at: elapsed, label))
    }

    /// `\n` not already after `\r` becomes `\r\n`.
    static func terminalNewlines(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for character in text {
            if character == "\n" && previous != "\r" { out += "\r\n" } else { out.append(character) }
            previous = character
        }
        return out
    }

    private func append(_ line: String) {
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }
}

/// The recording file could not be created.
public struct RecordingError: LocalizedError {
    /// The path asked for.
    public var path: String
    /// What went wrong and what to do about it.
    public var errorDescription: String? {
        "cannot write the recording \(path); check that its folder exists and is writable"
    }
}
