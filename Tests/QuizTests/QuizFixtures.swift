import Foundation
@testable import Lessons
import TCPModel
import Quiz

/// Questions, answers files and a stand-in answer authority for quiz tests that must not depend on the
/// state of the shipped lessons. The stand-in compares the way the issue describes (states in any
/// spelling via `TCPState(parsing:)`, numbers within tolerance, flags in any order via
/// `TCPFlags(parsing:)`, choices case-insensitively), so report writers can be tested on real grades.
enum QuizFixtures {
    static func question(_ id: String, lesson: String = "01-close", kind: QuestionKind = .quiz, prompt: String,
                         answer: AnswerKind, source: AnswerSource, params: [QuestionParameter] = [],
                         points: Double = 1, explain: String = "") -> Question {
        Question(id: "\(lesson)/\(id)", lessonID: lesson, kind: kind, prompt: prompt, answerKind: answer,
                 source: source, params: params, hints: [], explain: explain, points: points,
                 location: SourceLocation(file: "\(lesson).md", line: 1, column: 1))
    }

    /// Four questions of four answer kinds, one with a parameter.
    static let questions: [Question] = [
        question("who-waits", kind: .predict, prompt: "Which state does the active closer end in?",
                 answer: .state, source: .key(["TIME_WAIT"]), explain: "The side that closes first waits."),
        question("rate", prompt: "With {ports} ports and a 60 s TIME_WAIT, how many new connections per second?",
                 answer: .number(tolerance: 5), source: .expression("ports / 60"),
                 params: [QuestionParameter(name: "ports", range: 28_000...28_300, step: 60)], points: 2),
        question("last-flags", kind: .predict, prompt: "Which flags does the passive closer's last segment carry?",
                 answer: .flags, source: .key(["FIN|ACK"])),
        question("recycle", prompt: "Is tcp_tw_recycle still in Linux 6.x?", answer: .choice(["true", "false"]),
                 source: .key(["false"])),
    ]

    /// A stand-in for `AnswerOracle` and `AnswerChecker`.
    static let authority = AnswerAuthority(
        expected: { question, values in
            switch question.source {
            case .key(let keys): return keys.first ?? ""
            case .expression: return QuizText.number(((values["ports"] ?? 0) / 60).rounded())
            default: throw Diagnostic(at: question.location, "unsupported in the fixture")
            }
        },
        check: { given, expected, question in
            switch question.answerKind {
            case .state:
                guard let state = TCPState(parsing: given) else { return .invalid("`\(given)` is not a TCP state") }
                return state == TCPState(parsing: expected) ? .correct : .wrong
            case .number(let tolerance):
                guard let number = Double(given.trimmingCharacters(in: .whitespaces)), let want = Double(expected) else {
                    return .invalid("`\(given)` is not a number")
                }
                return abs(number - want) <= tolerance ? .correct : .wrong
            case .flags:
                guard let flags = TCPFlags(parsing: given) else { return .invalid("`\(given)` is not a set of TCP flags") }
                return flags == TCPFlags(parsing: expected) ? .correct : .wrong
            case .choice(let choices):
                guard choices.contains(where: { $0.lowercased() == given.lowercased() }) else {
                    return .invalid("choose one of \(choices.joined(separator: ", "))")
                }
                return given.lowercased() == expected.lowercased() ? .correct : .wrong
            case .text:
                return given.lowercased() == expected.lowercased() ? .correct : .wrong
            }
        })

    static func grader(secret: String? = "course-secret") -> QuizGrader {
        QuizGrader(questions: questions, generator: VariantGenerator(secret: secret.map { Data($0.utf8) }),
                   authority: authority)
    }

    /// Grades answers-file texts (path → YAML) with the fixture questions.
    static func run(_ files: [(String, String)], secret: String? = "course-secret") -> GradingRun {
        let parsed = files.map { AnswersFileParser.parse(Data($0.1.utf8), path: $0.0) }
        var run = grader(secret: secret).grade(parsed, passMark: 0.6)
        run.executionTime = 0
        return run
    }

    /// The right answer to the rate question for a student, worked out by hand from the variant.
    static func rightRate(for student: String, secret: String = "course-secret") -> Int {
        let variant = VariantGenerator(secret: Data(secret.utf8)).variant(for: questions[1], student: student)
        return Int(((variant.values["ports"] ?? 0) / 60).rounded())
    }

    /// Submissions the golden reports are made from: right, wrong, partial and broken.
    static func goldenSubmissions() -> [(String, String)] {
        [
            ("right.yaml", """
            student: ada
            answers:
              01-close/who-waits: time-wait
              01-close/rate: \(rightRate(for: "ada"))
              01-close/last-flags: [ACK, FIN]
              01-close/recycle: "False"
            """),
            ("wrong.yaml", """
            student: bob
            answers:
              01-close/who-waits: CLOSE_WAIT
              01-close/rate: 1000
              01-close/last-flags: RST
              01-close/recycle: "true"
            """),
            ("partial.yaml", """
            student: "cy <&\\"'> #"
            answers:
              01-close/who-waits: TIME_WAIT
              01-close/rate: "]]> *bold* & <b>"
              01-close/recycle: false
              nosuch/question: 1
            """),
            ("broken.yaml", "student: dee\nanswers: [this is: not, {valid\n"),
        ]
    }

    /// A temporary file with these bytes; the caller removes it.
    static func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-quiz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// Runs a program, feeding it nothing, and returns its status and output.
    static func runTool(_ path: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe(), inPipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func toolExists(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
}
