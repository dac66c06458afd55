/// What a line reader got when asked for the next line.
public enum LineInput: Equatable, Sendable {
    /// A line of input without its line ending. `notes` says what was repaired while reading it, for
    /// example invalid UTF-8 that was replaced; the shell prints them and goes on.
    case line(String, notes: [String])
    /// A line that could not be used at all (for example one far too long). The message says why.
    case rejected(String)
    /// Ctrl-C while the line was being typed: drop it and prompt again.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a script).
    case end
}

/// Where the shell gets its lines: a line editor on a terminal, or plain bytes from a pipe or file.
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` first when the reader is interactive. The prompt may
    /// contain ANSI colour sequences.
    func read(prompt: String) -> LineInput
    /// Remembers a line the user entered, for history recall.
    func remember(_ line: String)
    /// Ends reading: saves history and gives the terminal back.
    func close()
}

extension LineReader {
    public func remember(_ line: String) {}
    public func close() {}
}
