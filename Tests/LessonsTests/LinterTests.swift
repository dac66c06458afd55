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
