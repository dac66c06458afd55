import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal twlab writes to, for every command that prints.
public enum TerminalSize {
    /// The narrowest and widest widths any renderer is asked to fit.
    public static let limits = 20...1000

    /// The columns of the terminal on `fileDescriptor` (standard output by default); otherwise the
    /// `COLUMNS` environment variable; otherwise 80. Always within `limits`.
    public static func columns(fileDescriptor: Int32 = 1,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isatty(fileDescriptor) == 1, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return clamp(Int(size.ws_col))
        }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return clamp(columns)
        }
        return 80
    }

    /// True when the width is known: `fileDescriptor` is a terminal, or `COLUMNS` is set. Text for people
    /// is wrapped only then; output piped to a program keeps one message per line.
    public static func isKnown(fileDescriptor: Int32 = 1,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(fileDescriptor) == 1 || Int(environment["COLUMNS"]?.trimmingCharacters(in: .whitespaces) ?? "").map { $0 > 0 } == true
    }

    /// A requested width (for example `--width`) brought within `limits`.
    public static func clamp(_ columns: Int) -> Int {
        min(max(columns, limits.lowerBound), limits.upperBound)
    }
}
