import Foundation
import Synchronization

/// What the lesson list needs of a lesson without reading all of it: its front matter.
public struct LessonHeader: Sendable, Equatable {
    /// The lesson id.
    public var id: String
    /// The title shown in the lesson list.
    public var title: String
    /// One sentence saying what the lesson teaches.
    public var summary: String
    /// How long the lesson takes, in minutes.
    public var minutes: Int
    /// Ids of lessons that should be done first.
    public var requires: [String]
    /// The path of the lesson file.
    public var file: String
}

/// The lessons of a language folder read lazily: only the front matter at first (so the shell is ready
/// at once), each whole lesson the first time it is asked for, then kept.
final class LessonShelf: Sendable {
    let headers: [LessonHeader]
    let headerDiagnostics: [Diagnostic]
    let language: String
    private let parsed = Mutex<[String: (lesson: Lesson?, diagnostics: [Diagnostic])]>([:])

    init(files: [URL], language: String, diagnostics initial: [Diagnostic]) {
        var headers: [LessonHeader] = []
        var diagnostics = initial
        var ids: [String: String] = [:]
        for url in files {
            let (header, problems) = LessonParser.parseHeader(fileAt: url)
            diagnostics += problems
            guard let header else { continue }
            if let other = ids[header.id] {
                diagnostics.append(Diagnostic(at: SourceLocation(file: header.file, line: 2, column: 1),
                                              "lesson id '\(header.id)' is already used by \(other)"))
                continue
            }
            ids[header.id] = header.file
            headers.append(header)
        }
        self.headers = headers
        self.headerDiagnostics = diagnostics
        self.language = language
    }

    /// The whole lesson with this id, parsed now or earlier; nil when there is none or it is broken.
    func lesson(_ id: String) -> Lesson? {
        guard let header = headers.first(where: { $0.id == id }) else { return nil }
        return entry(header).lesson
    }

    /// Every lesson, each parsed once.
    func all() -> (lessons: [Lesson], diagnostics: [Diagnostic]) {
        var lessons: [Lesson] = []
        var diagnostics = headerDiagnostics
        for header in headers {
            let (lesson, problems) = entry(header)
            diagnostics += problems
            if let lesson { lessons.append(lesson) }
        }
        return (lessons, diagnostics)
    }

    private func entry(_ header: LessonHeader) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        if let done = parsed.withLock({ $0[header.file] }) { return done }
        let result = LessonParser.parse(fileAt: URL(fileURLWithPath: header.file), language: language)
        parsed.withLock { $0[header.file] = result }
        return result
    }
}
