import Rendering
import Foundation
import Tutor

/// Where shell commands write, and how: colour, width, interactivity.
public final class TerminalOutput {
    /// Whether ANSI colour is used.
    public var useColor: Bool
    /// Columns to wrap text to.
    public var width: Int
    /// Whether `line` wraps: true at a terminal or when `COLUMNS` is set, false when the output goes to
    /// a program, which then gets each message on one line.
    public var wrapsLines: Bool
    private let sink: (String) -> Void
    /// Rows of the screen when tutor output taller than it should page (`--More--`); nil never pages.
    public var pageHeight: Int?
    /// Waits for the key after `--More--`: true to show the next page, false to skip the rest.
    public var nextPage: () -> Bool = { true }

    /// Writes to standard output unless a sink is given (tests capture output this way).
    public init(useColor: Bool = false, width: Int = 80, wrapsLines: Bool = true, sink: ((String) -> Void)? = nil) {
        self.useColor = useColor
        self.width = width
        self.wrapsLines = wrapsLines
        self.sink = sink ?? { text in StandardOutput.write(text) }
    }

    /// Writes text as is.
    public func write(_ text: String) { sink(text) }

    /// Writes text as is, a screenful at a time when it is taller than `pageHeight`: after each page
    /// `--More--` waits for space (next page) or q (skip the rest). `footer` follows in any case.
    public func writePaged(_ text: String, footer: String = "") {
        defer { if !footer.isEmpty { sink(footer) } }
        guard let pageHeight, !text.isEmpty else { return sink(text) }
        let pages = Pager(height: pageHeight).pages(text)
        for (index, page) in pages.enumerated() {
            sink(page.joined(separator: "\n") + "\n")
            guard index + 1 < pages.count else { break }
            sink(Pager.prompt)
            let more = nextPage()
            sink("\r\u{1B}[K")
            if !more { break }
        }
    }
    /// Writes one line, wrapped to `width` when `wrapsLines` (continuation lines indented two columns more).
    public func line(_ text: String = "") {
        guard wrapsLines else { return sink(text + "\n") }
        sink(TextWrapper.wrap(text, width: width, hangingIndent: 2).joined(separator: "\n") + "\n")
    }
    /// Writes text wrapped to `width` columns (Chinese characters count two columns). Lines that
    /// wrap keep their indentation, plus `hangingIndent` columns.
    public func paragraph(_ text: String, hangingIndent: Int = 0) {
        for line in TextWrapper.wrap(text, width: width, hangingIndent: hangingIndent) { sink(line + "\n") }
    }
    /// Text wrapped to `width` columns, as one string with newlines.
    public func wrapped(_ text: String, hangingIndent: Int = 0) -> String {
        TextWrapper.wrap(text, width: width, hangingIndent: hangingIndent).joined(separator: "\n")
    }

    /// ANSI styles, applied only when colour is on.
    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }
    /// Wraps text in the style when colour is on.
    public func styled(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// The state the shell's commands share: output, the lessons folder, the tutor session, and a
/// flag that Ctrl-C raises while a command runs.
public final class ShellContext {
    public let output: TerminalOutput
    /// The folder holding `en/`, `scenarios/` and other lesson material.
    public let lessonsDirectory: URL
    /// True when a person is typing at a terminal.
    public let interactive: Bool
    /// Set by Ctrl-C while a command runs; long actions poll it and stop.
    public var interrupted: () -> Bool
    /// When set, a line that is not a command is offered here first (for example the answer to a
    /// waiting question). Returns nil when the line is not for it.
    public var lineInterceptor: ((String) -> CommandResult?)?
    /// Extra prompt text, for example the current lesson and step.
    public var promptDetail: () -> String?
    /// The tutor's session, once a tutor command (or a resumed lesson) needed it.
    var tutor: TutorArea?
    /// The practice quiz running in this shell, if any.
    var quiz: QuizRun?
    /// The shell's commands, for `help`.
    var commands: [ShellCommand] = []

    public init(output: TerminalOutput, lessonsDirectory: URL, interactive: Bool) {
        self.output = output
        self.lessonsDirectory = lessonsDirectory
        self.interactive = interactive
        self.interrupted = { false }
        self.promptDetail = { nil }
    }
}
