import CEditLine
import Foundation

/// The width of the terminal the shell writes to.
public enum TerminalSize {
    /// The columns of the terminal on `fileDescriptor` (standard output by default); otherwise the
    /// `COLUMNS` environment variable; otherwise 80. Never less than 20.
    public static func columns(fileDescriptor: Int32 = 1,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        let fromTerminal = Int(twlab_terminal_columns(fileDescriptor))
        if fromTerminal > 0 { return max(fromTerminal, 20) }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)),
           columns > 0 {
            return max(min(columns, 1000), 20)
        }
        return 80
    }
}
