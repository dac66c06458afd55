import Foundation
import Testing

extension TmuxTerminal {
    /// Starts `command` in a terminal of the given size, in a UTF-8 locale, with extra variables.
    func start(_ command: String, columns: Int, rows: Int, environment: [String: String] = [:]) throws {
        let variables = environment.flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try tmux(["new-session", "-d", "-x", String(columns), "-y", String(rows),
                  "-e", "HOME=\(home.path)", "-e", "XDG_STATE_HOME=\(home.path)/state"] + variables
                 + ["env", "LANG=C.UTF-8", "TERM=screen", "/bin/sh", "-c", command])
    }

    /// A tmux format value of the pane, for example `#{alternate_on}`.
    func paneValue(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format], readOutput: true).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `twlab present` in a real 80×24 pseudo-terminal: moving, revealing, animating, the notes
/// terminal following, and the terminal given back after q and after Ctrl-C.
@Suite(.serialized) struct PresenterEndToEndTests {
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func command(_ arguments: String) -> String {
        let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path
        return "trap '' INT; '\(TwlabBinary.url.path)' present \(arguments) --lessons '\(lessons)'; echo PRESENT-EXITED-$?; stty -a; echo STTY-SHOWN; sleep 60"
    }

    /// The terminal is as a shell needs it: the normal screen, the cursor shown, echo and line editing on.
    static func expectRestored(_ terminal: TmuxTerminal, _ exited: [String]) throws {
        let lines = try terminal.waitFor("stty's report") { $0.contains("STTY-SHOWN") }
        #expect(try terminal.paneValue("#{alternate_on}") == "0", "left the alternate screen")
        #expect(try terminal.paneValue("#{cursor_flag}") == "1", "the cursor is visible")
        let settings = lines.joined(separator: " ").split(separator: " ").map(String.init)
        #expect(settings.contains("echo") && settings.contains("icanon"), "echo and canonical input are back on")
        #expect(!lines.contains { $0.contains("step 1 of") }, "nothing of the presentation is left on the screen")
    }

    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func presentingMovesRevealsAnimatesAndTheNotesFollow() throws {
        let home = try Self.folder("present"), runtime = try Self.folder("runtime")
        defer { try? FileManager.default.removeItem(at: home); try? FileManager.default.removeItem(at: runtime) }
        let projector = TmuxTerminal(home: home), notes = TmuxTerminal(home: home)
        defer { projector.stop(); notes.stop() }
        try projector.start(Self.command("1"), columns: 80, rows: 24, environment: ["XDG_RUNTIME_DIR": runtime.path])
        let first = try projector.waitFor("the first step") { $0.contains { $0.contains("The four-way close · step 1 of ") } }
        #expect(first.contains { $0.contains("Hanging up takes two halves") })
        #expect(!first.contains { $0.contains("Take a show of hands") }, "notes stay off the projector")

        try notes.start(Self.command("four-way-close --notes"), columns: 80, rows: 24, environment: ["XDG_RUNTIME_DIR": runtime.path])
        try notes.waitFor("the notes of step 1") { lines in
            lines.contains { $0.contains("NOTES · step 1 of ") } && lines.contains { $0.contains("Take a show of hands") }
                && lines.contains { $0.contains("Expected: CLOSE_WAIT") }
        }

        try projector.keys("Space")
        try projector.waitFor("step 2") { $0.contains { $0.contains("step 2 of ") } }
        try notes.waitFor("the notes following to step 2") { lines in
            lines.contains { $0.contains("NOTES · step 2 of ") } && lines.contains { $0.contains("Point at the two state columns") }
        }
        try projector.keys("Left")
        try projector.waitFor("back at step 1") { $0.contains { $0.contains("step 1 of ") } }

        // Votes, then the reveal: the answer, the chart, and the simulation playing segment by segment.
        try projector.type("v")
        try projector.type("CLOSE_WAIT 12")
        try projector.keys("Enter")
        try projector.type("FIN_WAIT_2 4")
        try projector.keys("Enter", "Enter")
        try projector.type("+++r")
        let revealed = try projector.waitFor("the answer and the first segments") { lines in
            lines.contains { $0.contains("Answer: CLOSE_WAIT") } && lines.contains { $0.contains("segment 2/") }
        }
        #expect(revealed.contains { $0.contains("✓ CLOSE_WAIT") && $0.contains("█") && $0.contains("12 (75%)") })
        try notes.waitFor("the notes saying the answer is shown") { $0.contains { $0.contains("the projector shows: the answer") } }
        let finished = try projector.waitFor("the animation to reach its end", seconds: 15) { lines in
            lines.contains { $0.contains("segment ") && $0.contains(" · end · ") }
        }
        #expect(finished.contains { $0.contains("client FIN_WAIT_2") && $0.contains("server CLOSE_WAIT") },
                "the state columns end where the question stops")
        for line in finished { #expect(line.count <= 80) }
        let explanation = finished.joined(separator: " ").replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(explanation.contains("TCP has told its application that the peer is done, and waits for close()"),
                "the whole explanation once the animation ends:\n\(finished.joined(separator: "\n"))")

        try projector.type("q")
        let after = try projector.waitFor("the presenter to leave") { $0.contains("PRESENT-EXITED-0") }
        try Self.expectRestored(projector, after)
        try notes.waitFor("the notes saying the presentation ended") { lines in
            lines.contains { $0.contains("The presentation has ended") } && !lines.contains { $0.contains("NOTES · step") }
        }
        try notes.type("q")
        let notesAfter = try notes.waitFor("the notes to leave") { $0.contains("PRESENT-EXITED-0") }
        try Self.expectRestored(notes, notesAfter)
    }

    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func ctrlCGivesTheTerminalBack() throws {
        let home = try Self.folder("present-int")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(Self.command("2"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of") } }
        try terminal.type("s")
        try terminal.waitFor("the simulation playing") { $0.contains { $0.contains("segment 1/") } }
        try terminal.keys("C-c")
        let after = try terminal.waitFor("the presenter to leave on Ctrl-C") { $0.contains { $0.hasPrefix("PRESENT-EXITED-") } }
        try Self.expectRestored(terminal, after)
    }

    /// A crash (here a SIGSEGV sent from outside) still leaves the alternate screen and puts the
    /// terminal settings back before the process dies.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func aCrashStillGivesTheTerminalBack() throws {
        let home = try Self.folder("present-crash")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(Self.command("1"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of") } }
        #expect(try terminal.paneValue("#{alternate_on}") == "1", "presenting on the alternate screen")
        let shell = try terminal.paneValue("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let twlab = children.split(separator: " ").compactMap({ pid_t($0) }).first else {
            Issue.record("no twlab process under the pane's shell \(shell)")
            return
        }
        kill(twlab, SIGSEGV)
        let after = try terminal.waitFor("the shell to report the crash") { $0.contains("PRESENT-EXITED-139") }
        try Self.expectRestored(terminal, after)
    }

    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func aSmallTerminalIsToldHowBigItMustBe() throws {
        let home = try Self.folder("present-small")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(Self.command("1"), columns: 50, rows: 12)
        try terminal.waitFor("the size message") { $0.joined(separator: " ").contains("at least 60×18") }
        try terminal.tmux(["resize-window", "-t", "0", "-x", "80", "-y", "24"])
        try terminal.waitFor("the step after resizing") { $0.contains { $0.contains("step 1 of ") } }
        try terminal.type("q")
        let after = try terminal.waitFor("the presenter to leave") { $0.contains("PRESENT-EXITED-0") }
        try Self.expectRestored(terminal, after)
    }
}
