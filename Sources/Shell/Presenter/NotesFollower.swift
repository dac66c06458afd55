import Foundation

/// `present LESSON --notes`: a full-screen view in a second terminal that follows the presenter
/// through the position file and shows the speaker's notes.
enum NotesFollower {
    /// Runs until `q`, Ctrl-C or SIGTERM; returns the exit status.
    static func run(deck: inout PresenterDeck, positionFile: URL, theme: PresenterTheme) -> Int32 {
        InterruptSignal.install()
        guard PresenterTerminal.take() else {
            StandardError.write("twlab present --notes: needs a terminal; run it in a second terminal window.\n")
            return 2
        }
        defer { PresenterTerminal.restore() }
        var lastDrawn: [String] = []
        var lastSize = (columns: 0, rows: 0)
        while !InterruptSignal.isRaised && !InterruptSignal.terminationRequested {
            let keys = PresenterKey.decode(PresenterTerminal.readKeys(timeout: 200))
            if keys.contains(where: { $0.command == .quit }) { break }
            let position = PresenterPosition.load(from: positionFile)
            let size = PresenterTerminal.size()
            let answers = position.map { deck.slides.indices.contains($0.step) ? deck.answers($0.step) : [] } ?? []
            let screen = NotesScreen(columns: size.columns, rows: size.rows, theme: theme, lessonTitle: deck.lesson.title,
                                     slides: deck.slides, position: position, answers: answers)
            let lines = screen.lines()
            let resized = size.columns != lastSize.columns || size.rows != lastSize.rows
            if resized || lines != lastDrawn {
                StandardOutput.write((resized ? "\u{1B}[0m\u{1B}[2J" : "") + PresenterTerminal.frame(lines))
                lastDrawn = lines
                lastSize = size
            }
        }
        return 0
    }
}
