import Foundation

/// Waiting for the presenter to press Enter on the terminal.
enum EnterKey {
    /// Reads standard input up to a line feed when it is a terminal and returns true; returns true
    /// at once when it is not (a piped or unattended run never waits), and false when Ctrl-C
    /// interrupted the wait or the input ended.
    static func wait(interrupted: () -> Bool) -> Bool {
        guard isatty(0) == 1 else { return true }
        var byte: UInt8 = 0
        while true {
            let count = Foundation.read(0, &byte, 1)
            if count == 1 {
                if byte == 10 || byte == 13 { return true }
                continue
            }
            if count < 0 && errno == EINTR {
                if interrupted() { return false }
                continue
            }
            return false
        }
    }
}
