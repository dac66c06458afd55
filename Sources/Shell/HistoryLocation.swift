import Foundation

/// Where the shell keeps its command history across runs.
public enum HistoryLocation {
    /// `$XDG_STATE_HOME/twlab/history`, or `~/.local/state/twlab/history` when `XDG_STATE_HOME` is
    /// unset or not an absolute path. Nil when there is no home folder either.
    public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("twlab/history")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/twlab/history")
    }
}
