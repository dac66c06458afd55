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
}
