import Rendering
import CEditLine
import Foundation
import Lessons
import Tutor

/// Reads lines from a terminal with libedit: arrow keys, emacs or vi bindings, `~/.editrc`,
/// history kept across runs, and tab completion.
///
/// Ctrl-C drops the line being typed (the shell's SIGINT handler makes `el_gets` return early);
/// Ctrl-D on an empty line ends input.
public final class EditLineReader: LineReader {
    /// What tab completion offers: the word being completed and its candidates.
    public typealias Completer = (_ lineBeforeCursor: String) -> (partial: String, candidates: [String])

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: URL?
    private let completer: Completer
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var closed = false

    /// Sets up libedit on standard input and output. Returns nil when libedit cannot start (the
    /// shell then reads plain lines).
    public init?(historyFile: URL?, completer: @escaping Completer) {
        UTF8Locale.ensure()
        guard let history = history_init() else { return nil }
        guard let editLine = el_init("twlab", twlab_stdin(), twlab_stdout(), twlab_stderr()) else {
            history_end(history)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        self.completer = completer

        _ = twlab_history_set_size(history, 1000)
        _ = twlab_history_set_unique(history, 1)
        if let historyFile, FileManager.default.fileExists(atPath: historyFile.path) {
            _ = twlab_history_load(history, historyFile.path)
        }
        _ = twlab_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = twlab_el_set_editor(editLine, "emacs")
        _ = twlab_el_set_history(editLine, history)
        _ = twlab_el_set_prompt_esc(editLine, { editLine in
            guard let editLine, let data = twlab_el_get_clientdata(editLine) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }, 1)
        _ = twlab_el_add_function(editLine, "twlab-complete", "Complete the command or argument", { editLine, _ in
            guard let editLine, let data = twlab_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().completeWord()
        })
        _ = twlab_el_bind(editLine, "^I", "twlab-complete")
        // The user's ~/.editrc can change any of the above; Tab is bound again afterwards because
        // `bind -v` (vi keys) replaces the whole key map.
        _ = twlab_el_source_editrc(editLine)
        _ = twlab_el_bind(editLine, "^I", "twlab-complete")
    }

    deinit {
        close()
        free(promptBuffer)
    }

    /// Shows `prompt` and lets the user edit a line.
    public func read(prompt: String) -> LineInput {
        setPrompt(prompt)
        el_resize(editLine)  // the window may have changed size while a command ran
        InterruptSignal.clear()
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if InterruptSignal.isRaised || (count < 0 && twlab_errno() == EINTR) {
                if InterruptSignal.terminationRequested { return .end }
                InterruptSignal.clear()
                el_reset(editLine)
                StandardOutput.write("\n")
                return .interrupted
            }
            StandardOutput.write("\n")
            return .end
        }
        if InterruptSignal.isRaised {
            // Ctrl-C arrived just as the line was finished: treat it as a cancelled line.
            InterruptSignal.clear()
            return .interrupted
        }
        let length = strlen(raw)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                        count: length)
        let slice = ArraySlice(bytes.last == 10 ? Array(bytes.dropLast()) : Array(bytes))
        return LineRepair.repair(slice, lineNumber: 0, source: "input")
    }

    /// Adds the line to the history (Up recalls it).
    public func remember(_ line: String) {
        _ = twlab_history_enter(history, line)
    }

    /// Saves the history and gives the terminal back. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        saveHistory()
        el_end(editLine)
        history_end(history)
    }

    private func saveHistory() {
        guard let historyFile else { return }
        do {
            try FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            warn("cannot create \(historyFile.deletingLastPathComponent().path) for the history: \(ErrorText.plain(error))")
            return
        }
        // libedit writes in place and follows links; it writes into a private scratch folder instead, and
        // the one safe writer replaces the history file atomically (never through a planted link).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let staged = scratch.appendingPathComponent("history")
        guard (try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false,
                                                        attributes: [.posixPermissions: 0o700])) != nil,
              twlab_history_save(history, staged.path) >= 0,
              let data = FileManager.default.contents(atPath: staged.path) else {
            warn("cannot save the history to \(historyFile.path); check that the folder is writable")
            return
        }
        do {
            try OutputFileWriter.write(data, to: historyFile, permissions: 0o600)
        } catch {
            warn("cannot save the history: \(error)")
        }
    }

    private func warn(_ message: String) {
        StandardError.write("twlab: \(message)\n")
    }

    /// Stores the prompt as a C string, marking ANSI sequences with \1 so libedit does not count
    /// them as visible characters (otherwise the cursor lands in the wrong column).
    private func setPrompt(_ prompt: String) {
        var marked = ""
        var inEscape = false
        for character in prompt {
            if character == "\u{1B}" {
                marked.append("\u{1}")
                inEscape = true
            }
            marked.append(character)
            if inEscape, character != "\u{1B}", character != "[",
               let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value) {
                marked.append("\u{1}")
                inEscape = false
            }
        }
        free(promptBuffer)
        promptBuffer = strdup(marked)
    }

    /// The tab key: completes the word before the cursor, or lists the choices.
    private func completeWord() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let length = max(0, buffer.distance(to: cursor))
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                        count: length)
        let before = String(decoding: bytes, as: UTF8.self)
        let (partial, candidates) = completer(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1, let only = candidates.first {
            insert(String(only.dropFirst(partial.count)).escapedForShell + " ")
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(candidates)
        if common.count > partial.count {
            insert(String(common.dropFirst(partial.count)).escapedForShell)
            return UInt8(CC_REFRESH)
        }
        let columns = TerminalSize.columns()
        let listing = CompletionListing.format(candidates, width: columns)
        StandardOutput.write("\n" + listing)
        return UInt8(CC_REDISPLAY)
    }

    private func insert(_ text: String) {
        guard !text.isEmpty else { return }
        _ = el_insertstr(editLine, text)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[0..<length])
        }
        return String(prefix)
    }
}

extension String {
    /// The text with blanks, quotes and backslashes escaped so the tokenizer reads it back as is.
    var escapedForShell: String {
        var result = ""
        for character in self {
            if character == " " || character == "'" || character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Lays completion candidates out in columns, like a shell does.
enum CompletionListing {
    static func format(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var text = ""
        for (index, candidate) in candidates.enumerated() {
            text += candidate
            let last = index == candidates.count - 1 || (index + 1) % perLine == 0
            text += last ? "\n" : String(repeating: " ", count: cell - DisplayWidth.of(candidate))
        }
        return text
    }
}
