import Foundation
import Testing
@testable import Lessons
import Rendering
@testable import Shell
import TCPModel

/// The presenter's screens and keys, without a terminal: over every shipped lesson, at the sizes
/// a classroom meets.
@Suite struct PresenterTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons")

    static func deck(_ name: String = "1") throws -> PresenterDeck {
        switch PresenterDeck.load(name, lessonsDirectory: lessons) {
        case .success(let deck): return deck
        case .failure(let error): throw error
        }
    }

    static func screen(_ deck: inout PresenterDeck, _ state: PresenterState, columns: Int, rows: Int,
                       theme: PresenterTheme = .light) -> [String] {
        var screen = PresenterScreen(columns: columns, rows: rows, theme: theme, lessonTitle: deck.lesson.title,
                                     slide: deck.slides[state.step], state: state)
        screen.answers = deck.answers(state.step)
        if let result = deck.run(state.step) {
            let animation = SequenceAnimation(result: result, width: max(60, min(columns >= 80 ? columns - 4 : columns, 110)))
            screen.frame = animation.frame(state.frame)
            screen.frameCount = animation.frameCount
            screen.segmentsShown = animation.segmentsSent(through: state.frame)
            screen.segmentCount = animation.segmentCount
        }
        screen.watchLines = ["0.0.0.0:8080  127.0.0.1:40000  TIME_WAIT  ████████░░ 48 s", "(1 socket)"]
        return screen.lines()
    }

    @Test(arguments: [(80, 24), (60, 18), (132, 40)])
    func everyScreenOfEveryLessonFillsTheTerminalExactly(size: (Int, Int)) throws {
        let (columns, rows) = size
        for file in ["1", "2", "3", "4", "5", "6", "7", "8"] {
            var deck = try Self.deck(file)
            for step in deck.slides.indices {
                for view in [PresenterState.View.step, .reveal, .simulation, .help] {
                    var state = PresenterState(stepCount: deck.slides.count)
                    state.step = step
                    state.view = view
                    state.frame = 3
                    state.hintsShown = 2
                    state.watch = step % 2 == 0
                    state.votes[step] = [0: [.init(answer: "CLOSE_WAIT", count: 12), .init(answer: "FIN_WAIT_2", count: 5)],
                                         1: [.init(answer: "RST", count: 4)]]
                    let lines = Self.screen(&deck, state, columns: columns, rows: rows)
                    #expect(lines.count == rows, "\(file) step \(step + 1) \(view)")
                    for line in lines {
                        #expect(DisplayWidth.of(line) == columns, "\(file) step \(step + 1) \(view) at \(columns): \(line)")
                    }
                }
            }
        }
    }

    @Test func chineseTextCountsTwoColumnsAndStillFits() throws {
        var deck = try Self.deck()
        var slides = deck.slides
        slides[0].prose = [String(repeating: "关闭连接需要四个报文段，主动关闭的一方进入TIME_WAIT状态。", count: 6)]
        slides[0].title = "四次挥手：为什么需要TIME_WAIT状态？" + String(repeating: "长标题", count: 20)
        deck = PresenterDeck(lesson: deck.lesson, slides: slides, library: deck.library, services: deck.services)
        for (columns, rows) in [(80, 24), (60, 18)] {
            for line in Self.screen(&deck, PresenterState(stepCount: slides.count), columns: columns, rows: rows) {
                #expect(DisplayWidth.of(line) == columns)
            }
        }
    }

    @Test func theLightThemeHasNoDimAndNoYellow() throws {
        var deck = try Self.deck()
        var state = PresenterState(stepCount: deck.slides.count)
        state.view = .reveal
        state.hintsShown = 2
        let text = Self.screen(&deck, state, columns: 80, rows: 24).joined(separator: "\n")
        let sgr = try NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        let codes = sgr.matches(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { match in
            Range(match.range(at: 1), in: text).map { text[$0].split(separator: ";").map(String.init) } ?? []
        }
        #expect(!codes.isEmpty)
        for banned in ["2", "33", "93", "43", "103"] { #expect(!codes.contains(banned), "SGR \(banned) on a projector") }
    }

    @Test func aTooSmallTerminalSaysHowBigItMustBe() throws {
        var deck = try Self.deck()
        let lines = Self.screen(&deck, PresenterState(stepCount: deck.slides.count), columns: 40, rows: 10)
        #expect(lines.count == 10)
        let text = lines.joined(separator: " ").replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        #expect(text.contains("at least 60×18") && text.contains("40×10"))
    }

    @Test func revealShowsTheAnswerVotesAndTheAnimation() throws {
        var deck = try Self.deck()
        var state = PresenterState(stepCount: deck.slides.count)
        state.votes[0] = [0: [.init(answer: "FIN_WAIT_2", count: 3), .init(answer: "CLOSE_WAIT", count: 9)]]
        _ = state.handle(.character("r"), frames: 11, hasLab: false, hintCount: 2)
        #expect(state.view == .reveal && state.playing)
        let text = Self.screen(&deck, state, columns: 80, rows: 24).joined(separator: "\n")
        #expect(text.contains("Answer: CLOSE_WAIT"))
        #expect(text.contains("✓ CLOSE_WAIT █"), "the right answer is marked in the chart")
        #expect(text.contains("client SYN_SENT"), "the first frame: the client has sent its SYN")
        #expect(!text.contains("Take a show of hands"), "speaker notes never reach the projector")
    }

    static func plain(_ lines: [String]) -> String {
        lines.joined(separator: "\n").replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// The reveal at 80×24: while the segments play, a cut explanation is marked; once the animation
    /// ends (or is paused) the whole explanation is on the screen, at every size a classroom meets.
    @Test(arguments: [(80, 24), (60, 18), (60, 20), (132, 40)])
    func theRevealNeverCutsTheExplanationUnmarkedAndShowsAllOfItAtTheEnd(size: (Int, Int)) throws {
        let (columns, rows) = size
        var deck = try Self.deck()
        var state = PresenterState(stepCount: deck.slides.count)
        state.votes[0] = [0: [.init(answer: "FIN_WAIT_2", count: 3), .init(answer: "CLOSE_WAIT", count: 9)]]
        let run = deck.run(0)
        let frames = SequenceAnimation(result: try #require(run), width: 80).frameCount
        _ = state.handle(.character("r"), frames: frames, hasLab: false, hintCount: 2)
        let playing = Self.plain(Self.screen(&deck, state, columns: columns, rows: rows))
        let shown = playing.contains("Once it arrives") || playing.contains("FIN_WAIT_1")
        if shown && !playing.contains("is the next question.") {
            #expect(playing.contains(" …") || playing.contains("…\n"), "a cut explanation is marked at \(columns)×\(rows):\n\(playing)")
            #expect(playing.contains("when the animation ends"), "and says where the rest is")
        }
        while state.tick(frames: frames) {}
        #expect(!state.playing && state.frame == frames - 1)
        let ended = Self.screen(&deck, state, columns: columns, rows: rows)
        let text = Self.plain(ended).replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(text.contains("TCP has told its application that the peer is done, and waits for close(). Where the closer waits meanwhile is the next question."),
                "the whole explanation once the animation ends at \(columns)×\(rows):\n\(Self.plain(ended))")
        #expect(text.contains("client FIN_WAIT_2") && text.contains("server CLOSE_WAIT") || text.contains("s shows the simulation"),
                "the diagram keeps what room is left, or says where it is")
        #expect(ended.count == rows && ended.allSatisfy { DisplayWidth.of($0) == columns })
    }

    /// The counter counts the segments that crossed, not the diagram's rows.
    @Test func theAnimationCounterCountsSegments() throws {
        var deck = try Self.deck()
        let run = deck.run(0)
        let result = try #require(run)
        let sends = result.events.filter { if case .send = $0.kind { return true } else { return false } }.count
        let frames = SequenceAnimation(result: result, width: 76).frameCount
        #expect(frames > sends, "a frame is cut at each send and each arrival")
        var state = PresenterState(stepCount: deck.slides.count)
        _ = state.handle(.character("s"), frames: frames, hasLab: false, hintCount: 0)
        state.frame = 0
        #expect(Self.plain(Self.screen(&deck, state, columns: 80, rows: 24)).contains("segment 1/\(sends) · playing"))
        while state.tick(frames: frames) {}
        let last = Self.plain(Self.screen(&deck, state, columns: 80, rows: 24))
        #expect(last.contains("segment \(sends)/\(sends) · end"), "\(last)")
        #expect(!last.contains("/\(frames) ·"))
    }

    /// After the projector leaves, the notes terminal says the presentation ended instead of showing
    /// the last step as if it were still on.
    @Test func theNotesScreenSaysWhenThePresentationHasEnded() throws {
        var deck = try Self.deck()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-position-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var position = PresenterPosition(lesson: deck.lesson.id, step: 1, view: .reveal, hintsShown: 0)
        position.ended = true
        position.save(to: url)
        let loaded = try #require(PresenterPosition.load(from: url))
        let lines = NotesScreen(columns: 80, rows: 24, theme: .mono, lessonTitle: deck.lesson.title, slides: deck.slides,
                                position: loaded, answers: deck.answers(1)).lines()
        let text = Self.plain(lines)
        #expect(text.contains("The presentation has ended"))
        #expect(!text.contains("the projector shows"), "no stale step")
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) == 80 })
        // A file written before `ended` existed still reads as a running presentation.
        try Data(#"{"lesson":"x","step":0,"view":"step","hintsShown":0}"#.utf8).write(to: url)
        #expect(PresenterPosition.load(from: url)?.ended == nil)
    }

    @Test func theStateMachineViewMarksBothEndpointsCurrentStates() throws {
        var deck = try Self.deck()
        var state = PresenterState(stepCount: deck.slides.count)
        _ = state.handle(.character("r"), frames: 11, hasLab: false, hintCount: 0)
        _ = state.handle(.character("d"), frames: 11, hasLab: false, hintCount: 0)
        state.frame = 10
        for (columns, rows) in [(80, 24), (60, 18)] {
            let text = Self.screen(&deck, state, columns: columns, rows: rows).joined(separator: "\n")
            #expect(text.contains("Answer: CLOSE_WAIT"))
            if columns >= 80 {
                #expect(text.contains("║ CLOSE_WAIT ║") && text.contains("║ FIN_WAIT_2 ║"), "both boxes in view at \(columns)×\(rows)")
            } else {
                #expect(text.contains("[FIN_WAIT_2]") || text.contains("[CLOSE_WAIT]"), "the list marks the states")
            }
        }
    }

    @Test func keysMoveRevealAnimateAndStopAtTheEnds() {
        var state = PresenterState(stepCount: 3)
        #expect(state.handle(.character("n"), frames: 5, hasLab: false, hintCount: 0) == .leftStep)
        #expect(state.step == 1)
        _ = state.handle(.back, frames: 5, hasLab: false, hintCount: 0)
        _ = state.handle(.back, frames: 5, hasLab: false, hintCount: 0)
        #expect(state.step == 0)
        _ = state.handle(.character("s"), frames: 3, hasLab: false, hintCount: 0)
        #expect(state.view == .simulation && state.playing)
        #expect(state.tick(frames: 3) && state.frame == 1)
        _ = state.tick(frames: 3)
        _ = state.tick(frames: 3)
        #expect(state.frame == 2 && !state.playing, "stops on the last frame")
        for _ in 0..<10 { _ = state.handle(.character("+"), frames: 3, hasLab: false, hintCount: 0) }
        #expect(state.frameMilliseconds == PresenterState.paces.last)
        _ = state.handle(.character("h"), frames: 3, hasLab: false, hintCount: 1)
        _ = state.handle(.character("h"), frames: 3, hasLab: false, hintCount: 1)
        #expect(state.hintsShown == 1 && state.message == "No more hints.")
        #expect(state.handle(.character("l"), frames: 3, hasLab: false, hintCount: 1) == .none)
        #expect(state.handle(.character("l"), frames: 3, hasLab: true, hintCount: 1) == .runLab)
        for key in [PresenterKey.character("g"), .character("3"), .enter] { _ = state.handle(key, frames: 3, hasLab: false, hintCount: 0) }
        #expect(state.step == 2 && state.view == .step)
        for key in [PresenterKey.character("v")] + "TIME_WAIT 7".map(PresenterKey.character) + [.enter, .enter] {
            _ = state.handle(key, frames: 3, hasLab: false, hintCount: 0)
        }
        #expect(state.votes[2] == [0: [.init(answer: "TIME_WAIT", count: 7)]] && state.input == nil)
        #expect(state.handle(.character("q"), frames: 3, hasLab: false, hintCount: 0) == .quit)
    }

    @Test func terminalKeySequencesDecode() {
        #expect(PresenterKey.decode(Array("\u{1B}[C\u{1B}[D \r".utf8)) == [.next, .back, .character(" "), .enter])
        #expect(PresenterKey.decode(Array("\u{1B}[5~q".utf8)).last == .character("q"))
        #expect(PresenterKey.decode([0x1B]) == [.escape])
    }

    @Test func theNotesScreenFollowsThePositionAndShowsWhatComesNext() throws {
        var deck = try Self.deck()
        let position = PresenterPosition(lesson: deck.lesson.id, step: 0, view: .step, hintsShown: 1)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-position-\(UUID().uuidString).json")
        position.save(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = PresenterPosition.load(from: url)
        #expect(loaded == position)
        let lines = NotesScreen(columns: 80, rows: 24, theme: .mono, lessonTitle: deck.lesson.title, slides: deck.slides,
                                position: loaded, answers: deck.answers(0)).lines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Take a show of hands"))
        #expect(text.contains("Expected: CLOSE_WAIT"))
        #expect(text.contains("Next: step 2, Where the client waits meanwhile"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 80 })
    }

    @Test func asciicastLinesAreJSONWithEveryControlCharacterEscaped() throws {
        let header = AsciicastFormat.header(width: 80, height: 24, title: "Four \"way\" close", timestamp: 1)
        let object = try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 2 && object?["width"] as? Int == 80 && object?["title"] as? String == "Four \"way\" close")
        let event = AsciicastFormat.output(at: 1.5, "\u{1B}[1mhi\u{1B}[0m\r\n\u{7}")
        let array = try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [Any]
        #expect(array?[1] as? String == "o" && array?[2] as? String == "\u{1B}[1mhi\u{1B}[0m\r\n\u{7}")
        #expect(AsciicastFormat.marker(at: 2, "step 1").hasPrefix("[2.000000, \"m\", \"step 1\"]"))
        #expect(AsciicastRecorder.terminalNewlines("a\nb\r\nc") == "a\r\nb\r\nc")
    }

    @Test func paceDurationsParse() {
        #expect(ScriptPace.seconds(parsing: "1s") == 1)
        #expect(ScriptPace.seconds(parsing: "500ms") == 0.5)
        #expect(ScriptPace.seconds(parsing: "0.25") == 0.25)
        #expect(ScriptPace.seconds(parsing: "fast") == nil)
        #expect(ScriptPace.seconds(parsing: "2h") == nil)
    }

    @Test func voteChartBarsScaleToTheLargestCountAndFit() {
        let lines = VoteChart(votes: [("CLOSE_WAIT", 10), ("FIN_WAIT_2", 5), ("关闭", 0)], expected: "close_wait", width: 60).lines()
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("✓ CLOSE_WAIT"))
        let bars = lines.map { $0.filter { $0 == "█" }.count }
        #expect(bars[0] == 2 * bars[1] && bars[2] == 0)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    }
}
