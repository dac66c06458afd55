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
}
