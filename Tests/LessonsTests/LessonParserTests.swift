import Foundation
import Testing
import TCPModel
@testable import Lessons

@Suite("LessonParser")
struct LessonParserTests {
    static let sample = """
    ---
    id: tiny
    title: A tiny lesson
    summary: Who ends in TIME_WAIT.
    minutes: 5
    requires: []
    ---
    # A tiny lesson

    ## Who waits?

    The client closes first.

    ```predict
    id: who-waits
    ask: Which side passes through TIME_WAIT?
    scenario: active-close
    observe: time-wait-side
    hints:
      - Think about who sent the first FIN.
      - The active closer waits.
    explain: The side that closes first waits.
    points: 2
    ```

    ```text
    this stays prose
    ```

    ## Try it live

    ```lab
    experiment: active-close
    options:
      hold: 2
    fallback: active-close
    ```

    ```sim
    script: |
      open
      close client
      run
      expect client CLOSED
    profile: rfc9293
    explore: 2
    ```

    ```quiz
    id: rate
    ask: With {ports} ports and 60 s of TIME_WAIT, how many connections per second?
    params:
      ports: [10000, 30000, 1000]
    answer: floor(ports / 60)
    tolerance: 1
    explain: Each port is busy for 60 s.
    ```
    """

    @Test func parsesFrontMatterStepsAndBlocks() throws {
        let (lesson, diagnostics) = LessonParser.parse(text: Self.sample, file: "tiny.md", language: "en")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(lesson)
        #expect(parsed.id == "tiny")
        #expect(parsed.minutes == 5)
        #expect(parsed.steps.map(\.title) == ["Who waits?", "Try it live"])
        #expect(parsed.steps[0].location.line == 10)

        let question = try #require(parsed.questions.first)
        #expect(question.id == "tiny/who-waits")
        #expect(question.kind == .predict)
        #expect(question.source == .simulation(.builtIn("active-close"), observable: .timeWaitSide, profile: nil))
        #expect(question.answerKind == .choice(["client", "server", "both", "neither"]))
        #expect(question.hints.count == 2)
        #expect(question.points == 2)
        #expect(question.location.line == 15)

        // The plain ```text block stays in the prose of the first step.
        let texts = parsed.steps[0].blocks.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.contains { $0.contains("this stays prose") })

        guard case .lab(let lab) = parsed.steps[1].blocks[0] else { Issue.record("expected a lab block"); return }
        #expect(lab.experiment == "active-close")
        #expect(lab.options == ["hold": "2"])
        #expect(lab.fallback == .builtIn("active-close"))

        guard case .sim(let sim) = parsed.steps[1].blocks[1] else { Issue.record("expected a sim block"); return }
        #expect(sim.profile == .rfc9293)
        #expect(sim.explore == 2)
        #expect(sim.scriptLine == 41) // the line holding `open`
        guard case .inline(let script) = sim.scenario else { Issue.record("expected an inline script"); return }
        #expect(script.hasPrefix("open\n"))

