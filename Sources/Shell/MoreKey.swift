import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the one key a `--More--` prompt waits for, with the terminal briefly in single-key mode.
enum MoreKey {
    /// True for space, Enter or any other key that asks for more; false for q, Q or Ctrl-C, and at
    /// end of input.
    static func next(input: Int32 = 0) -> Bool {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return true }
        var mode = saved
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(input, TCSANOW, &mode)
        defer { tcsetattr(input, TCSANOW, &saved) }
        var byte: UInt8 = 0
        guard read(input, &byte, 1) == 1 else { return false }
        return !(byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") || byte == 3)
    }
}
