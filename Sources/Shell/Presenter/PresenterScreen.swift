import Lessons
import Rendering
import TCPModel

/// Draws one presenter screen as exactly `rows` lines of at most `columns` columns: a large
/// heading bar, the body for the current view, an optional live watch pane, and a footer with
/// the keys. Pure: the same inputs give the same screen.
struct PresenterScreen {
    /// The smallest terminal the presenter draws in.
    static let minimumColumns = 60
    static let minimumRows = 18

    var columns: Int
    var rows: Int
    var theme: PresenterTheme
    var lessonTitle: String
    var slide: PresenterSlide
    var state: PresenterState
    /// The expected answer of each of the slide's questions (nil when it cannot be computed).
    var answers: [String?] = []
    /// The current animation frame, when the slide has a simulation.
    var frame: (lines: [String], client: TCPState, server: TCPState)?
    var frameCount = 0
    /// Segments sent by the current frame, and in the whole run: the counter counts segments, not
    /// the diagram's rows (a frame is also cut when a segment arrives).
    var segmentsShown = 0
    var segmentCount = 0
    var watchLines: [String] = []
    /// The live kernel of the step's lab, for the reveal and the lab view (nil: not shown).
    var live: PresenterLivePanel?
    /// Columns the body is drawn in instead of the screen's (the simulation's column beside the kernel).
    var widthOverride: Int?
    /// Box drawing, or ASCII for a terminal whose locale is not UTF-8.
    var charset: TextCharset = .unicode

    /// Columns the body text is wrapped to.
    var contentWidth: Int { widthOverride ?? (columns >= 80 ? min(columns - 4, 110) : columns) }
    private var margin: String { String(repeating: " ", count: columns >= 80 ? 2 : 0) }

    /// The rows between the heading and the footer.
    var bodyRows: Int { rows - heading().count - (rows >= 30 ? 2 : 1) - footerLines().count }

    /// The screen's lines, each starting with the theme's base colours.
    func lines() -> [String] {
        guard columns >= Self.minimumColumns, rows >= Self.minimumRows else { return tooSmall() }
        var out = heading()
        if rows >= 30 { out.append("") }
        out.append("")
        let footer = footerLines()
        let bodyRows = self.bodyRows
        var body = self.body(rows: bodyRows)
        if state.watch {
            let pane = watchPane(rows: max(4, bodyRows / 2))
            body = Array(body.prefix(max(0, bodyRows - pane.count))) + pane
        }
        body = Array(body.prefix(bodyRows))
        while body.count < bodyRows { body.append("") }
        out += body.map { margin + $0 } + footer
        return out.map { line in
            theme.baseSequence + DisplayFit.pad(DisplayFit.truncate(line, to: columns), to: columns)
        }
    }

    private func tooSmall() -> [String] {
        let text = TextWrapper.wrap("twlab present needs a terminal of at least \(Self.minimumColumns)×\(Self.minimumRows); this one is \(columns)×\(rows). Enlarge the window or use a smaller font. q leaves.", width: max(10, columns))
        var out = Array(repeating: "", count: max(0, (rows - text.count) / 2)) + text
        out = Array(out.prefix(rows))
        while out.count < rows { out.append("") }
        return out.map { theme.baseSequence + DisplayFit.truncate($0, to: columns) }
    }

    private func heading() -> [String] {
        let bar = { (text: String) in theme.paint(DisplayFit.pad(DisplayFit.truncate(text, to: columns), to: columns), .heading) }
        let title = "  " + slide.title
        let place = "  " + UIText.text("present.place", lessonTitle, String(state.step + 1), String(state.stepCount))
        return [bar(""), bar(title), bar(place)]
    }

