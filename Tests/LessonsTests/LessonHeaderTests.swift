import Foundation
@testable import Lessons
import Testing

/// The lesson list reads only front matter (plain lines without the YAML parser when it can); the
/// header must say exactly what the whole lesson says.
@Suite struct LessonHeaderTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons")

    @Test func everyShippedHeaderMatchesItsWholeLesson() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.lessons.path)
            .map { Self.lessons.appendingPathComponent($0) }
            .filter { !LessonCatalog.lessonFiles(in: $0).isEmpty }
        #expect(!folders.isEmpty)
        for folder in folders {
            for file in LessonCatalog.lessonFiles(in: folder) {
                let whole = try #require(LessonParser.parse(fileAt: file, language: folder.lastPathComponent).lesson, "\(file.path)")
                let header = try #require(LessonParser.parseHeader(fileAt: file).header, "\(file.path)")
                #expect(header == LessonHeader(id: whole.id, title: whole.title, summary: whole.summary, minutes: whole.minutes,
                                               requires: whole.requires, file: whole.file))
            }
        }
    }

    @Test func plainFrontMatterIsReadWithoutYAMLAndAnythingElseIsLeftToIt() {
        #expect(PlainFrontMatter.fields("id: a\ntitle: \"T: x\"\nrequires: [b, c]\nminutes: 5")
                == ["id": .scalar("a"), "title": .scalar("T: x"), "requires": .list(["b", "c"]), "minutes": .scalar("5")])
        for yamlOnly in ["title: &a T", "title: |\n  two lines", "title: 'single'", "title: a: b", "id: a\nid: b", "title: \"esc\\\"\""] {
            #expect(PlainFrontMatter.fields(yamlOnly) == nil, "\(yamlOnly)")
        }
    }

    @Test func aHeaderThePlainReaderRefusesIsStillReadOrReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-header-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let quoted = folder.appendingPathComponent("a.md")
        try Data("---\nid: a\ntitle: 'Single quoted'\nsummary: S\nminutes: 5\n---\n## One\nText.\n".utf8).write(to: quoted)
        #expect(LessonParser.parseHeader(fileAt: quoted).header?.title == "Single quoted")
        let broken = folder.appendingPathComponent("b.md")
        try Data("---\nid: B!\ntitle: T\nsummary: S\nminutes: 5\n---\n".utf8).write(to: broken)
        let result = LessonParser.parseHeader(fileAt: broken)
        #expect(result.header == nil)
        #expect(!result.diagnostics.isEmpty)
    }
}
