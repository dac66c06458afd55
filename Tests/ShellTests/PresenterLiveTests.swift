import Foundation
import Testing
import Rendering
@testable import Shell
import SocketLab
#if canImport(Glibc)
import Glibc
#endif

/// The reveal with the live kernel beside it, drawn from a real run of a lab on this machine's
/// kernel: every page of every size fills the terminal exactly, and the lab's thread stops at once.
@Suite(.serialized) struct PresenterLiveTests {
    static let labUnavailable: String? = geteuid() == 0 ? nil : "skipped: a lab in a private network namespace needs root"

    static func canRun() -> Bool {
        if let labUnavailable { print(labUnavailable) }
        return labUnavailable == nil
    }

    /// Lesson 1's "Roles swap" step (a question answered by the passive-close lab), revealed.
    static func rolesSwap() throws -> (PresenterDeck, PresenterState) {
        let deck = try PresenterTests.deck("1")
        var state = PresenterState(stepCount: deck.slides.count)
        state.step = try #require(deck.slides.firstIndex { $0.title == "Roles swap" })
        state.view = .reveal
        return (deck, state)
    }

    static func screen(_ deck: inout PresenterDeck, _ state: PresenterState, live: PresenterLivePanel, columns: Int, rows: Int) -> PresenterScreen {
        var screen = PresenterScreen(columns: columns, rows: rows, theme: .light, lessonTitle: deck.lesson.title,
                                     slide: deck.slides[state.step], state: state)
        screen.answers = deck.answers(state.step)
        if let result = deck.run(state.step) {
            let animation = SequenceAnimation(result: result, width: PresenterScreen.animationWidth(columns: columns, live: live))
            screen.frame = animation.frame(state.frame)
            screen.frameCount = animation.frameCount
            screen.segmentsShown = animation.segmentsSent(through: state.frame)
            screen.segmentCount = animation.segmentCount
        }
        screen.live = live
        return screen
    }

    @Test func theSlideOfAQuestionMeasuredByALabHasThatLab() throws {
        let (deck, state) = try Self.rolesSwap()
        #expect(deck.slides[state.step].lab?.experiment == "passive-close")
    }