    private func footerLines() -> [String] {
        let text: String
        switch state.input {
        case .goTo(let typed)?: text = theme.paint(UIText.text("present.go-to", String(state.stepCount)), .emphasis) + typed + "▏"
        case .vote(let typed, let question, let questions)?:
            let key = question + 1 < questions ? "present.votes.question" : "present.votes.last"
            let prompt = questions > 1 ? UIText.text(key, String(question + 1), String(questions)) : UIText.text("present.votes")
            text = theme.paint(prompt, .emphasis) + typed + "▏"
        case nil:
            if let message = state.message {
                text = theme.paint(message, .problem)
            } else {
                let full = UIText.text("present.footer.full")
                let short = UIText.text("present.footer.short")
                text = DisplayWidth.of(full) <= contentWidth ? full : short
            }
        }
        return ["", margin + text]
    }

    func wrap(_ text: String, indent: Int = 0) -> [String] {
        TextWrapper.wrap(text, width: contentWidth, hangingIndent: indent)
    }

    private func body(rows: Int) -> [String] {
        switch state.view {
        case .step: return stepBody(rows: rows)
        case .reveal: return live.map { liveRevealBody(rows: rows, live: $0) } ?? revealBody(rows: rows)
        case .simulation: return animation(rows: rows)
        case .lab: return labBody(rows: rows)
        case .help: return helpBody()
        }
    }

    private func questionLines() -> [String] {
        var out: [String] = []
        for question in slide.questions {
            out += wrap("? " + question.prompt, indent: 2).map { theme.paint($0, .emphasis) }
            if case .choice(let choices) = question.answerKind {
                out += wrap("  " + choices.joined(separator: " · "), indent: 2)
            }
        }
        if let first = slide.questions.first {
            for (number, hint) in first.hints.prefix(state.hintsShown).enumerated() {
                out += wrap(UIText.text("present.hint", String(number + 1), hint), indent: 2).map { theme.paint($0, .hint) }
            }
        }
        if slide.labs.count > 1 {
            out += wrap(UIText.text("present.labs", slide.labs.map(\.experiment).joined(separator: ", ")), indent: 2)
        } else if let lab = slide.lab {
            out += wrap(UIText.text("present.lab", lab.experiment), indent: 2)
        }
        return out
    }

