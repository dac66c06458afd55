import Foundation
import Lessons

/// Saves the tutor's files (progress, exports) through the one safe writer, `OutputFileWriter`: a
/// regular file is replaced atomically through an exclusively created temporary file, and a device,
/// FIFO or a symbolic link to one is written in place, never replaced.
public enum AtomicFileWriter {
    /// Why a save failed, in a sentence that names the file.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `data` to `url`, creating the folder when needed; new files are private (mode 0600).
    public static func write(_ data: Data, to url: URL) throws {
        do {
            try OutputFileWriter.write(data, to: url, permissions: 0o600, createFolders: true)
        } catch let error as OutputFileWriter.WriteError {
            throw WriteError(description: error.description)
        }
    }
}
