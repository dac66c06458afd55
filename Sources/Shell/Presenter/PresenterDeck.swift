import Foundation
import Lessons
import Rendering
import TCPModel
import Tutor

/// A lesson made ready to present: its slides, the expected answers and the simulation runs,
/// computed once and kept.
struct PresenterDeck {
    let lesson: Lesson
    let slides: [PresenterSlide]
    let library: ScenarioLibrary
    let services: TutorServices
    private var answerCache: [Int: [String?]] = [:]
    private var runCache: [Int: SimulationResult] = [:]

    /// Finds the lesson by id, by number (`1`, `01`) or by file name, in `lessonsDirectory`.
    /// The lesson language is the interface language's folder unless `language` names one.
    static func load(_ name: String, lessonsDirectory: URL, language: String? = nil,
                     services: TutorServices = .live) -> Result<PresenterDeck, PresenterError> {
        let catalog = LessonCatalog.load(directory: lessonsDirectory,
                                         language: language ?? TutorCommands.lessonLanguage(in: lessonsDirectory))
        let lesson = catalog.lessonID(named: name).flatMap { catalog.lesson($0) }
        guard let lesson else {
            let ids = catalog.lessons.map(\.id).joined(separator: ", ")
            return .failure(PresenterError(message: "no lesson '\(name)' in \(lessonsDirectory.path); lessons: \(ids.isEmpty ? "none found" : ids)"))
        }
        let library = ScenarioLibrary(directory: lessonsDirectory.appendingPathComponent("scenarios"))
        return .success(PresenterDeck(lesson: lesson, slides: PresenterSlide.slides(of: lesson), library: library, services: services))
    }

    init(lesson: Lesson, slides: [PresenterSlide], library: ScenarioLibrary, services: TutorServices) {
        self.lesson = lesson; self.slides = slides; self.library = library; self.services = services
    }

    /// The expected answer of each question of step `index` (nil for one that cannot be computed).
    mutating func answers(_ index: Int) -> [String?] {
        if let cached = answerCache[index] { return cached }
        let answers = slides[index].questions.map { question -> String? in
            let values = question.params.isEmpty ? [:]
                : VariantGenerator(secret: nil).variant(for: question, student: VariantGenerator.practiceStudent).values
            return (try? services.expectedAnswer(question, values, library))?.text
        }
        answerCache[index] = answers
        return answers
    }

    /// The run of step `index`'s simulation, or nil when it has none or it cannot run.
    mutating func run(_ index: Int) -> SimulationResult? {
        if let cached = runCache[index] { return cached }
        guard let simulation = slides[index].simulation else { return nil }
        let scenario: Scenario
        do {
            switch simulation.reference {
            case .builtIn(let name): scenario = try library.load(name)
            case .inline(let text): scenario = try Scenario.parse(text, source: "<lesson>")
            }
        } catch { return nil }
        let result = Simulator.run(scenario, profile: simulation.profile)
        runCache[index] = result
        return result
    }
}

/// Why the presenter could not start.
struct PresenterError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