    private func stepBody(rows: Int) -> [String] {
        let renderer = StepRenderer(width: contentWidth, useColor: false)
        var prose: [String] = []
        for text in slide.prose {
            prose += renderer.renderMarkdown(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        while prose.last == "" { prose.removeLast() }
        let questions = questionLines()
        let room = max(0, rows - questions.count - (questions.isEmpty ? 0 : 1))
        if prose.count > room {
            prose = Array(prose.prefix(max(0, room - 1))) + ["…"]
        }
        return prose + (questions.isEmpty ? [] : [""] + questions)
    }

    /// Whether the reveal's animation has stopped (played to its end or paused with `p`), or there is
    /// none: the explanation then gets the room it needs and the diagram what is left (`s` shows the
    /// diagram alone).
    private var animationEnded: Bool { frame == nil || !state.playing || state.frame + 1 >= frameCount }

    func revealBody(rows: Int) -> [String] {
        guard frame != nil else { return Self.cut(revealText(rows: rows, prompts: true, votes: true), to: rows, width: contentWidth) }
        if animationEnded && !state.stateMachine {
            // The explanation has the room: the questions (already on the step's screen), then the
            // class's votes give way before any of it does; the diagram shows what is left, or gives
            // way to one line (`s` shows it alone).
            var out = revealText(rows: rows, prompts: true, votes: true)
            if out.count > rows - 1 { out = revealText(rows: rows, prompts: false, votes: true) }
            if out.count > rows - 1 { out = revealText(rows: rows, prompts: true, votes: false) }
            if out.count > rows - 1 { out = revealText(rows: rows, prompts: false, votes: false) }
            let left = rows - out.count - 1
            if left < 4 {
                return Self.cut(out, to: rows - 1, width: contentWidth) + [theme.paint("s shows the simulation's diagram", .quiet)]
            }
            return out + [""] + animation(rows: left)
        }
        var out = revealText(rows: rows, prompts: true, votes: true)
        if !out.isEmpty { out.append("") }
        return out + animation(rows: max(3, rows - out.count))
    }

    /// The reveal's text: each question (or only its answer), the show of hands, and the explanation,
    /// whole when the animation has stopped and at most three lines (the cut marked) while it plays.
    private func revealText(rows: Int, prompts: Bool, votes showVotes: Bool) -> [String] {
        var out: [String] = []
        var explanationWaits = false
        for (index, question) in slide.questions.enumerated() {
            let answer = index < answers.count ? answers[index] : nil
            if state.stateMachine {
                // The picture needs the room: the answer alone stays above it.
                out.append(theme.paint(UIText.text("present.answer", answer ?? UIText.text("present.no-answer")), .answer))
                continue
            }
            if prompts { out += wrap("? " + question.prompt, indent: 2).map { theme.paint($0, .emphasis) } }
            out.append(theme.paint(UIText.text("present.answer", answer ?? UIText.text("present.no-answer")), .answer))
            if showVotes, let votes = state.votes[state.step]?[index], !votes.isEmpty {
                out += VoteChart(votes: votes.map { ($0.answer, $0.count) }, expected: answer, width: contentWidth).lines()
            }
            guard !question.explain.isEmpty else { continue }
            let explain = wrap(question.explain)
            if animationEnded {
                out += explain
            } else {
                // While the segments play, the explanation gives way to them.
                let room = min(3, rows - out.count - 9)
                if room >= explain.count {
                    out += explain
                } else {
                    if room > 0 { out += Self.cut(explain, to: room, width: contentWidth) }
                    explanationWaits = true
                }
            }
        }
        if explanationWaits {
            out += wrap(UIText.text("present.explanation-waits")).map { theme.paint($0, .quiet) }
        }
        return out
    }

    /// The first `count` lines, the last of them ending in " …" when something was left out.
    static func cut(_ lines: [String], to count: Int, width: Int) -> [String] {
        guard lines.count > count else { return lines }
        guard count > 0 else { return [] }
        var kept = Array(lines.prefix(count))
        let last = kept[count - 1]
        kept[count - 1] = DisplayWidth.of(last) <= width - 2 ? last + " …" : DisplayFit.truncate(last, to: max(1, width - 2))
        return kept
    }

    private func animation(rows: Int) -> [String] {
        guard let frame else { return [UIText.text("present.no-simulation")] }
        let states = theme.paint("client \(frame.client.name)", .emphasis) + "     "
            + theme.paint("server \(frame.server.name)", .emphasis)
        let status = UIText.text(state.frame + 1 >= frameCount ? "present.end" : (state.playing ? "present.playing" : "present.paused"))
        let control = "   " + UIText.text("present.control", String(segmentsShown), String(segmentCount), status)
        let header = DisplayWidth.of(states + control) <= contentWidth ? [states + control] : [states, control]
        let room = max(1, rows - header.count)
        if state.stateMachine {
            let picture = StateDiagramText(highlighted: [frame.client, frame.server], width: contentWidth, charset: charset)
            return header + picture.window(rows: room)
        }
        return header + Array(frame.lines.suffix(room))
    }

    private func helpBody() -> [String] {
        let keys = [
            ("space, →, Enter", "next"), ("←", "back"), ("r", "reveal"), ("h", "hint"),
            ("s", "simulate"), ("+ / - / p", "speed"), ("d", "diagram"), ("l", "lab"), ("w", "watch"),
            ("[ ], PgUp PgDn", "pages"), ("v", "vote"), ("g", "go-to"), ("?", "help"), ("q, Ctrl-C", "quit"),
        ]
        return [theme.paint(UIText.text("present.keys"), .emphasis), ""] + keys.flatMap { key, id in
            TextWrapper.wrap(DisplayFit.pad(key, to: 16) + UIText.text("present.key." + id), width: contentWidth, hangingIndent: 16)
        }
    }

    private func watchPane(rows: Int) -> [String] {
        let rule = theme.paint("── sockets now (w hides) " + String(repeating: "─", count: max(0, contentWidth - 25)), .quiet)
        return [rule] + Array(watchLines.prefix(rows - 1))
    }
}
