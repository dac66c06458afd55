import Foundation
import Testing
@testable import Lessons

@Suite("Linter and catalog")
struct LinterTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-linter-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    private func lesson(_ id: String, requires: [String] = []) -> String {
        """
        ---
        id: \(id)
        title: T
        summary: S
        minutes: 5
        requires: [\(requires.joined(separator: ", "))]
        ---
        ## Step

        ```quiz
        id: q
        ask: How many segments does a normal close take?
        type: number
        key: "4"
        hints: [Two FINs, two ACKs.]
        explain: FIN, ACK, FIN, ACK.
        ```
        """
    }

    @Test func unknownAndCircularRequirements() throws {
        let root = try folder(["en/01-a.md": lesson("a", requires: ["b"]), "en/02-b.md": lesson("b", requires: ["a"]),
                               "en/03-c.md": lesson("c", requires: ["nowhere"])])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Linter(experiments: [:]).lint([root])
        #expect(report.errors.contains { $0.location.file.hasSuffix("01-a.md") && $0.message.contains("circle") })
        #expect(report.errors.contains { $0.location.file.hasSuffix("03-c.md") && $0.message.contains("'nowhere'") })
        #expect(report.lessonCount == 3)
        #expect(report.questionCount == 3)
    }

    @Test func aMissingLanguageFallsBackToEnglishWithAWarning() throws {
        let root = try folder(["en/01-a.md": lesson("a")])
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = LessonCatalog.load(directory: root, language: "fr")
        #expect(catalog.lessons.map(\.id) == ["a"])
        #expect(catalog.lessons.first?.language == "en")
        #expect(catalog.diagnostics.contains { $0.severity == .warning && $0.message.contains("'fr'") })
        #expect(catalog.errors.isEmpty)
    }

    @Test func aMissingFolderIsOneClearError() {
        let catalog = LessonCatalog.load(directory: URL(fileURLWithPath: "/nonexistent/twlab"))
        #expect(catalog.lessons.isEmpty)
        #expect(catalog.errors.count == 1)
        #expect(catalog.errors.first?.message.contains("--lessons") == true)
    }

    @Test func aBrokenLessonIsLeftOutAndTheOthersLoad() throws {
        let root = try folder(["en/01-a.md": lesson("a"), "en/02-broken.md": "no front matter\n", "en/README.md": "# notes\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = LessonCatalog.load(directory: root)
        #expect(catalog.lessons.map(\.id) == ["a"])
        #expect(catalog.errors.count == 1)
        #expect(catalog.errors.first?.location.file.hasSuffix("02-broken.md") == true)
    }

    @Test func aHintOrPromptThatNamesTheAnswerIsAnErrorAtItsLine() throws {
        let text = """
        ---
        id: a
        title: T
        summary: S
        minutes: 5
        requires: []
        ---
        ## Step

        ```quiz
        id: q
        ask: How many segments does a normal close take?
        type: number
        key: "4"
        hints:
          - Two FINs and two ACKs.
          - That makes 4.
        explain: FIN, ACK, FIN, ACK.
        ```

        ```quiz
        id: rate
        ask: "{n} ports, each busy for 1 s: how many connections per second?"
        params:
          n: [100, 200, 100]
        answer: n / 1
        hints: [Divide.]
        explain: n.
        ```
        """
        let root = try folder(["en/01-a.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Linter(experiments: [:]).lint([root])
        let found = report.errors.map(\.description)
        // The second hint is on line 17, its text from column 5.
        #expect(found.contains { $0.hasSuffix("01-a.md:17:5: error: hint 2 gives away the answer '4'; point at the mechanism instead") }, "\(found)")
        #expect(!found.contains { $0.contains("hint 1 gives away") }, "\(found)")
        #expect(found.contains { $0.contains("01-a.md:23:") && $0.contains("the question 'rate' gives away the answer") }, "\(found)")
        #expect(report.errors.count == 2, "\(found)")
    }
}

@Suite("Linter: feedback and give-aways before a question")
struct LinterFeedbackTests {
    private func lint(_ lesson: String) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-feedback-\(UUID().uuidString)")
        let url = root.appendingPathComponent("en/01-a.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(lesson.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: root) }
        return Linter(experiments: [:]).lint([root]).diagnostics.map(\.description)
    }

    private func lesson(summary: String = "S", heading: String = "Step", prose: String = "Guess first.",
                        mistakes: String = "") -> String {
        """
        ---
        id: a
        title: T
        summary: \(summary)
        minutes: 5
        requires: []
        ---
        ## \(heading)

        \(prose)

        ```predict
        id: p
        ask: Which state is the client in one second after its close?
        script: |
          open
          close client
          wait 1s
        observe: final client
        hints: [Its FIN was acknowledged.]
        explain: It waits for the other FIN.
        \(mistakes)
        ```

        ```predict
        id: q
        ask: And the server?
        script: |
          open
          close client
          wait 1s
        observe: final server
        hints: [It received a FIN.]
        explain: It waits for its application.
        mistakes:
          CLOSED: "Its application has not closed."
          LAST_ACK: "It has not sent a FIN."
        ```
        """
    }

    @Test func aPredictionWithoutTwoTargetedRepliesIsWarned() throws {
        let found = try lint(lesson(mistakes: "mistakes:\n  CLOSED: \"Not yet.\""))
        #expect(found.contains { $0.contains("warning: prediction 'p' has targeted replies for 1 wrong answer") }, "\(found)")
        #expect(!found.contains { $0.contains("prediction 'q'") }, "\(found)")
    }

    @Test func aMistakeThatIsTheAnswerOrARevealingReplyIsAnError() throws {
        let found = try lint(lesson(mistakes: """
        mistakes:
          fin-wait-2: "Right, really."
          CLOSED: "No: it is in FIN_WAIT_2."
        """))
        #expect(found.contains { $0.contains("error: the mistake 'fin-wait-2' of 'p' is its right answer 'FIN_WAIT_2'") }, "\(found)")
        #expect(found.contains { $0.contains("error: the reply to the mistake 'CLOSED' gives away the answer 'FIN_WAIT_2'") }, "\(found)")
    }

    @Test("text shown before the question may not state its answer", arguments: [
        ("summary", "The client ends in FIN_WAIT_2 for a while."),
        ("heading", "FIN_WAIT_2"),
        ("prose", "After the ACK the client sits in FIN_WAIT_2."),
    ])
    func giveawayBeforeTheQuestion(_ place: String, _ text: String) throws {
        let twoReplies = "mistakes:\n  CLOSED: \"Not yet.\"\n  TIME_WAIT: \"No FIN came.\""
        let found: [String]
        switch place {
        case "summary": found = try lint(lesson(summary: text, mistakes: twoReplies))
        case "heading": found = try lint(lesson(heading: text, mistakes: twoReplies))
        default: found = try lint(lesson(prose: text, mistakes: twoReplies))
        }
        #expect(found.contains { $0.contains("shown before the question 'p', gives away its answer 'FIN_WAIT_2'") }, "\(found)")
        #expect(found.filter { $0.contains(": error:") }.count == 1, "\(found)")
    }

    @Test func inProseOnlyAStateInCapitalsNamesIt() {
        #expect(AnswerGiveaway.reveals("The server has closed.", answer: "CLOSED", kind: .state, prose: true) == false)
        #expect(AnswerGiveaway.reveals("The server has closed.", answer: "CLOSED", kind: .state) == true)
        #expect(AnswerGiveaway.reveals("Then it is CLOSED.", answer: "CLOSED", kind: .state, prose: true) == true)
    }
}

@Suite("Linter: mistakes across variants")
struct LinterMistakeVariantTests {
    @Test func aMistakeThatIsTheRightAnswerOfAnyVariantIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-variants-\(UUID().uuidString)")
        let url = root.appendingPathComponent("en/01-a.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("""
        ---
        id: a
        title: T
        summary: S
        minutes: 5
        requires: []
        ---
        ## Step

        ```quiz
        id: q
        ask: "{n} ports, each busy for 60 s: how many connections per second?"
        params:
          n: [60, 120, 60]
        answer: n / 60
        hints: [Divide by the seconds.]
        explain: Ports over seconds.
        mistakes:
          "2": "That would be the rate for twice the ports."
        ```
        """.utf8).write(to: url)
        let found = Linter(experiments: [:]).lint([root]).errors.map(\.description)
        // n = 120 makes "2" the right answer, although n = 60 (the first variant) does not.
        #expect(found.contains { $0.contains("the mistake '2' of 'q' is its right answer '2'") }, "\(found)")
        #expect(found.count == 1, "\(found)")
    }
}
