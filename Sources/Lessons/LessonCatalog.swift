import Foundation

/// Lessons found in a directory tree, by language.
public struct LessonCatalog: Sendable {
    private enum Contents: Sendable {
        case read(lessons: [Lesson], diagnostics: [Diagnostic])
        case shelf(LessonShelf)
    }
    private var contents: Contents

    /// The lessons that loaded, in file-name order (a lazily read catalog reads them all now).
    public var lessons: [Lesson] {
        get {
            switch contents {
            case .read(let lessons, _): return lessons
            case .shelf(let shelf): return shelf.all().lessons
            }
        }
        set { contents = .read(lessons: newValue, diagnostics: diagnostics) }
    }

    /// Problems found while loading; broken lessons are left out (a lazily read catalog reads them all now).
    public var diagnostics: [Diagnostic] {
        get {
            switch contents {
            case .read(_, let diagnostics): return diagnostics
            case .shelf(let shelf): return shelf.all().diagnostics
            }
        }
        set { contents = .read(lessons: lessons, diagnostics: newValue) }
    }

    /// The front matter of every lesson, in order, without reading the rest.
    public var headers: [LessonHeader] {
        switch contents {
        case .read(let lessons, _):
            return lessons.map { LessonHeader(id: $0.id, title: $0.title, summary: $0.summary, minutes: $0.minutes,
                                              requires: $0.requires, file: $0.file) }
        case .shelf(let shelf): return shelf.headers
        }
    }

    /// The files whose front matter could not be read (found without reading whole lessons).
    public var unreadableFiles: Set<String> {
        switch contents {
        case .read(_, let diagnostics): return Set(diagnostics.filter { $0.severity == .error }.map(\.location.file))
        case .shelf(let shelf): return Set(shelf.headerDiagnostics.filter { $0.severity == .error }.map(\.location.file))
        }
    }

    /// Creates a catalog from lessons already read.
    public init(lessons: [Lesson], diagnostics: [Diagnostic]) {
        contents = .read(lessons: lessons, diagnostics: diagnostics)
    }

    /// Reads only the front matter of `DIR/<lang>/*.md` now and each whole lesson when it is first asked
    /// for: the shell's tutor starts with this, so its prompt is ready before any lesson is parsed.
    public static func index(directory: URL, language: String = "en") -> LessonCatalog {
        let (folder, chosen, diagnostics) = languageFolder(directory: directory, language: language)
        return LessonCatalog(contents: .shelf(LessonShelf(files: lessonFiles(in: folder), language: chosen,
                                                          diagnostics: diagnostics)))
    }

    private init(contents: Contents) { self.contents = contents }

    /// Loads `DIR/<lang>/*.md` (default language `en`), in file-name order. When the language has no
    /// folder, the English lessons are loaded with a warning. Broken files become diagnostics, never
    /// a crash; a broken lesson is left out and the others load.
    public static func load(directory: URL, language: String = "en") -> LessonCatalog {
        let (folder, chosen, diagnostics) = languageFolder(directory: directory, language: language)
        return load(files: lessonFiles(in: folder), language: chosen, diagnostics: diagnostics)
    }

    /// The folder of a language (English with a warning when the language has none), and a diagnostic
    /// when there is no lessons folder at all.
    private static func languageFolder(directory: URL, language: String) -> (URL, String, [Diagnostic]) {
        var folder = directory.appendingPathComponent(language)
        var diagnostics: [Diagnostic] = []
        var chosen = language
        if !isDirectory(folder), language != "en" {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: folder.path, line: 1, column: 1),
                                          "no lessons in language '\(language)'; showing the English ones"))
            folder = directory.appendingPathComponent("en")
            chosen = "en"
        }
        guard isDirectory(folder) else {
            return (folder, chosen, diagnostics + [
                Diagnostic(at: SourceLocation(file: folder.path, line: 1, column: 1),
                           "no lessons folder here; point twlab at the folder holding en/ and scenarios/ with --lessons DIR or $TWLAB_LESSONS"),
            ])
        }
        return (folder, chosen, diagnostics)
    }

    /// Loads the given lesson files as one catalog, checking that lesson and question ids are unique.
    public static func load(files: [URL], language: String, diagnostics initial: [Diagnostic] = []) -> LessonCatalog {
        var diagnostics = initial
        var lessons: [Lesson] = []
        var lessonIDs: [String: String] = [:]
        var questionIDs: [String: SourceLocation] = [:]
        for url in files {
            let (lesson, problems) = LessonParser.parse(fileAt: url, language: language)
            diagnostics += problems
            guard let lesson else { continue }
            if let other = lessonIDs[lesson.id] {
                diagnostics.append(Diagnostic(at: SourceLocation(file: lesson.file, line: 2, column: 1),
                                              "lesson id '\(lesson.id)' is already used by \(other)"))
                continue
            }
            lessonIDs[lesson.id] = lesson.file
            for question in lesson.questions {
                if let first = questionIDs[question.id], first.file != lesson.file {
                    diagnostics.append(Diagnostic(at: question.location, "question id '\(question.id)' is already used at \(first)"))
                }
                questionIDs[question.id] = questionIDs[question.id] ?? question.location
            }
            lessons.append(lesson)
        }
        return LessonCatalog(lessons: lessons, diagnostics: diagnostics)
    }

    /// The lesson files of a language folder: every `*.md` except a README, sorted by name.
    public static func lessonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The lesson with this id (a lazily read catalog reads only that one).
    /// The id of the lesson a learner means by `name`: its id, its file name (`01-four-way-close`) or
    /// its number (`1`), in any case; nil when no lesson matches. Reads front matter only.
    public func lessonID(named name: String) -> String? {
        let wanted = name.lowercased()
        let number = Int(wanted)
        return headers.first { header in
            let file = URL(fileURLWithPath: header.file).deletingPathExtension().lastPathComponent.lowercased()
            if header.id == wanted || file == wanted { return true }
            if let number, let prefix = Int(file.prefix(while: { $0.isNumber })) { return prefix == number }
            return false
        }?.id
    }

    public func lesson(_ id: String) -> Lesson? {
        switch contents {
        case .read(let lessons, _): return lessons.first { $0.id == id }
        case .shelf(let shelf): return shelf.lesson(id)
        }
    }

    /// The question with this full id (`lesson-id/question-id`).
    public func question(_ id: String) -> Question? {
        for lesson in lessons { if let q = lesson.questions.first(where: { $0.id == id }) { return q } }
        return nil
    }

    /// Every question of every lesson, in order.
    public var questions: [Question] { lessons.flatMap(\.questions) }

    /// Only the errors (not warnings).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
