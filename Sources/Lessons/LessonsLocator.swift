import Foundation

/// Finds the folder of shipped lessons (the one holding `en/` and `scenarios/`).
public enum LessonsLocator {
    /// Looks, in order, at the explicit path, `$TWLAB_LESSONS`, `./Lessons`, and `Lessons/` beside or
    /// above the running executable (so `.build/release/twlab` finds the repository's lessons).
    public static func find(explicit: String? = nil) -> URL? {
        let fm = FileManager.default
        func isLessons(_ url: URL) -> Bool {
            var dir: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &dir) && dir.boolValue
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["TWLAB_LESSONS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Lessons")
        if isLessons(cwd) { return cwd }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Lessons")
            if isLessons(candidate) { return candidate }
            for share in ["share/twlab/Lessons"] where isLessons(dir.appendingPathComponent(share)) {
                return dir.appendingPathComponent(share)
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
