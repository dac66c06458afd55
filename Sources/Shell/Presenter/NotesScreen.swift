import Rendering

/// The speaker's screen: where the presenter is, the step's notes, the expected answers, and what
/// comes next. Never shown on the projector.
struct NotesScreen {
    var columns: Int
    var rows: Int
    var theme: PresenterTheme
    var lessonTitle: String
    var slides: [PresenterSlide]
    /// The presenter's position, or nil before the presenter has started.
    var position: PresenterPosition?
    /// The expected answers of the current step's questions.
    var answers: [String?]

    /// Exactly `rows` lines of at most `columns` columns.
    func lines() -> [String] {
        let width = max(20, columns - 2)
        func wrap(_ text: String) -> [String] { TextWrapper.wrap(text, width: width, hangingIndent: 2).map { " " + $0 } }
        var out: [String] = []
        let bar = { (text: String) in theme.paint(DisplayFit.pad(DisplayFit.truncate(text, to: columns), to: columns), .heading) }
        guard let position, slides.indices.contains(position.step) else {
            out.append(bar(" " + UIText.text("notes.title", lessonTitle)))
            out.append("")
            out += wrap(UIText.text("notes.waiting"))
            return finish(out)
        }
        let slide = slides[position.step]
        if position.ended == true {
            out.append(bar(" " + UIText.text("notes.title", lessonTitle)))
            out.append(bar(" " + UIText.text("notes.ended")))
            out.append("")
            out += wrap(UIText.text("notes.ended.detail", String(position.step + 1), String(slides.count), slide.title))
            return finish(out)
        }
        out.append(bar(" " + UIText.text("notes.step", String(position.step + 1), String(slides.count), slide.title)))
        out.append(bar(" " + UIText.text("notes.projector", lessonTitle, describe(position.view))))
        out.append("")
        if slide.notes.isEmpty {
            out += wrap(UIText.text("notes.none"))
        } else {
            let text = StepRenderer(width: width, useColor: false).renderMarkdown(slide.notes)
            out += text.split(separator: "\n", omittingEmptySubsequences: false).map { " " + $0 }
            while out.last == " " { out.removeLast() }
        }
        if !slide.questions.isEmpty {
            out.append("")
            for (index, question) in slide.questions.enumerated() {
                out += wrap("? " + question.prompt).map { theme.paint($0, .emphasis) }
                let answer = index < answers.count ? answers[index] : nil
                out += wrap(UIText.text("notes.expected", answer ?? UIText.text("present.no-answer"))).map { theme.paint($0, .answer) }
                if index == 0, position.hintsShown > 0 { out += wrap(UIText.text("notes.hints-shown", String(position.hintsShown), String(question.hints.count))) }
            }
        }
        out.append("")
        if position.step + 1 < slides.count {
            out += wrap(UIText.text("notes.next", String(position.step + 2), slides[position.step + 1].title)).map { theme.paint($0, .emphasis) }
        } else {
            out += wrap(UIText.text("notes.last"))
        }
        return finish(out)
    }

    private func describe(_ view: PresenterState.View) -> String {
        switch view {
        case .step: return UIText.text("notes.view.step")
        case .simulation: return UIText.text("notes.view.simulation")
        case .reveal: return UIText.text("notes.view.reveal")
        case .lab: return UIText.text("notes.view.lab")
        case .help: return UIText.text("notes.view.help")
        }
    }

    private func finish(_ lines: [String]) -> [String] {
        var out = Array(lines.prefix(rows))
        while out.count < rows { out.append("") }
        return out.map { theme.baseSequence + DisplayFit.pad(DisplayFit.truncate($0, to: columns), to: columns) }
    }
}
