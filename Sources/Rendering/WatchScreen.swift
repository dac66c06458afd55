import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The terminal while `sockets --watch` runs: the alternate screen and a hidden cursor on a terminal,
/// single-key input so `q` ends the watch, and everything put back when it ends.
public final class WatchScreen {
    private let input: Int32
    private let output: Int32
    private var savedMode: termios?
    private var active = false
    /// True when standard output is a terminal (then frames redraw in place).
    public let isTerminal: Bool

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
        self.isTerminal = isatty(output) == 1
    }

    deinit { leave() }

    /// Switches to the alternate screen and single-key input.
    public func enter() {
        guard !active else { return }
        active = true
        if isTerminal { write("\u{1B}[?1049h\u{1B}[?25l") }
        if isatty(input) == 1 {
            var mode = termios()
            if tcgetattr(input, &mode) == 0 {
                savedMode = mode
                mode.c_lflag &= ~tcflag_t(ICANON | ECHO)  // ISIG stays: Ctrl-C still raises SIGINT.
                tcsetattr(input, TCSANOW, &mode)
            }
        }
    }

    /// Draws one frame: in place on a terminal, appended otherwise.
    public func draw(_ lines: [String]) {
        let body = lines.joined(separator: "\n") + "\n"
        write(isTerminal ? "\u{1B}[H\u{1B}[2J" + body : body + "\n")
    }

    /// Waits up to `seconds` for `q`; returns true when the user asked to quit or `shouldStop` turned true.
    public func waitForQuit(seconds: Double, shouldStop: () -> Bool) -> Bool {
        var remaining = Int(seconds * 1000)
        while remaining > 0 {
            if shouldStop() { return true }
            let slice = min(remaining, 100)
            if savedMode != nil {
                var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, Int32(slice)) > 0 {
                    var byte: UInt8 = 0
                    if read(input, &byte, 1) == 1 && (byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q")) {
                        return true
                    }
                }
            } else {
                usleep(useconds_t(slice * 1000))
            }
            remaining -= slice
        }
        return shouldStop()
    }

    /// Restores the terminal exactly as it was.
    public func leave() {
        guard active else { return }
        active = false
        if var mode = savedMode { tcsetattr(input, TCSANOW, &mode) }
        savedMode = nil
        if isTerminal { write("\u{1B}[?25h\u{1B}[?1049l") }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.write(output, base + offset, raw.count - offset)
            }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
