import Foundation
import Testing

/// A private tmux server (its own socket) running twlab in a real pseudo-terminal.
private struct TmuxTerminal {
    let socket = "twlab-test-\(UUID().uuidString.prefix(8))"
    let home: URL

    static var tmuxPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var available: Bool { tmuxPath != nil }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tmuxPath ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-f", "/dev/null", "-u"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts twlab in a 100×30 terminal with a private HOME and XDG_STATE_HOME, in the C locale
    /// (so the shell itself must switch to UTF-8 for Chinese input to come through).
    func start(_ command: String) throws {
        try tmux(["new-session", "-d", "-x", "100", "-y", "30",
                  "-e", "HOME=\(home.path)", "-e", "XDG_STATE_HOME=\(home.path)/state",
                  "env", "LC_ALL=C", "LANG=C", "TERM=screen", "NO_COLOR=1", "/bin/sh", "-c", command])
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }

    /// The visible lines, trailing blanks removed, without the empty ones below the cursor.
    func lines() throws -> [String] {
        var lines = try screen().split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Waits up to `seconds` for the screen to satisfy `condition`.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try lines()
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last.joined(separator: "\n"))")
        return last
    }

    func stop() { _ = try? tmux(["kill-server"]) }
}

@Suite(.serialized) struct TerminalEndToEndTests {
    /// Drives the real libedit path like a person at a terminal: history recall with the up arrow,
    /// Tab completion, Ctrl-C at the prompt and during a command, Chinese input in the C locale, and
    /// the history file written on quit.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func lineEditingInARealTerminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("'\(TwlabBinary.url.path)'; echo TWLAB-EXITED-$?; sleep 30")

        try terminal.waitFor("the first prompt") { $0.last == "twlab>" }

        // A command runs.
        try terminal.type("version")
        try terminal.keys("Enter")
        try terminal.waitFor("version output") { $0.contains { $0.hasPrefix("twlab 0") } && $0.last == "twlab>" }

        // Tab completes a command name: "hel" becomes "help ".
        try terminal.type("hel")
        try terminal.keys("Tab")
        try terminal.waitFor("completion of 'hel'") { $0.last == "twlab> help" }
        try terminal.type("quit")
        try terminal.keys("Enter")
        try terminal.waitFor("help quit output") { $0.contains("usage: quit") && $0.last == "twlab>" }

        // The up arrow recalls the last line.
        try terminal.keys("Up")
        try terminal.waitFor("history recall") { $0.last == "twlab> help quit" }
        try terminal.keys("C-u")
        try terminal.waitFor("an empty line again") { $0.last == "twlab>" }

        // Ctrl-C drops the typed line and prompts again; the line is not run.
        try terminal.type("abandoned words")
        try terminal.waitFor("the typed line") { $0.last == "twlab> abandoned words" }
        try terminal.keys("C-c")
        try terminal.waitFor("a fresh prompt after Ctrl-C") { $0.last == "twlab>" }

        // Ctrl-C stops a running command and returns to the prompt.
        let started = Date()
        try terminal.type("sleep 20")
        try terminal.keys("Enter")
        try terminal.waitFor("sleep to start") { $0.last == "twlab> sleep 20" }
        usleep(300_000)
        try terminal.keys("C-c")
        try terminal.waitFor("the prompt after interrupting sleep") { $0.last == "twlab>" }
        #expect(Date().timeIntervalSince(started) < 15)

        // Chinese input comes through whole even though the locale is C.
        try terminal.type("时间等待")
        try terminal.keys("Enter")
        let afterChinese = try terminal.waitFor("the reply to Chinese input") { lines in
            lines.contains { $0.contains("unknown command '时间等待'") } && lines.last == "twlab>"
        }
        #expect(afterChinese.contains("twlab> 时间等待"))
        #expect(!afterChinese.contains { $0.contains("unknown command 'abandoned") }, "Ctrl-C dropped the line")

        // The shell is still alive and leaves cleanly, saving the history.
        try terminal.type("quit")
        try terminal.keys("Enter")
        try terminal.waitFor("twlab to exit") { $0.contains("TWLAB-EXITED-0") }
        let historyFile = home.appendingPathComponent("state/twlab/history")
        let history = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(history.contains("version"))
        #expect(history.contains("quit"))
        let attributes = try FileManager.default.attributesOfItem(atPath: historyFile.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// History from an earlier run is there to recall in the next one.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func historySurvivesARestart() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        let stateDirectory = home.appendingPathComponent("state/twlab")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let first = TmuxTerminal(home: home)
        try first.start("'\(TwlabBinary.url.path)'; echo TWLAB-EXITED-$?; sleep 30")
        try first.waitFor("the first prompt") { $0.last == "twlab>" }
        try first.type("help version")
        try first.keys("Enter")
        try first.keys("C-d")
        try first.waitFor("twlab to exit on Ctrl-D") { $0.contains("TWLAB-EXITED-0") }
        first.stop()

        let second = TmuxTerminal(home: home)
        defer { second.stop() }
        try second.start("'\(TwlabBinary.url.path)'")
        try second.waitFor("the prompt of the second run") { $0.last == "twlab>" }
        try second.keys("Up")
        try second.waitFor("recall from the saved history") { $0.last == "twlab> help version" }
    }
}
