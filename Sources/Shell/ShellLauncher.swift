import Rendering
import Foundation

/// How to start the shell: the options of `twlab` / `twlab shell`.
public struct ShellOptions: Sendable {
    /// When to colour output.
    public var color: ColorChoice
    /// A file of commands to run instead of reading the terminal.
    public var scriptPath: String?
    /// The lessons folder.
    public var lessonsDirectory: URL
    /// Where to write an asciicast recording of a script run, if anywhere.
    public var recordPath: String?
    /// How a script run is paced for a room.
    public var pace: ScriptPace = .none
    /// The `--lang` value, if given; otherwise `TWLAB_LANG` or the locale decides (see `UILanguage`).
    public var language: String?

    /// Collects the options; the defaults are those of a plain `twlab`.
    public init(color: ColorChoice = .auto, scriptPath: String? = nil, lessonsDirectory: URL) {
        self.color = color
        self.scriptPath = scriptPath
        self.lessonsDirectory = lessonsDirectory
    }
}

/// Starts the shell the right way for where its input comes from: libedit on a terminal, the plain
/// reader for a pipe or a script file.
public enum ShellLauncher {
    /// Exit status when the script file cannot be read (a usage error).
    public static let usageStatus: Int32 = 2

    /// Runs the shell to the end and returns the process exit status: 0 when all went well, 1 when a
    /// command failed in script mode, 2 when the script cannot be read, 130 when a script was
    /// interrupted.
    public static func run(_ options: ShellOptions,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        UILanguage.current = UILanguage.resolve(flag: options.language, environment: environment)
        let terminalInput = isatty(0) == 1
        let terminalOutput = isatty(1) == 1
        let interactive = options.scriptPath == nil && terminalInput && terminalOutput
        let useColor = options.color == .always
            || (interactive && options.color.usesColor(outputIsTerminal: terminalOutput, environment: environment))
        let recorder: AsciicastRecorder?
        do {
            recorder = try options.recordPath.map {
                try AsciicastRecorder(path: $0, width: TerminalSize.columns(environment: environment),
                                      height: TerminalSize.rows(environment: environment),
                                      title: "twlab " + (options.scriptPath ?? "shell"))
            }
        } catch {
            StandardError.write("twlab: \(ShellSession.describe(error))\n")
            return usageStatus
        }
        let write: (String) -> Void = { text in
            StandardOutput.write(text)
            recorder?.output(text)
        }
        // A recording declares its width in the header, so the session it records renders at that
        // width (wrapped to it) even when standard output is not a terminal and COLUMNS is unset.
        let output = TerminalOutput(useColor: useColor,
                                    width: recorder?.width ?? TerminalSize.columns(environment: environment),
                                    wrapsLines: recorder != nil || TerminalSize.isKnown(environment: environment), sink: write)
        if interactive {
            output.pageHeight = TerminalSize.rows(environment: environment)
            output.nextPage = { MoreKey.next() }
        }
        let context = ShellContext(output: output, lessonsDirectory: options.lessonsDirectory,
                                   interactive: interactive)
        context.interrupted = { InterruptSignal.isRaised }
        let commands = CommandTable.all()
        InterruptSignal.install()

        let reader: LineReader
        if let scriptPath = options.scriptPath {
            do {
                let script = try PlainLineReader(path: scriptPath)
                reader = options.pace == .none && recorder == nil ? script
                    : DemoLineReader(base: script, pace: options.pace, recorder: recorder,
                                     write: { text in
                                         // Typing is for people watching: a transcript in a file stays clean.
                                         if terminalOutput { StandardOutput.write(text) }
                                         recorder?.output(text)
                                     },
                                     interrupted: { InterruptSignal.isRaised })
            } catch {
                StandardError.write("twlab: \(ShellSession.describe(error))\n")
                return usageStatus
            }
        } else if interactive, let editor = EditLineReader(
            historyFile: HistoryLocation.file(environment: environment),
            completer: { CommandCompleter(commands: commands, context: context).complete(lineBeforeCursor: $0) }
        ) {
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        if interactive {
            output.paragraph(output.styled("twlab \(TwlabInfo.version)", .bold) + " " + UIText.text("shell.welcome.tagline"))
            output.paragraph(UIText.text("shell.welcome.keys"))
            output.paragraph(UIText.text("shell.welcome.language"))
            TutorCommands.welcome(context)
        }
        let session = ShellSession(context: context, commands: commands, reader: reader,
                                   scriptMode: !interactive)
        return session.run()
    }
}

/// Writes to standard error with `write(2)`.
enum StandardError {
    static func write(_ text: String) { StandardOutput.write(text, fileDescriptor: 2) }
}
