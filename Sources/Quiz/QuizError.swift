import Foundation

/// Why a quiz command cannot start. Each message says what to do next.
public enum QuizError: Error, LocalizedError, Equatable {
    /// No lessons folder was found.
    case lessonsNotFound
    /// A `--lesson` id that no lesson has.
    case unknownLesson(String, known: [String])
    /// The selected lessons have no questions.
    case noQuestions
    /// The lessons folder given holds no lesson (it may not exist).
    case noLessonsIn(String)
    /// The secret file cannot be read.
    case secretUnreadable(String)
    /// The secret file holds nothing.
    case secretEmpty(String)
    /// A question id given to `--only` that is not a question of the selected lessons.
    case unknownQuestion(String)

    /// One line saying what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case .lessonsNotFound:
            return "no lessons folder found; pass --lessons DIR or set TWLAB_LESSONS"
        case .unknownLesson(let id, let known):
            return "no lesson `\(QuizText.visible(id))`; the lessons are: \(known.joined(separator: ", "))"
        case .noQuestions:
            return "the selected lessons have no questions; choose others with --lesson ID"
        case .noLessonsIn(let path):
            return "no lessons in \(path) (it needs an en/ folder of lesson files); check the --lessons path"
        case .secretUnreadable(let path):
            return "\(path): cannot read the secret file; check the path and its permissions"
        case .secretEmpty(let path):
            return "\(path): the secret file is empty; put a long random string in it (for example `openssl rand -hex 32`)"
        case .unknownQuestion(let id):
            return "no question `\(QuizText.visible(id))` in the selected lessons; `twlab quiz paper` lists the ids"
        }
    }
}