        let quiz = try #require(parsed.question("rate"))
        #expect(quiz.params == [QuestionParameter(name: "ports", range: 10000...30000, step: 1000)])
        #expect(quiz.answerKind == .number(tolerance: 1))
        #expect(quiz.renderedPrompt(parameters: ["ports": 12000]).contains("12000 ports"))
        let expected = try AnswerOracle.expected(for: quiz, parameters: ["ports": 12000],
                                                 scenarios: ScenarioLibrary(directory: URL(fileURLWithPath: "/nonexistent")))
        #expect(expected == "200")
    }

    /// Replaces one line of the sample (1-based) and returns the diagnostics.
    private func diagnostics(replacing line: Int, with text: String) -> [Diagnostic] {
        var lines = Self.sample.components(separatedBy: "\n")
        lines[line - 1] = text
        return LessonParser.parse(text: lines.joined(separator: "\n"), file: "t.md", language: "en").diagnostics
    }

    @Test("each broken line is reported at its own line", arguments: [
        (17, "scenario: [active-close", 17),        // bad YAML inside a block
        (18, "observe: final router", 15),          // unknown observable: reported at the block
        (18, "obsrve: final client", 18),           // misspelt field, with a suggestion
        (4, "summary: [", 4),                       // bad YAML in the front matter
        (5, "minutes: many", 5),                    // not a number
        (14, "```predcit", 14),                     // unknown directive
        (54, "answer: ports / sixty", 54),          // a name that is not a parameter
        (53, "  ports: [30000, 10000, 1000]", 53),  // lowest above highest
    ])
    func brokenLines(_ line: Int, _ text: String, _ reportedLine: Int) {
        let found = diagnostics(replacing: line, with: text)
        #expect(found.contains { $0.location.line == reportedLine && $0.severity == .error },
                "line \(line) '\(text)': \(found.map(\.description))")
    }

    @Test func misspeltFieldSuggestsTheRightOne() {
        let found = diagnostics(replacing: 18, with: "obsrve: final client")
        #expect(found.contains { $0.message.contains("did you mean 'observe'") })
    }

    @Test func missingFrontMatterAndMissingFields() {
        let (lesson, found) = LessonParser.parse(text: "## Step\n\nText.\n", file: "x.md", language: "en")
        #expect(lesson == nil)
        #expect(found.contains { $0.location.line == 1 && $0.message.contains("front matter") })

        let (_, missing) = LessonParser.parse(text: "---\nid: x\n---\n## Step\n", file: "x.md", language: "en")
        for field in ["title", "summary", "minutes"] {
            #expect(missing.contains { $0.message.contains("'\(field)'") }, "missing \(field)")
        }
    }

    @Test func duplicateQuestionIDsInOneLesson() {
        let text = Self.sample.replacingOccurrences(of: "id: rate", with: "id: who-waits")
        let (_, found) = LessonParser.parse(text: text, file: "t.md", language: "en")
        #expect(found.contains { $0.location.line == 50 && $0.message.contains("already used at line 15") })
    }

    @Test func unclosedFenceIsReported() {
        let (_, found) = LessonParser.parse(text: "---\nid: a\ntitle: A\nsummary: S\nminutes: 5\n---\n## S\n```predict\nid: q\n",
                                            file: "u.md", language: "en")
        #expect(found.contains { $0.location.line == 8 && $0.message.contains("never closed") })
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("---\nid: a\n".utf8)
        bytes += [0x74, 0x69, 0xFF, 0x0A]
        #expect(LessonParser.invalidUTF8Location(Data(bytes), file: "f") == SourceLocation(file: "f", line: 3, column: 3))
    }

    @Test func quizKeysAreCheckedAgainstTheirType() {
        let text = """
        ---
        id: k
        title: K
        summary: S
        minutes: 5
        ---
        ## Q

        ```quiz
        id: state
        ask: Which state?
        type: state
        key: TIME_WAITING
        explain: x
        ```
        """
        let (_, found) = LessonParser.parse(text: text, file: "k.md", language: "en")
        #expect(found.contains { $0.location.line == 10 && $0.message.contains("TIME_WAITING") })
    }
}

@Suite("LessonParser robustness")
struct LessonParserRobustnessTests {
    @Test func everyTruncationAndLineDeletionParsesWithoutTrapping() {
        let sample = LessonParserTests.sample
        let scalars = Array(sample.unicodeScalars)
        for end in stride(from: 0, through: scalars.count, by: 3) {
            let text = String(String.UnicodeScalarView(scalars[0..<end]))
            let (lesson, diagnostics) = LessonParser.parse(text: text, file: "cut.md", language: "en")
            // Either a lesson or at least one reason why not.
            #expect(lesson != nil || !diagnostics.isEmpty, "cut at \(end)")
        }
        let lines = sample.components(separatedBy: "\n")
        for index in lines.indices {
            var copy = lines
            copy.remove(at: index)
            _ = LessonParser.parse(text: copy.joined(separator: "\n"), file: "del.md", language: "en")
        }
    }

    @Test func junkIsRejectedWithALocation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let junk = String((0..<400).map { _ in Character(Unicode.Scalar(UInt8.random(in: 1...127, using: &generator))) })
            let (lesson, diagnostics) = LessonParser.parse(text: junk, file: "junk.md", language: "en")
            #expect(lesson == nil)
            #expect(diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        }
        let (_, nul) = LessonParser.parse(text: "---\nid: a\u{0}\n", file: "nul.md", language: "en")
        #expect(nul.first?.location == SourceLocation(file: "nul.md", line: 2, column: 6))
    }
}

@Suite("LessonParser limits")
struct LessonParserLimitTests {
    @Test func absurdNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 200_000)
        let text = "---\nid: a\ntitle: T\nsummary: S\nminutes: 5\n---\n## S\n```quiz\nid: q\nkey: \(deep)\n```\n"
        let (_, diagnostics) = LessonParser.parse(text: text, file: "deep.md", language: "en")
        #expect(diagnostics.contains { $0.location.line == 10 && $0.message.contains("nested") }, "\(diagnostics)")
    }
}
