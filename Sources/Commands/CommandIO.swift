import Foundation
import Rendering
import SocketLab

/// Where a running command writes and what it may ask of the place it runs in: the command line (standard
/// output and error, the terminal's width, Ctrl-C through `StopSignal`) or the shell (its transcript, its
/// width and colour, its own Ctrl-C flag, a y/N question).
///
/// Every command reads `CommandIO.current`, so the same `ParsableCommand` serves `twlab sim …` and
/// `sim …` typed at the shell prompt. The shell binds its own with `CommandIO.$current.withValue(_:)`.
public final class CommandIO: @unchecked Sendable {
    /// Writes text to the command's standard output.
    public let write: (String) -> Void
    /// Writes text to the command's error stream.
    public let writeError: (String) -> Void
    /// Columns every renderer fits.
    public let width: Int
    /// Whether text for people is wrapped to `width` (at a terminal, or when `COLUMNS` is set).
    public let wrapsText: Bool
    /// Whether ANSI colour may be used.
    public let useColor: Bool
    /// True when a person at a terminal can answer a question.
    public let interactive: Bool
    /// True for a shell running a script: a command must not wait for a key there.
    public let scripted: Bool
    /// The shell's lessons folder; nil on the command line, where commands locate it themselves.
    public let lessonsDirectory: URL?
    private let stopCheck: () -> Bool
    private let prepareStop: () -> Void
    private let ask: (String) -> Bool

    /// Makes an environment from its parts.
    public init(write: @escaping (String) -> Void, writeError: @escaping (String) -> Void, width: Int, wrapsText: Bool = true,
                useColor: Bool,
                interactive: Bool, scripted: Bool = false, lessonsDirectory: URL?, shouldStop: @escaping () -> Bool,
                prepareStop: @escaping () -> Void = {}, confirm: @escaping (String) -> Bool = { _ in true }) {
        self.write = write
        self.writeError = writeError
        self.width = TerminalSize.clamp(width)
        self.wrapsText = wrapsText
        self.useColor = useColor
        self.interactive = interactive
        self.scripted = scripted
        self.lessonsDirectory = lessonsDirectory
        self.stopCheck = shouldStop
        self.prepareStop = prepareStop
        self.ask = confirm
    }

    /// The command line's environment: standard output and error, the terminal's width, colour on a
    /// terminal unless `NO_COLOR` is set, questions on a terminal, and Ctrl-C through `StopSignal`.
    public static func commandLine() -> CommandIO {
        CommandIO(
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            width: TerminalSize.columns(), wrapsText: TerminalSize.isKnown(),
            useColor: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
            interactive: isatty(0) == 1 && isatty(1) == 1, lessonsDirectory: nil,
            shouldStop: { StopSignal.raised }, prepareStop: { StopSignal.install() },
            confirm: { question in
                FileHandle.standardOutput.write(Data((question + " [y/N] ").utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                return answer == "y" || answer == "yes"
            })
    }

    /// The environment of the command that is running.
    @TaskLocal public static var current = CommandIO.commandLine()

    /// Writes one line to standard output.
    public func line(_ text: String = "") { write(text + "\n") }

    /// Writes one line to the error stream, wrapped to `width`.
    public func errorLine(_ text: String) { writeError(fitted(text) + "\n") }

    /// Writes prose or a message to standard output, each line wrapped to `width` (continuation lines
    /// indented two columns more). Machine-readable output (JSON, XML, CSV) goes through `write` as is.
    public func text(_ text: String) {
        let ends = text.hasSuffix("\n")
        write(fitted(ends ? String(text.dropLast()) : text) + (ends ? "\n" : ""))
    }

    /// Every line of `text` wrapped to `width` when `wrapsText`.
    public func fitted(_ text: String) -> String {
        guard wrapsText else { return text }
        return TextWrapper.wrap(text, width: width, hangingIndent: 2).joined(separator: "\n")
    }

    /// Readies Ctrl-C for a long command and returns the check it polls: true once the user asked to stop.
    public func interruption() -> () -> Bool {
        prepareStop()
        return stopCheck
    }

    /// Asks a y/N question when a person can answer; true when they agree or nobody can be asked.
    public func confirm(_ question: String) -> Bool { interactive ? ask(question) : true }
}

/// Within the Commands module `print` writes to the running command's standard output as is, so a
/// command prints the same way on the command line and in the shell. Text meant for people that may be
/// wider than the terminal goes through `printText` instead.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    CommandIO.current.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// Writes text for people to the running command's standard output, wrapped to its width.
func printText(_ text: String, terminator: String = "\n") {
    CommandIO.current.text(text + terminator)
}

/// Writes one line to the running command's error stream, wrapped to its width.
func printError(_ text: String) {
    CommandIO.current.errorLine(text)
}
