import Foundation
import Lessons
import TCPModel

/// Where a command finds the lessons folder: an explicit `--lessons`, else the shell's folder, else the
/// usual places (`$TWLAB_LESSONS`, `./Lessons`, beside the program).
enum LessonsFolder {
    /// The lessons folder, or nil when none is found.
    static func find(explicit: String?) -> URL? {
        if let explicit { return LessonsLocator.find(explicit: explicit) }
        return CommandIO.current.lessonsDirectory ?? LessonsLocator.find(explicit: nil)
    }

    /// The folder of built-in scenarios (it may not exist; the library then knows no names).
    static func scenarios(explicit: String?) -> URL {
        (find(explicit: explicit) ?? URL(fileURLWithPath: "Lessons")).appendingPathComponent("scenarios")
    }
}

/// Values offered by Tab completion that depend on the lessons folder.
public enum CompletionValues {
    /// The names of the built-in scenarios.
    public static func scenarioNames() -> [String] {
        ScenarioLibrary(directory: LessonsFolder.scenarios(explicit: nil)).names
    }

    /// The ids of the lessons (front matter only: no lesson is parsed whole).
    public static func lessonIDs() -> [String] {
        guard let folder = LessonsFolder.find(explicit: nil) else { return [] }
        return LessonCatalog.index(directory: folder).headers.map(\.id)
    }
}