    @Test(.enabled(if: canRun(), "needs root for a private network namespace"))
    func everyPageOfTheLiveRevealFitsEverySize() throws {
        var (deck, state) = try Self.rolesSwap()
        let lab = try #require(deck.slides[state.step].lab)
        let run = PresenterLiveLab(step: state.step, lab: lab, services: deck.services, scenarios: deck.library)
        let deadline = Date().addingTimeInterval(20)
        while run.isRunning && Date() < deadline { usleep(50_000) }
        guard case .finished(let report) = run.phase else {
            Issue.record("the lab did not finish: \(run.phase)")
            return
        }
        #expect(report.kernelTrace != nil && report.agreement != nil, "a kernel trace compared with the simulation")
        let finished = PresenterLivePanel(status: run.status, theme: .light)
        let others: [PresenterLivePanel.Status] = [.noLab, .off, .stopped, .running("passive-close", run.lines),
                                                   .failed("passive-close needs a private network namespace, which this system does not allow")]
        for (columns, rows) in [(80, 24), (60, 18), (132, 40), (200, 50)] {
            for panel in [finished] + others.map({ PresenterLivePanel(status: $0, theme: .light) }) {
                for view in [PresenterState.View.reveal, .lab] {
                    for page in 0..<5 {
                        state.view = view
                        state.page = page
                        state.frame = page == 0 ? 2 : 100
                        let lines = Self.screen(&deck, state, live: panel, columns: columns, rows: rows).lines()
                        #expect(lines.count == rows)
                        for line in lines { #expect(DisplayWidth.of(line) == columns, "\(columns)×\(rows) \(view) page \(page): \(line)") }
                    }
                }
            }
        }
        // At 80×24 the kernel's result is on the page after the simulation, with its verdict first.
        state.view = .reveal
        state.page = 1
        let screen = Self.screen(&deck, state, live: finished, columns: 80, rows: 24)
        #expect(screen.liveRevealPage() == 1)
        let text = screen.lines().joined(separator: "\n")
        #expect(text.contains("Live kernel · passive-close: "), "\(text)")
        #expect(text.contains("kernel (captured on lo)") && text.contains("simulation (linux profile)"), "side by side in 80 columns:\n\(text)")
        // At 200 columns it stands beside the simulation, no page to turn.
        #expect(Self.screen(&deck, state, live: finished, columns: 200, rows: 50).liveRevealPage() == nil)
    }

    @Test(.enabled(if: canRun(), "needs root for a private network namespace"))
    func aStoppedLabEndsWithinTwoHundredMilliseconds() throws {
        let deck = try PresenterTests.deck("7")
        let step = try #require(deck.slides.firstIndex { $0.lab?.experiment == "fin-timeout" })
        let run = PresenterLiveLab(step: step, lab: try #require(deck.slides[step].lab), services: deck.services, scenarios: deck.library)
        // Wait until it is inside its five-second wait.
        let deadline = Date().addingTimeInterval(10)
        while !run.lines.contains(where: { if case .step = $0 { return true } else { return false } }) && Date() < deadline { usleep(20_000) }
        let asked = Date()
        run.stopAndWait()
        let milliseconds = Date().timeIntervalSince(asked) * 1000
        print("fin-timeout lab stopped in \(Int(milliseconds)) ms")
        #expect(milliseconds < 200)
        guard case .stopped = run.phase else { Issue.record("not stopped: \(run.phase)"); return }
    }

    /// Lesson 2's "Both worlds on your kernel": two predictions, each measured by a lab of its own.
    static func bothWorlds() throws -> (PresenterDeck, PresenterState) {
        let deck = try PresenterTests.deck("2")
        var state = PresenterState(stepCount: deck.slides.count)
        state.step = try #require(deck.slides.firstIndex { $0.title == "Both worlds on your kernel" })
        return (deck, state)
    }

    static func plain(_ lines: [String]) -> String { PresenterTests.plain(lines) }

    @Test func aStepWithTwoLabsOffersBothAndNamesThem() throws {
        var (deck, state) = try Self.bothWorlds()
        #expect(deck.slides[state.step].labs.map(\.experiment) == ["lost-final-ack", "no-time-wait-world"])
        for (columns, rows) in [(80, 24), (60, 18)] {
            let lines = PresenterTests.screen(&deck, state, columns: columns, rows: rows)
            let text = Self.plain(lines).replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "  ", with: " ")
            #expect(text.contains("lost-final-ack") && text.contains("no-time-wait-world"), "both labs named at \(columns)×\(rows):\n\(text)")
            for line in lines { #expect(DisplayWidth.of(line) == columns) }
        }
        state.view = .help
        let help = Self.plain(PresenterTests.screen(&deck, state, columns: 80, rows: 24))
        #expect(help.contains("several: each in turn"), "\(help)")
    }

    /// `v` takes a show of hands for each question in turn (an empty Enter goes on to the next), and
    /// the reveal charts each question's votes under its answer.
    @Test func votesForEachQuestionOfAStep() throws {
        var (deck, state) = try Self.bothWorlds()
        func type(_ keys: [PresenterKey]) {
            for key in keys { _ = state.handle(key, frames: 3, hasLab: true, hintCount: 1, questionCount: 2) }
        }
        func line(_ text: String) -> [PresenterKey] { text.map(PresenterKey.character) + [.enter] }
        type([.character("v")])
        #expect(state.input == .vote("", question: 0, of: 2))
        for (columns, rows) in [(80, 24), (60, 18)] {
            let prompt = PresenterTests.screen(&deck, state, columns: columns, rows: rows)
            #expect(Self.plain(prompt).contains("question 1 of 2"), "\(Self.plain(prompt))")
            for line in prompt { #expect(DisplayWidth.of(line) == columns) }
        }
        type(line("ACK 9") + line("RST 2") + [.enter])
        #expect(state.input == .vote("", question: 1, of: 2))
        #expect(Self.plain(PresenterTests.screen(&deck, state, columns: 80, rows: 24)).contains("question 2 of 2 (empty Enter ends)"))
        type(line("RST 7") + line("NOTHING 1") + [.enter])
        #expect(state.input == nil)
        #expect(state.votes[state.step] == [0: [.init(answer: "ACK", count: 9), .init(answer: "RST", count: 2)],
                                            1: [.init(answer: "RST", count: 7), .init(answer: "NOTHING", count: 1)]])
        // The reveal, its animation ended: each question's answer with its own chart.
        type([.character("r")])
        state.playing = false
        state.frame = 1000
        for (columns, rows) in [(80, 24), (132, 60)] {
            let text = Self.plain(PresenterTests.screen(&deck, state, columns: columns, rows: rows))
            #expect(text.contains("Answer: ACK") && text.contains("Answer: RST"), "\(text)")
            #expect(text.contains("✓ ACK") && text.contains("✓ RST") && text.contains("NOTHING"), "both charts, each answer marked:\n\(text)")
            let first = try #require(text.range(of: "✓ ACK")), second = try #require(text.range(of: "✓ RST"))
            let answerTwo = try #require(text.range(of: "Answer: RST"))
            #expect(first.lowerBound < answerTwo.lowerBound && answerTwo.lowerBound < second.lowerBound, "each chart under its own answer")
        }
    }

    /// Runs both labs of "Both worlds on your kernel" to their end, as the presenter's loop does.
    static func runBothWorlds(_ deck: PresenterDeck, step: Int) -> PresenterLabSequence {
        let sequence = PresenterLabSequence(step: step, labs: deck.slides[step].labs, services: deck.services, scenarios: deck.library)
        let deadline = Date().addingTimeInterval(40)
        while sequence.isRunning && Date() < deadline {
            sequence.advance()
            usleep(50_000)
        }
        return sequence
    }

    @Test(.enabled(if: canRun(), "needs root for a private network namespace"))
    func theRevealOfAStepWithTwoLabsShowsEachLabsResult() throws {
        var (deck, state) = try Self.bothWorlds()
        let sequence = Self.runBothWorlds(deck, step: state.step)
        #expect(sequence.isComplete && sequence.runs.count == 2)
        for run in sequence.runs {
            guard case .finished(let report) = run.phase else { Issue.record("\(run.lab.experiment) did not finish: \(run.phase)"); return }
            #expect(report.agreement != nil, "\(run.lab.experiment): the kernel compared with the simulation")
        }
        let panel = sequence.panel(theme: .light)
        let headline = Self.plain([panel.headline(width: 200)])
        #expect(headline.contains("lost-final-ack ") && headline.contains("no-time-wait-world "), "\(headline)")
        // Every page of every size fills the terminal exactly, in the reveal and in the lab view.
        for (columns, rows) in [(80, 24), (60, 18), (132, 40), (200, 50)] {
            for view in [PresenterState.View.reveal, .lab] {
                for page in 0..<8 {
                    state.view = view
                    state.page = page
                    state.frame = 100
                    let lines = Self.screen(&deck, state, live: panel, columns: columns, rows: rows).lines()
                    #expect(lines.count == rows)
                    for line in lines { #expect(DisplayWidth.of(line) == columns, "\(columns)×\(rows) \(view) page \(page): \(line)") }
                }
            }
        }
        // At 80×24 each lab's result is on pages after the simulation, the second's on a page of its own.
        var pages: [[String]] = []
        state.view = .reveal
        for page in 1..<8 {
            state.page = page
            let lines = Self.screen(&deck, state, live: panel, columns: 80, rows: 24).lines()
            let plain = Self.plain(lines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let last = pages.last, last == plain { break }
            pages.append(plain)
        }
        let all = pages.flatMap { $0 }.joined(separator: "\n")
        #expect(all.contains("Live kernel · lost-final-ack: ") && all.contains("Live kernel · no-time-wait-world: "), "\(all)")
        #expect(all.contains("answer_to_retransmitted_fin = ACK") && all.contains("answer_to_retransmitted_fin = RST"), "\(all)")
        #expect(pages.contains { $0.count > 4 && $0[4].contains("Live kernel · no-time-wait-world: ") }, "the second lab starts a page")
        // The lab view has both too.
        state.view = .lab
        var lab = ""
        for page in 0..<8 {
            state.page = page
            lab += Self.plain(Self.screen(&deck, state, live: panel, columns: 80, rows: 24).lines())
        }
        #expect(lab.contains("Live kernel · lost-final-ack: ") && lab.contains("Live kernel · no-time-wait-world: "), "\(lab)")
    }

    @Test(.enabled(if: canRun(), "needs root for a private network namespace"))
    func stoppingDuringTheSecondLabStopsItAndStartsNoOther() throws {
        let (deck, state) = try Self.bothWorlds()
        let sequence = PresenterLabSequence(step: state.step, labs: deck.slides[state.step].labs, services: deck.services, scenarios: deck.library)
        let deadline = Date().addingTimeInterval(20)
        while sequence.runs.count < 2 && sequence.isRunning && Date() < deadline {
            sequence.advance()
            usleep(10_000)
        }
        #expect(sequence.runs.count == 2 && sequence.runs[1].isRunning, "the second lab runs")
        let asked = Date()
        sequence.stopAndWait()
        let milliseconds = Date().timeIntervalSince(asked) * 1000
        print("no-time-wait-world stopped in \(Int(milliseconds)) ms")
        #expect(milliseconds < 200)
        #expect(!sequence.isRunning && sequence.wasStopped && !sequence.isComplete)
        #expect(!sequence.advance(), "nothing starts after a stop")
    }
}
