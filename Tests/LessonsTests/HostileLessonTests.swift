import Foundation
import Testing
@testable import Lessons

/// Lessons written to hurt: alias bombs, huge expressions, huge hints. Each must be refused or
/// handled in bounded time and memory, with a diagnostic naming the place.
@Suite("Hostile lessons")
struct HostileLessonTests {
    static let billionLaughs = """
    ---
    id: bomb
    title: Bomb
    summary: S
    minutes: 5
    ---
    ## Step

    ```quiz
    id: q
    ask: How many?
    type: number
    key: "4"
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    hints: [*i]
    ```
    """

    static func lesson(_ id: String, quiz: String) -> String {
        """
        ---
        id: \(id)
        title: T
        summary: S
        minutes: 5
        ---
        ## Step

        ```quiz
        \(quiz)
        ```
        """
    }

    @Test func aliasBombIsRefusedAtItsLineAndColumn() {
        let clock = ContinuousClock()
        let start = clock.now
        let (_, diagnostics) = LessonParser.parse(text: Self.billionLaughs, file: "bomb.md", language: "en")
        #expect(clock.now - start < .seconds(2))
        // `a: &a [...]` is line 14 of the file; the anchor starts at column 4.
        #expect(diagnostics.contains { $0.location.line == 14 && $0.location.column == 4 && $0.message.contains("anchors") },
                "\(diagnostics.map(\.description))")
    }

    @Test func aliasInTheFrontMatterIsRefused() {
        let text = "---\nid: &x a\ntitle: *x\nsummary: S\nminutes: 5\n---\n## Step\n\nText.\n"
        let (lesson, diagnostics) = LessonParser.parse(text: text, file: "f.md", language: "en")
        #expect(lesson == nil)
        #expect(diagnostics.contains { $0.location.line == 2 && $0.location.column == 5 }, "\(diagnostics.map(\.description))")
    }

    @Test func theOtherLessonsStillLoadBesideABomb() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-bomb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.billionLaughs.utf8).write(to: folder.appendingPathComponent("01-bomb.md"))
        let good = Self.lesson("good", quiz: "id: q\nask: How many segments?\ntype: number\nkey: \"4\"\nhints: [Count them.]")
        try Data(good.utf8).write(to: folder.appendingPathComponent("02-good.md"))
        let catalog = LessonCatalog.load(directory: root)
        #expect(catalog.lesson("good") != nil)
        #expect(catalog.errors.contains { $0.location.file.hasSuffix("01-bomb.md") && $0.location.line == 14 })
    }

    @Test("text that merely looks like an alias is not one", arguments: [
        "ask: \"*quoted* text\"",
        "ask: 2 *60 seconds",
        "ask: A & B, and *this*",
        "ask: |\n  *emphasis* in a block\n  - &not an anchor",
        "ask: a plain value that goes\n  *on* to a second line",
        "ask: 'it''s *fine*' # and *a comment*",
    ])
    func noFalseAlarms(_ yaml: String) {
        #expect(YAMLAliasScanner.firstFinding(in: yaml) == nil)
    }

    @Test("anchors and aliases are found wherever a value starts", arguments: [
        ("a: &x 1", 1, 4), ("- *x", 1, 3), ("a: [1, *x]", 1, 8), ("a:\n  *x", 2, 3), ("{a: *x}", 1, 5),
        ("a: !!str &x 1", 1, 10), ("- - *x", 1, 5),
    ])
    func findings(_ yaml: String, _ line: Int, _ column: Int) throws {
        let finding = try #require(YAMLAliasScanner.firstFinding(in: yaml))
        #expect(finding.line == line && finding.column == column)
    }

    @Test func aSixtyThousandTermAnswerIsRefusedWithoutOverflowingTheStack() {
        let terms = Array(repeating: "1", count: 60_000).joined(separator: "+")
        #expect(throws: ArithmeticExpression.Failure.self) { try ArithmeticExpression(terms) }
        let lesson = Self.lesson("long", quiz: "id: q\nask: How much?\ntype: number\nanswer: \(terms)\nhints: [Add.]")
        let (_, diagnostics) = LessonParser.parse(text: lesson, file: "long.md", language: "en")
        #expect(diagnostics.contains { $0.location.line == 13 && $0.message.contains("at most") }, "\(diagnostics.prefix(3))")
    }

    @Test func aLongChainEvaluatesWithoutDeepRecursion() throws {
        // 2,000 terms is far below the length cap; the chain is one flat node, evaluated in a loop.
        let terms = Array(repeating: "1", count: 2_000).joined(separator: "+")
        #expect(try ArithmeticExpression(terms).evaluate([:]) == 2_000)
        let product = Array(repeating: "2", count: 1_000).joined(separator: "*")
        #expect(try ArithmeticExpression(product).evaluate([:]) == pow(2.0, 1_000.0))
    }

    @Test func theGiveawayCheckIsLinear() throws {
        // A 200 KB hint and a 2 KB text answer that almost matches everywhere: the naive search
        // compared (and copied) 2,000 characters at each of 200,000 places.
        let answer = String(repeating: "a", count: 2_000) + "b"
        let hint = String(repeating: "a", count: 200_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(!AnswerGiveaway.reveals(hint, answer: answer, kind: .text))
        #expect(AnswerGiveaway.reveals(hint + " " + answer + " end", answer: answer, kind: .text))
        #expect(clock.now - start < .seconds(2))
    }

    @Test func escapeSequencesInLessonTextAreMadeVisibleAndReported() throws {
        let text = "---\nid: esc\ntitle: \"Clip\\e]52;c;aGk=\\a\"\nsummary: S\nminutes: 5\n---\n"
            + "## Step \u{1B}[2J one\n\nProse with \u{1B}[31mred\u{1B}[0m and \u{202E}reversed.\n"
        let (lesson, diagnostics) = LessonParser.parse(text: text, file: "esc.md", language: "en")
        let parsed = try #require(lesson)
        let shown = [parsed.title, parsed.steps[0].title]
            + parsed.steps[0].blocks.compactMap { if case .text(let prose) = $0 { prose } else { nil } }
        #expect(shown.count == 3)
        for piece in shown {
            #expect(!piece.unicodeScalars.contains { VisibleText.isInvisible($0) && $0 != "\n" }, "\(piece.debugDescription)")
        }
        #expect(parsed.title == "Clip\\u{1B}]52;c;aGk=\\u{7}")
        #expect(diagnostics.contains { $0.severity == .warning && $0.location.line == 7 && $0.location.column == 9 },
                "\(diagnostics.map(\.description))")
        #expect(diagnostics.contains { $0.location.line == 9 })
    }

    @Test func aDiagnosticIsOneLineWithoutEscapes() {
        let diagnostic = Diagnostic(at: SourceLocation(file: "a\nb\u{1B}.md", line: 1, column: 1), "unknown 'x\u{1B}[2Jy\nz'")
        #expect(!diagnostic.description.contains("\n"))
        #expect(!diagnostic.description.unicodeScalars.contains("\u{1B}"))
        #expect(diagnostic.description.contains("\\u{1B}[2J"))
        let long = Diagnostic(at: SourceLocation(file: "l.md", line: 1, column: 1),
                              "question id '\(String(repeating: "- ", count: 50_000))' must be lower-case letters")
        #expect(long.message.count < 200)
        #expect(long.message.hasSuffix("…' must be lower-case letters"))
    }
}
