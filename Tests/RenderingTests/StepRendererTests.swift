import Testing
import Rendering

@Suite struct StepRendererTests {
    @Test func proseWrapsToTheWidth() {
        let text = String(repeating: "word ", count: 40)
        let out = StepRenderer(width: 30).render(.prose(text))
        let lines = out.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 30 })
    }

    @Test func markdownIsRenderedLightly() {
        let out = StepRenderer(width: 80, useColor: true).render(.prose("# Title\nUse `ss -tan` here.\n\n- first\n- second"))
        #expect(out.contains("\u{1B}[1mTitle\u{1B}[0m"))
        #expect(out.contains("\u{1B}[36m"))
        #expect(out.contains("  • first"))
        #expect(!out.contains("`"))
        #expect(!out.contains("# "))
    }

    @Test func noColourMeansNoEscapes() {
        let out = StepRenderer(width: 80, useColor: false).render([.heading("A"), .prose("`x` **y**"), .success("ok")])
        #expect(!out.contains("\u{1B}"))
        #expect(out.contains("x y"))
    }

    /// A diagram that fits keeps its layout exactly; a line wider than the terminal is wrapped so that
    /// every line fits (nothing twlab prints is wider than the terminal).
    @Test func diagramsKeepTheirLayoutAndFitTheWidth() {
        let fits = "client  ──FIN──▶  server\n        ◀──ACK──"
        #expect(StepRenderer(width: 40).render(.diagram(fits)) == fits + "\n")
        let wide = String(repeating: "-", count: 120)
        let lines = StepRenderer(width: 40).render(.diagram(wide)).split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.joined().filter { $0 == "-" }.count == 120, "nothing is lost")
    }
}

@Suite struct StepRendererWideTextTests {
    /// Columns of a rendered line, counting CJK ideographs (U+4E00–U+9FFF) as two, as terminals do.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) || (0x3000...0x303F).contains($1.value) ? 2 : 1) }
    }

    @Test func chineseProseWrapsBetweenCharactersWithinTheWidth() {
        let text = String(repeating: "主动关闭的一方进入等待状态。", count: 8)
        let out = StepRenderer(width: 30).render(.prose(text))
        let lines = out.split(separator: "\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { Self.columns($0) <= 30 })
        // Nothing is lost or padded with spaces.
        #expect(lines.joined() == text)
    }
}

@Suite struct StepRendererNoteTests {
    @Test func notesRenderCodeSpansWithoutBreakingThem() {
        let out = StepRenderer(width: 30).render(.note("Type `sim -e 'open; close client'` to draw the run."))
        #expect(!out.contains("`"))
        #expect(out.split(separator: "\n").contains { $0.contains("sim -e 'open; close client'") })
    }
}

@Suite struct StepRendererColourTests {
    @Test func aStyledLineIsStyledOnceAndCodeInsideItReopensTheStyle() {
        let out = StepRenderer(width: 80, useColor: true).render(.note("Type `next` to go on."))
        // dim (2) opens the line, cyan (36) marks the code, dim is reopened after it, one reset ends the line.
        #expect(out == "\u{1B}[2mType \u{1B}[36mnext\u{1B}[0m\u{1B}[2m to go on.\u{1B}[0m\n")
    }
}
