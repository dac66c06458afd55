import Foundation
import Lessons
import TCPModel

/// The lessons a quiz covers, loaded from the lessons folder, with their questions and scenarios.
public struct QuizCatalog: Sendable {
    /// The selected lessons, in catalog order.
    public var lessons: [Lesson]
    /// Problems found while loading lesson files.
    public var diagnostics: [Diagnostic]
    /// The shipped scenarios that predictions run.
    public var scenarios: ScenarioLibrary

    /// Every question of the selected lessons, in order.
    public var questions: [Question] { lessons.flatMap(\.questions) }

    /// Makes a catalog from lessons already loaded.
    public init(lessons: [Lesson], diagnostics: [Diagnostic] = [], scenarios: ScenarioLibrary) {
        self.lessons = lessons
        self.diagnostics = diagnostics
        self.scenarios = scenarios
    }

    /// Loads `directory` and keeps the lessons named (all when `selecting` is empty).
    public static func load(directory: URL, selecting ids: [String], language: String = "en") throws -> QuizCatalog {
        let catalog = LessonCatalog.load(directory: directory, language: language)
        let scenarios = ScenarioLibrary(directory: directory.appendingPathComponent("scenarios"))
        var chosen: [Lesson] = catalog.lessons
        if !ids.isEmpty {
            for id in ids where catalog.lesson(id) == nil {
                throw QuizError.unknownLesson(id, known: catalog.lessons.map(\.id))
            }
            let wanted = Set(ids)
            chosen = catalog.lessons.filter { wanted.contains($0.id) }
        }
        guard !catalog.lessons.isEmpty else { throw QuizError.noLessonsIn(directory.path) }
        guard chosen.contains(where: { !$0.questions.isEmpty }) else { throw QuizError.noQuestions }
        return QuizCatalog(lessons: chosen, diagnostics: catalog.diagnostics, scenarios: scenarios)
    }

    /// Reads a course secret: the file's bytes without trailing white space.
    public static func readSecret(path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw QuizError.secretUnreadable(path) }
        var bytes = [UInt8](data)
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        guard !bytes.isEmpty else { throw QuizError.secretEmpty(path) }
        return Data(bytes)
    }
}
