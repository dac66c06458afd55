import Foundation
import Lessons
import Rendering
import SocketLab
import TCPModel

/// How to present: which lesson, in which colours, as the projector or as the speaker's notes,
/// and whether to record.
struct PresenterOptions {
    var lesson: String
    var lessonsDirectory: URL
    var theme: PresenterTheme = .light
    var notes = false
    var recordPath: String?
    /// Whether the reveal runs the step's lab and sets the live kernel beside the simulation
    /// (`--no-live` turns it off; `l` still runs the lab).
    var live = true
}

/// The presenter's full-screen loop: reads keys, plays the animation on a clock, redraws on every
/// change and on resize, tells the notes terminal where it is, and gives the terminal back however
/// it ends.
enum Presenter {
    /// Runs until `q`, Ctrl-C or SIGTERM. Returns the exit status (0, or 2 when it cannot start).
    static func run(_ options: PresenterOptions) -> Int32 {
        var deck: PresenterDeck
        switch PresenterDeck.load(options.lesson, lessonsDirectory: options.lessonsDirectory) {
        case .success(let loaded): deck = loaded
        case .failure(let error):
            StandardError.write("twlab present: \(error.message)\n")
            return 2
        }
        let positionFile = PresenterPosition.file(lesson: deck.lesson.id)
        if options.notes { return NotesFollower.run(deck: &deck, positionFile: positionFile, theme: options.theme) }
        let recorder: AsciicastRecorder?
        do {
            let size = PresenterTerminal.size()
            recorder = try options.recordPath.map {
                try AsciicastRecorder(path: $0, width: size.columns, height: size.rows, title: deck.lesson.title)
            }
        } catch {
            StandardError.write("twlab present: \(ShellSession.describe(error))\n")
            return 2
        }
        InterruptSignal.install()
        guard PresenterTerminal.take() else {
            StandardError.write("twlab present: needs a terminal (standard input and output); run it in a terminal window.\n")
            return 2
        }
        defer { PresenterTerminal.restore() }
        var state = PresenterState(stepCount: deck.slides.count)
        // However the presenter leaves, the notes terminal learns that the presentation has ended.
        defer {
            PresenterPosition(lesson: deck.lesson.id, step: state.step, view: state.view, hintsShown: state.hintsShown,
                              ended: true).save(to: positionFile)
        }
        // The step's labs, one after the other, one run at a time on its own thread; finished runs are
        // kept per step.
        var labs: [Int: PresenterLabSequence] = [:]
        var turnedToLive: Set<ObjectIdentifier> = []
        var pageTurned = false
        var watchLines: [String] = []
        var lastDrawn: [String] = []
        var lastSize = (columns: 0, rows: 0)
        var nextFrame = Date()
        var nextWatch = Date.distantPast
        var lastMarked: (Int, PresenterState.View)?
        // However the presenter leaves, a lab still running stops and closes what it opened first.
        defer { for lab in labs.values { lab.stopAndWait() } }

        func frameCount() -> Int {
            deck.run(state.step).map { SequenceAnimation(result: $0, width: 80).frameCount } ?? 0
        }

        func livePanel() -> PresenterLivePanel? {
            let slide = deck.slides[state.step]
            guard state.view == .reveal || state.view == .lab else { return nil }
            if let run = labs[state.step], !run.runs.isEmpty { return run.panel(theme: options.theme) }
            guard state.view == .reveal else { return nil }
            guard slide.lab != nil else { return PresenterLivePanel(status: .noLab, theme: options.theme) }
            return options.live ? nil : PresenterLivePanel(status: .off, theme: options.theme)
        }

        func startLabs(_ list: [LabBlock]) {
            // One lab at a time: one still running elsewhere stops (and cleans up) first.
            for (step, run) in labs where run.isRunning && step != state.step { run.stopAndWait() }
            labs[state.step] = PresenterLabSequence(step: state.step, labs: list, services: deck.services, scenarios: deck.library)
        }

        func draw(force: Bool = false) {
            let size = PresenterTerminal.size()
            let live = livePanel()
            let width = PresenterScreen.animationWidth(columns: size.columns, live: live)
            let frames = deck.run(state.step).map { SequenceAnimation(result: $0, width: width) }
            func makeScreen() -> PresenterScreen {
                var screen = PresenterScreen(columns: size.columns, rows: size.rows, theme: options.theme,
                                             lessonTitle: deck.lesson.title, slide: deck.slides[state.step], state: state)
                screen.answers = state.view == .reveal ? deck.answers(state.step) : []
                if let frames, state.view == .reveal || state.view == .simulation {
                    screen.frame = frames.frame(state.frame)
                    screen.frameCount = frames.frameCount
                    screen.segmentsShown = frames.segmentsSent(through: state.frame)
                    screen.segmentCount = frames.segmentCount
                }
                screen.live = live
                screen.watchLines = watchLines
                return screen
            }
            var screen = makeScreen()
            // Once the kernel's results are in (every lab of the step has run) and the animation has
            // ended, they come into view (on the page after the simulation when the two do not fit
            // side by side).
            if let run = labs[state.step], !run.isRunning, live?.isResult == true, !turnedToLive.contains(ObjectIdentifier(run)) {
                let animationDone = frames.map { state.frame + 1 >= $0.frameCount } ?? true
                if state.view == .lab, let page = screen.labLivePage(rows: screen.bodyRows) {
                    state.page = page
                    turnedToLive.insert(ObjectIdentifier(run))
                } else if state.view == .reveal, animationDone {
                    if let page = screen.liveRevealPage() { state.page = page }
                    turnedToLive.insert(ObjectIdentifier(run))
                }
                screen = makeScreen()
            }
            var lines = screen.lines()
            if pageTurned {
                pageTurned = false
                // `]` past the last page: stay on it.
                if lines == lastDrawn, state.page > 0 {
                    state.page -= 1
                    screen = makeScreen()
                    lines = screen.lines()
                }
            }
            let resized = size.columns != lastSize.columns || size.rows != lastSize.rows
            guard force || resized || lines != lastDrawn else { return }
            let text = (resized ? "\u{1B}[0m\u{1B}[2J" : "") + PresenterTerminal.frame(lines)
            StandardOutput.write(text)
            if let recorder {
                if lastMarked == nil || lastMarked! != (state.step, state.view) {
                    if state.view == .step || state.view == .reveal {
                        recorder.marker(state.view == .reveal ? "reveal: \(deck.slides[state.step].title)" : "step \(state.step + 1): \(deck.slides[state.step].title)")
                    }
                    lastMarked = (state.step, state.view)
                }
                recorder.output(text)
            }
            lastDrawn = lines
            lastSize = size
            PresenterPosition(lesson: deck.lesson.id, step: state.step, view: state.view, hintsShown: state.hintsShown)
                .save(to: positionFile)
        }

        draw(force: true)
        while true {
            if InterruptSignal.isRaised || InterruptSignal.terminationRequested { break }
            if state.watch, Date() >= nextWatch {
                watchLines = Array(SocketWatch(filter: SocketFilter(states: [.timeWait, .finWait1, .finWait2, .closeWait, .lastAck, .closing]),
                                               intervalSeconds: 1).frame().dropFirst(2))
                nextWatch = Date().addingTimeInterval(1)
            }
            let keys = PresenterKey.decode(PresenterTerminal.readKeys(timeout: 100))
            var quit = false
            for key in keys {
                let slide = deck.slides[state.step]
                let step = state.step
                let effect = state.handle(key, frames: frameCount(), hasLab: !slide.labs.isEmpty,
                                          hintCount: slide.questions.first?.hints.count ?? 0,
                                          questionCount: slide.questions.count)
                switch effect {
                case .quit: quit = true
                case .runLab:
                    // `l` on labs that the reveal is running shows them; otherwise a fresh run of each.
                    if !slide.labs.isEmpty, labs[step]?.isRunning != true { startLabs(slide.labs) }
                case .reveal:
                    // The reveal runs every lab of the step in turn, unless they run or have all run.
                    if !slide.labs.isEmpty, options.live {
                        let run = labs[step]
                        if run == nil || !(run!.isRunning || run!.isComplete) { startLabs(slide.labs) }
                    }
                case .leftStep:
                    // Leaving a step (or its lab's view) stops its lab; it cleans up on its own thread.
                    if let run = labs[step], run.isRunning { run.stop() }
                case .none:
                    if key.command == .pageDown { pageTurned = true }
                }
                if quit { break }
                if state.playing { nextFrame = Date().addingTimeInterval(Double(state.frameMilliseconds) / 1000) }
            }
            if quit { break }
            // The next lab of the step starts once the one before has ended.
            for run in labs.values { run.advance() }
            if state.playing, Date() >= nextFrame {
                _ = state.tick(frames: frameCount())
                nextFrame = Date().addingTimeInterval(Double(state.frameMilliseconds) / 1000)
            }
            draw()
        }
        recorder?.marker("end")
        return 0
    }
}
