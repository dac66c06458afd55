import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 §5: every lesson, walked as a learner at an 80×24 terminal, shows no line wider than 80
/// columns and no step taller than the screen unless it pages with `--More--`. The commands typed
/// come from `_tutor script` (the answer oracle), never from this file.
@Suite(.serialized) struct ScreenFitEndToEndTests {
    static let columns = 80, rows = 24

    /// Script mode with `COLUMNS=80`: every output line of every lesson, answered right and wrong,
    /// fits 80 columns (measured with the C library's wcwidth).
    @Test(.enabled(if: TutorEndToEndTests.shippedLessons, "needs lessons in Lessons/en"))
    func noLineIsWiderThanEightyColumns() throws {
        let home = try TutorEndToEndTests.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        for id in try TutorEndToEndTests.lessonIDs(home: home) {
            for wrong in [false, true] {
                let lines = try TutorEndToEndTests.script(id, wrong: wrong, home: home)
                _ = try TutorEndToEndTests.shell(["reset \(id)"], home: home)
                let run = try TwlabBinary.run([], stdin: lines.joined(separator: "\n") + "\n",
                                              environment: ["TWLAB_HOME": home.path, "COLUMNS": "\(Self.columns)"],
                                              timeout: 120)
                let wide = run.stdout.split(separator: "\n").map(String.init).filter { DisplayColumns.of($0) > Self.columns }
                #expect(wide.isEmpty, "\(id)\(wrong ? " (wrong answers)" : ""): lines wider than 80:\n\(wide.joined(separator: "\n"))")
            }
        }
    }

    /// A real 80×24 terminal (tmux): after each command, either its whole output is on the screen
    /// together with the command line that produced it, or it paged with `--More--` (space goes on).
    /// In English and in Chinese, where a wide character takes two of the 80 columns.
    @Test(.enabled(if: TmuxTerminal.available && TutorEndToEndTests.shippedLessons, "needs tmux and lessons in Lessons/en"),
          arguments: ["en", "zh-Hans"])
    func everyStepFitsTheScreenOrPages(language: String) throws {
        let home = try TutorEndToEndTests.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let ids = try TutorEndToEndTests.lessonIDs(home: home)
        var scripts: [[String]] = []
        for id in ids {
            scripts.append(language == "en" ? try TutorEndToEndTests.script(id, wrong: false, home: home)
                                            : try ChineseTutorEndToEndTests.script(id, wrong: false, home: home))
        }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("TWLAB_LANG=\(language) TWLAB_HOME='\(home.path)' '\(TwlabBinary.url.path)'; sleep 60",
                           columns: Self.columns, rows: Self.rows)
        try terminal.waitFor("the first prompt") { $0.last == "twlab>" }
        var paged = 0
        // The prompt names the lesson and step inside a lesson: `twlab 01 four-way-close 2/10>`.
        func isPrompt(_ line: String?) -> Bool { (line ?? "").hasPrefix("twlab") && (line ?? "").hasSuffix(">") }
        for script in scripts {
            for command in script {
                try terminal.type(command)
                try terminal.waitFor("'\(command)' typed") { ($0.last ?? "").hasSuffix("> \(command)") }
                try terminal.keys("Enter")
                var sawMore = false
                while true {
                    let screen = try terminal.waitFor("the output of '\(command)'", seconds: 20) { lines in
                        isPrompt(lines.last) || (lines.last ?? "").hasPrefix("--More--")
                    }
                    let joined = try terminal.joinedScreen().split(separator: "\n").map(String.init)
                    let wide = joined.filter { DisplayColumns.of($0) > Self.columns }
                    #expect(wide.isEmpty, "'\(command)': a line the terminal had to wrap:\n\(wide.joined(separator: "\n"))")
                    if (screen.last ?? "").hasPrefix("--More--") {
                        sawMore = true
                        #expect(screen.count == Self.rows, "a page fills the screen before --More--")
                        try terminal.type(" ")
                        usleep(100_000)
                        continue
                    }
                    if !sawMore {
                        #expect(screen.contains { $0.hasPrefix("twlab") && $0.hasSuffix("> \(command)") },
                                "'\(command)' printed more than one screen without --More--:\n\(screen.joined(separator: "\n"))")
                    }
                    break
                }
                if sawMore { paged += 1 }
                try terminal.keys("C-l")
                try terminal.waitFor("a cleared screen") { $0.count == 1 && isPrompt($0.last) }
            }
        }
        print("80×24 walkthrough (\(language)): \(scripts.joined().count) commands, \(paged) of them paged with --More--")
    }
}
