import Foundation
import Lessons
import Yams

/// What an instructor grades: a course file names the lessons and/or the questions, and the pass mark.
///
/// ```yaml
/// lessons: [four-way-close, lost-final-ack]   # optional: every question of these lessons
/// questions: [the-harm/ceiling]               # optional: and these single questions
/// pass-mark: 0.7                              # optional: default 0.6
/// ```
/// With neither list, every shipped question is graded. An answers file can never change this set.
public struct QuizCourse: Sendable, Equatable {
    /// Lesson ids whose questions are all graded.
    public var lessons: [String]
    /// Single question ids (`LESSON-ID/QUESTION-ID`) graded besides.
    public var questions: [String]
    /// The fraction of the points needed to pass, when the course sets it.
    public var passMark: Double?

    /// A course from its parts.
    public init(lessons: [String] = [], questions: [String] = [], passMark: Double? = nil) {
        self.lessons = lessons; self.questions = questions; self.passMark = passMark
    }

    /// Why a course file cannot be used.
    public struct Problem: Error, LocalizedError, Sendable {
        /// One sentence naming the file and what to do.
        public var message: String
        /// The same sentence.
        public var errorDescription: String? { message }
    }

    /// Reads a course file. Messages give the line and the kind of problem, never the file's text.
    public static func read(path: String) throws -> QuizCourse {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(message: "\(path): cannot read the course file; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8), let node = try? Yams.compose(yaml: text),
              case .mapping(let top) = node else {
            throw Problem(message: "\(path): not a course file; write YAML with `lessons:`, `questions:` and `pass-mark:`")
        }
        var course = QuizCourse()
        for (key, value) in top {
            let line = key.mark?.line ?? 0
            switch key.scalar?.string {
            case "lessons", "questions":
                guard let list = value.sequence?.compactMap({ $0.scalar?.string }), list.count == value.sequence?.count else {
                    throw Problem(message: "\(path):\(line): `\(key.scalar?.string ?? "")` must be a list of ids")
                }
                if key.scalar?.string == "lessons" { course.lessons = list } else { course.questions = list }
            case "pass-mark":
                guard let mark = value.scalar.flatMap({ Double($0.string) }), (0...1).contains(mark) else {
                    throw Problem(message: "\(path):\(line): `pass-mark` is a fraction from 0 to 1, for example 0.6")
                }
                course.passMark = mark
            default:
                throw Problem(message: "\(path):\(line): unknown key; a course file has lessons, questions and pass-mark")
            }
        }
        return course
    }

    /// The questions of the course, in lesson order; throws when an id names nothing.
    public func select(from lessonsList: [Lesson]) throws -> [Question] {
        let all = lessonsList.flatMap(\.questions)
        // Questions worth 0 points (those a live lab checks, one fixed setup for everyone) are practice
        // only: a graded quiz neither asks nor counts them.
        let graded = all.filter { $0.points > 0 }
        guard !lessons.isEmpty || !questions.isEmpty else { return graded }
        let knownLessons = Set(lessonsList.map(\.id)), knownQuestions = Set(all.map(\.id))
        for id in lessons where !knownLessons.contains(id) {
            throw QuizError.unknownLesson(id, known: lessonsList.map(\.id))
        }
        for id in questions where !knownQuestions.contains(id) { throw QuizError.unknownQuestion(id) }
        let wantedLessons = Set(lessons), wantedQuestions = Set(questions)
        return graded.filter { wantedLessons.contains($0.lessonID) || wantedQuestions.contains($0.id) }
    }
}
