import Foundation

/// `~` at the start of a path typed in the shell, read as a login shell reads it: `$HOME`, not the
/// home folder of the account in the password database (they differ under `sudo -E`, in containers
/// and in tests that point `HOME` elsewhere).
enum TildePath {
    /// `~` and `~/rest` become `$HOME` and `$HOME/rest`; `~user/rest` is that user's home; other paths
    /// are returned as they are.
    static func expand(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~") else { return path }
        if path == "~" || path.hasPrefix("~/") {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            return home + path.dropFirst()
        }
        return (path as NSString).expandingTildeInPath
    }
}
