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
        var labLines: [Int: [String]] = [:]
        var watchLines: [String] = []
        var lastDrawn: [String] = []
        var lastSize = (columns: 0, rows: 0)
        var nextFrame = Date()
        var nextWatch = Date.distantPast
        var lastMarked: (Int, PresenterState.View)?

        func draw(force: Bool = false) {
            let size = PresenterTerminal.size()
            let frames = deck.run(state.step).map { SequenceAnimation(result: $0, width: max(60, min(size.columns >= 80 ? size.columns - 4 : size.columns, 110))) }
            var screen = PresenterScreen(columns: size.columns, rows: size.rows, theme: options.theme,
                                         lessonTitle: deck.lesson.title, slide: deck.slides[state.step], state: state)
            screen.answers = state.view == .reveal ? deck.answers(state.step) : []
            if let frames, state.view == .reveal || state.view == .simulation {
                screen.frame = frames.frame(state.frame)
                screen.frameCount = frames.frameCount
                screen.segmentsShown = frames.segmentsSent(through: state.frame)
                screen.segmentCount = frames.segmentCount
            }
            screen.labLines = labLines[state.step] ?? []
            screen.watchLines = watchLines
            let lines = screen.lines()
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
                let frames = deck.run(state.step).map { SequenceAnimation(result: $0, width: 80).frameCount } ?? 0
                let slide = deck.slides[state.step]
                let effect = state.handle(key, frames: frames, hasLab: slide.lab != nil, hintCount: slide.questions.first?.hints.count ?? 0)
                if effect == .quit { quit = true; break }
                if effect == .runLab, let lab = slide.lab {
                    labLines[state.step] = ["Running \(lab.experiment) on this machine's loopback…"]
                    draw()
                    labLines[state.step] = runLab(lab, deck: deck, width: PresenterTerminal.size().columns - 4)
                }
                if state.playing { nextFrame = Date().addingTimeInterval(Double(state.frameMilliseconds) / 1000) }
            }
            if quit { break }
            if state.playing, Date() >= nextFrame {
                let frames = deck.run(state.step).map { SequenceAnimation(result: $0, width: 80).frameCount } ?? 0
                _ = state.tick(frames: frames)
                nextFrame = Date().addingTimeInterval(Double(state.frameMilliseconds) / 1000)
            }
            draw()
        }
        recorder?.marker("end")
        return 0
    }

    /// Runs a live experiment and returns its narration as lines of `width` columns; when it cannot
    /// run here, says why.
    private static func runLab(_ lab: LabBlock, deck: PresenterDeck, width: Int) -> [String] {
        let text = LabNarrationText(width: max(40, width))
        var lines: [String] = []
        do {
            _ = try deck.services.runExperiment(lab.experiment, lab.options, { line in lines += text.lines(for: line) },
                                                { InterruptSignal.isRaised })
        } catch {
            lines.append("The experiment could not run here: \(ShellSession.describe(error))")
            if let fallback = lab.fallback { lines.append("Its simulation instead: s plays \(fallback.label).") }
        }
        return lines
    }
}
