import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TerminalSize {
    /// The rows of the terminal on `fileDescriptor` (standard output by default); otherwise the
    /// `LINES` environment variable; otherwise 24.
    public static func rows(fileDescriptor: Int32 = 1,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isatty(fileDescriptor) == 1, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return min(1000, Int(size.ws_row))
        }
        if let text = environment["LINES"], let rows = Int(text.trimmingCharacters(in: .whitespaces)), rows > 0 {
            return min(1000, rows)
        }
        return 24
    }
}
