import Foundation
import Testing
import TCPModel
@testable import Lessons

/// Predictions and quiz questions with per-student parameters: choices fill scripts, observables and
/// keys; lint walks the whole parameter space; the shipped lessons vary on (nearly) every question.
@Suite("Parameterised questions")
struct ParameterisedQuestionTests {
    static let header = "---\nid: p\ntitle: T\nsummary: S\nminutes: 5\nrequires: []\n---\n## Step\n\n"

    private func question(_ block: String) throws -> Question {
        let (lesson, diagnostics) = LessonParser.parse(text: Self.header + block, file: "p.md", language: "en")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(lesson?.questions.first)
    }

    private let library = ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent"))

    /// Which side closes first decides the server's state: RFC 9293 puts the side that received the
    /// FIN in CLOSE_WAIT, and the side whose FIN was acknowledged in FIN_WAIT_2.
    @Test func aChoiceParameterFillsTheScriptTheObservableAndTheText() throws {
        let question = try question("""
            ```predict
            id: q
            ask: The {first} closes first. What state is the {who} in?
            params:
              order: {first: [client, server], second: [server, client]}
              side: {who: [client, server]}
            script: |
              open
              close {first}
              wait 1s
            observe: final {who}
            hints: [Who sent the first FIN?]
            explain: The {first} sent it.
            ```
            """)
        #expect(question.params.count == 2)
        #expect(question.params[0].count == 2)
        func answer(_ first: Double, _ who: Double) throws -> String {
            try AnswerOracle.expected(for: question, parameters: ["order": first, "side": who], scenarios: library)
        }
        #expect(try answer(0, 1) == "CLOSE_WAIT")
        #expect(try answer(1, 1) == "FIN_WAIT_2")
        #expect(try answer(0, 0) == "FIN_WAIT_2")
        #expect(question.filled(with: ["order": 1, "side": 0]).prompt == "The server closes first. What state is the client in?")
        #expect(question.filled(with: ["order": 1, "side": 0]).explain == "The server sent it.")
    }

    @Test func aKeyMayNameAPlaceholder() throws {
        let question = try question("""
            ```quiz
            id: q
            ask: Which st code does /proc/net/tcp show for {state}?
            params:
              s: {state: [TIME_WAIT, CLOSE_WAIT], code: ["06", "08"]}
            type: text
            key: "{code}"
            hints: [Count from ESTABLISHED.]
            explain: See the kernel's list.
            ```
            """)
        #expect(try AnswerOracle.expected(for: question, parameters: ["s": 0], scenarios: library) == "06")
        #expect(try AnswerOracle.expected(for: question, parameters: ["s": 1], scenarios: library) == "08")
    }

    @Test func anUnknownPlaceholderIsAnError() {
        let (_, diagnostics) = LessonParser.parse(text: Self.header + """
            ```predict
            id: q
            ask: What state is the {who} in?
            script: |
              open
              close {first}
            observe: final client
            hints: [h]
            explain: e
            ```
            """, file: "p.md", language: "en")
        let messages = diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("{who}"), "\(messages)")
        #expect(messages.contains("{first}"), "\(messages)")
    }

    /// The wording check: a count that can be 1 must not be followed by a plural noun.
    @Test func lintRefusesOneWithAPluralNoun() throws {
        let question = try question("""
            ```quiz
            id: q
            ask: A client uses {addresses} source addresses. How many tuples per second?
            params:
              addresses: [1, 4, 1]
            answer: addresses * 470
            hints: [Each address has its own ports.]
            explain: Multiply.
            ```
            """)
        let problem = ParameterWording.problem(in: question, values: ["addresses": 1])
        #expect(problem?.contains("1 addresses") == true, "\(problem ?? "nil")")
        #expect(ParameterWording.problem(in: question, values: ["addresses": 2]) == nil)
    }

    /// Lint runs every variant: a choice whose second value breaks the scenario is reported with it.
    @Test func lintChecksEveryVariantOfAScript() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-param-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data((Self.header + """
            ```predict
            id: q
            ask: The {first} closes first. What state is the server in at the end?
            params:
              order: {first: [client, nobody]}
            script: |
              open
              close {first}
              wait 1s
            observe: final server
            hints: [Who sent the first FIN?]
            explain: e
            ```
            """).utf8).write(to: root.appendingPathComponent("01-p.md"))
        let report = Linter(experiments: [:]).lint([root.appendingPathComponent("01-p.md")])
        let messages = report.errors.map(\.message).joined(separator: "\n")
        #expect(messages.contains("first = nobody"), "\(messages)")
    }

    /// Practice variants are no answer key: a graded variant never takes the practice value of a
    /// parameter with three or more values.
    @Test func gradedVariantsAvoidThePracticeValue() {
        let parameter = QuestionParameter(name: "n", range: 1...5, step: 1)
        let practice = VariantGenerator(secret: nil).variant(questionID: "l/q", parameters: [parameter], student: "anyone")
        let samePractice = VariantGenerator(secret: nil).variant(questionID: "l/q", parameters: [parameter], student: "someone else")
        #expect(practice == samePractice)
        let graded = VariantGenerator(secret: Data("course".utf8))
        var seen = Set<Double>()
        for index in 0..<300 {
            let value = graded.variant(questionID: "l/q", parameters: [parameter], student: "s\(index)").values["n"]
            #expect(value != practice.values["n"])
            if let value { seen.insert(value) }
        }
        #expect(seen.count == 4, "every other value is used: \(seen.sorted())")
    }

    /// The goal of per-student variants: most graded shipped questions have more than one right answer
    /// across the class, so a classmate's file is no key. Questions worth 0 points (those a live lab
    /// checks, which runs one fixed setup) earn nothing in a graded quiz and are not counted.
    @Test func mostShippedQuestionsHaveSeveralAnswers() throws {
        let catalog = ShippedLessonsTests.catalog, library = ShippedLessonsTests.library
        let graded = catalog.questions.filter { $0.points > 0 }
        var varying = 0
        var fixed: [String] = []
        for question in graded {
            var answers = Set<String>()
            for values in question.parameterSpace(limit: 64) {
                answers.insert(AnswerChecker.fold(try AnswerOracle.expected(for: question, parameters: values, scenarios: library)))
                if answers.count > 1 { break }
            }
            if answers.count > 1 { varying += 1 } else { fixed.append(question.id) }
        }
        let share = Double(varying) / Double(graded.count)
        print("graded questions with more than one answer across students: \(varying) of \(graded.count) (\(Int((share * 100).rounded())) %); the same for everyone: \(fixed.joined(separator: ", "))")
        #expect(share >= 0.8)
    }
}
