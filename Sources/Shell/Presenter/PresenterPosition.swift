import Foundation
import Lessons

/// Where the presenter is, shared through a small file so that `present LESSON --notes` in a
/// second terminal can follow: the lesson, the step and the view.
struct PresenterPosition: Codable, Equatable, Sendable {
    var lesson: String
    var step: Int
    var view: PresenterState.View
    var hintsShown: Int
    /// True once the presenter has left (quit, Ctrl-C or SIGTERM): the notes terminal says so instead
    /// of showing the last step as if it were still on the projector. Absent in older files.
    var ended: Bool? = nil

    /// The file for a lesson: in `$XDG_RUNTIME_DIR` (private to the user), otherwise in the
    /// temporary folder, named with the user id so that two users do not meet.
    static func file(lesson: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let name = "twlab-present-\(getuid())-\(lesson).json"
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty,
           FileManager.default.isWritableFile(atPath: runtime) {
            return URL(fileURLWithPath: runtime).appendingPathComponent(name)
        }
        return URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name)
    }

    /// Writes the position atomically (a reader never sees half a file).
    func save(to url: URL) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        // The name is predictable and may sit in the shared temporary folder: a link planted there is
        // replaced, never followed.
        try? OutputFileWriter.write(data, to: url, permissions: 0o600, followingLinks: false)
    }

    /// Reads the position, or nil when there is none (yet).
    static func load(from url: URL) -> PresenterPosition? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(PresenterPosition.self, from: data)
    }
}
