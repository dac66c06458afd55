import Foundation
import Lessons
#if canImport(Glibc)
import Glibc
#endif

/// Loads and saves a learner's `progress.json`.
///
/// The file lives in `$TWLAB_HOME/progress.json` when `TWLAB_HOME` is set (shared classroom machines
/// give each learner a folder), else in `$XDG_DATA_HOME/twlab/progress.json`, else in
/// `~/.local/share/twlab/progress.json`. Every save is atomic (see `AtomicFileWriter`).
public struct ProgressStore: Sendable {
    /// The progress file.
    public let url: URL

    /// A store for the file at `url`.
    public init(url: URL) { self.url = url }

    /// The store the environment points at (see the type's documentation).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore {
        ProgressStore(url: defaultLocation(environment: environment))
    }

    /// Where the progress file lives for this environment.
    public static func defaultLocation(environment: [String: String]) -> URL {
        if let home = environment["TWLAB_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("progress.json")
        }
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return dataHome.appendingPathComponent("twlab/progress.json")
    }

    /// What loading found: the progress, and a one-line warning when the file had to be set aside.
    public struct LoadResult: Sendable {
        public var progress: Progress
        public var warning: String?
    }

    /// Reads the file. A missing file is a fresh start. A file that does not parse is renamed to
    /// `progress.json.corrupt-<timestamp>` and reported in one line; the learner starts fresh.
    public func load(now: Date = Date()) -> LoadResult {
        removeAbandonedTemporaryFiles()
        guard FileManager.default.fileExists(atPath: url.path) else {
            return LoadResult(progress: Progress(), warning: nil)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return LoadResult(progress: Progress(),
                              warning: "warning: cannot read \(url.path) (\(error.localizedDescription)); progress will not be kept until it is readable")
        }
        do {
            let progress = try Self.decoder.decode(Progress.self, from: data)
            return LoadResult(progress: progress, warning: nil)
        } catch {
            let aside = url.deletingLastPathComponent()
                .appendingPathComponent(url.lastPathComponent + ".corrupt-" + Self.stamp(now))
            do {
                try FileManager.default.moveItem(at: url, to: aside)
                return LoadResult(progress: Progress(),
                                  warning: "warning: \(url.path) was unreadable; moved it to \(aside.lastPathComponent) and started fresh")
            } catch {
                return LoadResult(progress: Progress(),
                                  warning: "warning: \(url.path) is unreadable and could not be moved aside (\(error.localizedDescription)); starting fresh")
            }
        }
    }

    /// Deletes temporary files left by saves whose process died (a `kill -9` mid-save); files of
    /// processes still running are theirs and stay.
    func removeAbandonedTemporaryFiles() {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)" + OutputFileWriter.temporaryInfix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Reads the file without touching it: nil when it is missing or does not parse (`load` then
    /// deals with it). Lets the shell skip loading lessons at start-up when no lesson is open.
    public func peek() -> Progress? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? Self.decoder.decode(Progress.self, from: data)
    }

    /// Writes the progress atomically.
    public func save(_ progress: Progress) throws {
        try AtomicFileWriter.write(try encode(progress), to: url)
    }

    /// The JSON text of the progress (sorted keys, ISO 8601 dates), as saved and exported.
    public func encode(_ progress: Progress) throws -> Data {
        try Self.encoder.encode(progress)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
