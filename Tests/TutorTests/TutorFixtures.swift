import Rendering
import Foundation
import Synchronization
@testable import Lessons
import SocketLab
import TCPModel
@testable import Tutor

/// Small lessons built in code, so the tutor can be tested before (and apart from) the lesson parser.
enum TutorFixtures {
    static let location = SourceLocation(file: "fixture.md", line: 1, column: 1)

    static func question(_ id: String, lesson: String = "lost-ack", prompt: String, kind: AnswerKind,
                         source: AnswerSource, hints: [String] = [], explain: String = "",
                         params: [QuestionParameter] = [], points: Double = 1) -> Question {
        Question(id: "\(lesson)/\(id)", lessonID: lesson, kind: .predict, prompt: prompt, answerKind: kind,
                 source: source, params: params, hints: hints, explain: explain, points: points,
                 location: location)
    }

    static func step(_ title: String, _ blocks: [LessonBlock]) -> LessonStep {
        LessonStep(title: title, blocks: blocks, location: location)
    }

    /// A three-step lesson: prose and a state question with two hints; a choice question and a lab;
    /// a closing step of prose.
    static var lostAck: Lesson {
        Lesson(id: "lost-ack", title: "The last ACK can be lost", summary: "Why the active closer waits.",
               minutes: 8, requires: [], language: "en", file: "/tmp/en/02-lost-ack.md", steps: [
                step("Who waits", [
                    .text("# The close\nThe client sends `FIN` first.\n\n- one\n- two"),
                    .question(question("final", prompt: "Which state does the client end in?", kind: .state,
                                       source: .key(["TIME_WAIT"]),
                                       hints: ["It closed first.", "It is the state that waits 2×MSL."],
                                       explain: "The active closer waits in TIME_WAIT.")),
                    .text("After the question."),
                ]),
                step("Who sends", [
                    .question(question("side", prompt: "Which side enters TIME_WAIT?", kind: .choice(["client", "server", "both", "neither"]),
                                       source: .experiment(name: "active-close", finding: "time_wait_side", fallback: .key(["client"])),
                                       hints: ["Whoever closes first."], explain: "The side that closed first.")),
                    .lab(LabBlock(experiment: "active-close", options: [:], caption: "Watch it live.", fallback: nil, location: location)),
                ]),
                step("Done", [.text("That is all.")]),
               ])
    }

    /// A lesson with one parameterised quiz question (ports ÷ 60).
    static var harm: Lesson {
        Lesson(id: "harm", title: "The harm", summary: "", minutes: 5, requires: [], language: "en",
               file: "/tmp/en/05-harm.md", steps: [
                step("Rate", [.question(question("rate", lesson: "harm", prompt: "With {ports} ports, how many connections per second?",
                                                 kind: .number(tolerance: 1), source: .expression("ports / 60"),
                                                 params: [QuestionParameter(name: "ports", range: 28232...28232, step: 1)]))]),
               ])
    }

    static var catalog: LessonCatalog { LessonCatalog(lessons: [lostAck, harm], diagnostics: []) }

    static var library: ScenarioLibrary { ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent")) }

    /// Counts oracle calls across threads.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    /// Services that answer from the question's key, or `ports / 60` from the parameters, and
    /// compare the way the contract describes (states in any spelling, choices case-insensitively).
    static func services(counter: Counter = Counter(),
                         experiment: @escaping @Sendable (String) throws -> ExperimentReport = { name in
                             throw ExperimentError("no lab in tests (\(name))")
                         }) -> TutorServices {
        TutorServices(
            expectedAnswer: { question, parameters, _ in
                counter.increment()
                switch question.source {
                case .key(let keys): return ExpectedAnswer(text: keys.first ?? "")
                case .experiment(_, _, .key(let keys)?): return ExpectedAnswer(text: keys.first ?? "")
                case .expression: return ExpectedAnswer(text: String(Int(((parameters["ports"] ?? 0) / 60).rounded())))
                default: throw Diagnostic(at: question.location, "no answer in the fixture")
                }
            },
            check: { given, expected, question in
                switch question.answerKind {
                case .state:
                    guard let state = TCPState(parsing: given) else { return .invalid("'\(given)' is not a TCP state") }
                    return state == TCPState(parsing: expected) ? .correct : .wrong
                case .choice(let choices):
                    guard choices.contains(where: { $0.lowercased() == given.lowercased() }) else { return .invalid("not a choice") }
                    return given.lowercased() == expected.lowercased() ? .correct : .wrong
                case .number(let tolerance):
                    guard let a = Double(given), let b = Double(expected) else { return .invalid("not a number") }
                    return abs(a - b) <= tolerance ? .correct : .wrong
                default:
                    return given == expected ? .correct : .wrong
                }
            },
            runExperiment: { name, _, log, _ in
                log(.step(LabText(verbatim: "running \(name)")))
                return try experiment(name)
            },
            diagram: { _, _, _ in nil })
    }

    /// A fresh folder for a progress file.
    static func temporaryStore() throws -> ProgressStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tutor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return ProgressStore(url: folder.appendingPathComponent("progress.json"))
    }

    static func session(store: ProgressStore?, services: TutorServices = services(),
                        clock: @escaping @Sendable () -> Date = { Date() }) -> TutorSession {
        TutorSession(catalog: catalog, library: library, store: store, services: services, now: clock)
    }
}

extension Array where Element == TutorLine {
    /// All the text, one line per element, for `contains` checks.
    var text: String { map(\.text).joined(separator: "\n") }
}

extension Array where Element == TutorLine {
    /// True when a line reports a command that could not do its job.
    var hasError: Bool { contains { $0.isError } }
    /// True when a line is good news (a right answer).
    var hasSuccess: Bool { contains { if case .success = $0 { true } else { false } } }
}
