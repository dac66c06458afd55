#if TWLAB_TESTING_AIDS
import Lessons
import TCPModel

/// The commands a learner would type to go through a lesson, derived from the answer pipeline: all
/// right (a full score) or all wrong (every hint and explanation). End-to-end tests feed these to
/// the shell, so the expected answers are never copied into a test. A testing aid: compiled only into
/// debug builds (`TWLAB_TESTING_AIDS`), never into the release build a learner runs.
extension TutorSession {
    /// One line per command, starting with `start ID` and ending with the `next` that finishes it.
    /// Throws the oracle's error when a question's answer cannot be computed.
    /// With `labs`, a `yes` after each step that offers a live experiment runs it.
    public mutating func practiceScript(for lessonID: String, wrong: Bool, labs: Bool = false) throws -> [String] {
        guard let lesson = catalog.lesson(lessonID) else {
            throw Diagnostic(at: SourceLocation(file: lessonID, line: 0, column: 0), "no lesson named '\(lessonID)'")
        }
        var lines = ["start \(lesson.id)"]
        for step in lesson.steps {
            for block in step.blocks {
                guard case .question(let question) = block else { continue }
                let expected = try expectedAnswer(question)
                if wrong {
                    let answer = wrongAnswer(to: question, expected: expected)
                    lines += Array(repeating: "answer \(answer)", count: question.hints.count + 1)
                } else {
                    lines.append("answer \(expected)")
                }
            }
            if labs, step.blocks.contains(where: { if case .lab = $0 { true } else { false } }) {
                lines.append("yes")
            }
            lines.append("next")
        }
        return lines
    }

    /// A well-formed answer that the checker grades wrong.
    public func wrongAnswer(to question: Question, expected: String) -> String {
        var candidates: [String]
        switch question.answerKind {
        case .state: candidates = TCPState.allCases.map(\.name)
        case .choice(let choices): candidates = choices
        case .flags: candidates = ["RST", "SYN", "FIN", "ACK", "SYN|ACK"]
        case .number: candidates = ["999999", "-999999", "0", "12345"]
        case .text: candidates = ["no idea at all", "banana"]
        }
        for candidate in candidates where services.check(candidate, expected, question) == .wrong {
            return candidate
        }
        return candidates.first { $0 != expected } ?? "wrong"
    }
}
#endif
