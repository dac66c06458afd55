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

    /// What loading found: the progress, and a one-line warning when the file had to be set aside
    /// or was left alone.
    public struct LoadResult: Sendable {
        public var progress: Progress
        public var warning: String?
    }

    /// A progress file larger than this is not read (a learner's record is a few kilobytes).
    public static let maximumBytes = 16 << 20

    /// Reads the file. A missing file is a fresh start. A file that does not parse, or holds values
    /// twlab never writes (a negative or huge step or counter), is renamed to
    /// `progress.json.corrupt-<timestamp>` (with `-2`, `-3`… when that name is taken) and reported in
    /// one line; the learner starts fresh. A file written by a newer twlab is left untouched, and
    /// `save` refuses to replace it.
    public func load(now: Date = Date()) -> LoadResult {
        removeAbandonedTemporaryFiles()
        guard FileManager.default.fileExists(atPath: url.path) else {
            return LoadResult(progress: Progress(), warning: nil)
        }
        let shownPath = VisibleText.escaped(url.path)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var problem: String
        if size > Self.maximumBytes {
            problem = "it is \(size) bytes; a progress file is a few kilobytes"
        } else {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                return LoadResult(progress: Progress(),
                                  warning: "warning: cannot read \(shownPath) (\(ErrorText.plain(error))); progress will not be kept until it is readable")
            }
            if let version = Self.version(in: data), version > Progress.currentVersion {
                return LoadResult(progress: Progress(), warning: Self.newerVersionWarning(shownPath, version))
            }
            do {
                let progress = try Self.decoder.decode(Progress.self, from: data)
                guard let outOfRange = ProgressLimits.firstProblem(in: progress) else {
                    return LoadResult(progress: progress.withVisibleTexts, warning: nil)
                }
                problem = outOfRange
            } catch {
                problem = ErrorText.plain(error)
            }
        }
        do {
            let aside = try setAside(now: now)
            return LoadResult(progress: Progress(),
                              warning: "warning: \(shownPath) was unreadable (\(problem)); moved it to \(VisibleText.escaped(aside.lastPathComponent)) and started fresh")
        } catch {
            return LoadResult(progress: Progress(),
                              warning: "warning: \(shownPath) is unreadable (\(problem)) and could not be moved aside (\(ErrorText.plain(error))); starting fresh")
        }
    }

    /// Renames the file to `progress.json.corrupt-<stamp>`, never over an earlier backup.
    private func setAside(now: Date) throws -> URL {
        let folder = url.deletingLastPathComponent()
        let base = url.lastPathComponent + ".corrupt-" + Self.stamp(now)
        var attempt = 1
        while true {
            let aside = folder.appendingPathComponent(attempt == 1 ? base : "\(base)-\(attempt)")
            // link(2) fails with EEXIST instead of replacing, so two processes cannot pick the same name.
            if link(url.path, aside.path) == 0 {
                unlink(url.path)
                return aside
            }
            if errno != EEXIST || attempt >= 1_000 {
                let reason = String(cString: strerror(errno))
                throw AtomicFileWriter.WriteError(description: "cannot rename \(url.lastPathComponent): \(reason)")
            }
            attempt += 1
        }
    }

    /// The `version` field of a progress file, when it has one.
    static func version(in data: Data) -> Int? {
        struct Probe: Decodable { var version: Int? }
        return (try? JSONDecoder().decode(Probe.self, from: data))?.version
    }

    static func newerVersionWarning(_ path: String, _ version: Int) -> String {
        "warning: \(path) was written by a newer twlab (progress format \(version); this twlab reads format \(Progress.currentVersion)); it is left untouched and this session's progress is not saved. Use the newer twlab, or set TWLAB_HOME to another folder"
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

    /// Reads the file without touching it: nil when it is missing, does not parse, is out of range
    /// or newer (`load` then deals with it). Lets the shell skip loading lessons at start-up when no lesson is open.
    public func peek() -> Progress? {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= Self.maximumBytes, let data = try? Data(contentsOf: url),
              let progress = try? Self.decoder.decode(Progress.self, from: data),
              progress.version <= Progress.currentVersion, ProgressLimits.firstProblem(in: progress) == nil else { return nil }
        return progress
    }

    /// Writes the progress atomically. Refuses to replace a file written by a newer twlab.
    public func save(_ progress: Progress) throws {
        if let existing = FileManager.default.contents(atPath: url.path),
           let version = Self.version(in: existing), version > Progress.currentVersion {
            throw AtomicFileWriter.WriteError(description: "\(VisibleText.escaped(url.path)) was written by a newer twlab (progress format \(version)) and is left untouched")
        }
        let data: Data
        do {
            data = try encode(progress)
        } catch {
            throw AtomicFileWriter.WriteError(description: "cannot write the progress as JSON (\(ErrorText.plain(error)))")
        }
        try AtomicFileWriter.write(data, to: url)
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
