import Foundation

/// Wraps a script's reader for demonstrations and recordings: before each command it can wait
/// for Enter, type the command out character by character, and drop a marker in the recording.
///
/// The typed line is followed by a carriage return, so the shell's own `twlab> command` echo
/// lands on top of it and a transcript reads the same as without pacing.
final class DemoLineReader: LineReader {
    private let base: LineReader
    private let pace: ScriptPace
    private let write: (String) -> Void
    private let recorder: AsciicastRecorder?
    private let interrupted: () -> Bool

    init(base: LineReader, pace: ScriptPace, recorder: AsciicastRecorder?, write: @escaping (String) -> Void,
         interrupted: @escaping () -> Bool) {
        self.base = base; self.pace = pace; self.recorder = recorder; self.write = write
        self.interrupted = interrupted
    }

    func read(prompt: String) -> LineInput {
        let input = base.read(prompt: prompt)
        guard case .line(let text, _) = input else { return input }
        let line = text.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty, !line.hasPrefix("#") else { return input }
        if pace.waitsForEnter {
            write(ShellSession.promptName + "> ")
            if !EnterKey.wait(interrupted: interrupted) { return .interrupted }
            write("\u{1B}[1A\r\u{1B}[2K")
        }
        recorder?.marker(line)
        if pace.typingSeconds > 0 {
            write(ShellSession.promptName + "> ")
            let characters = Array(line)
            let perCharacter = pace.typingSeconds / Double(max(1, characters.count))
            for character in characters {
                if interrupted() { return .interrupted }
                write(String(character))
                usleep(useconds_t(perCharacter * 1_000_000))
            }
            write("\r")
        }
        return input
    }

    func remember(_ line: String) { base.remember(line) }
    func close() { base.close() }
}
