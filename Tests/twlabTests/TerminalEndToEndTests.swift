import Foundation
import Testing

/// A private tmux server (its own socket) running twlab in a real pseudo-terminal.
struct TmuxTerminal {
    let socket = "twlab-test-\(UUID().uuidString.prefix(8))"
    let home: URL

    static var tmuxPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var available: Bool { tmuxPath != nil }

    /// Runs a tmux client with posix_spawn and waits for it. Foundation's `Process` is not used
    /// here: the tmux server forks off the first client and would inherit the descriptors `Process`
    /// watches, so the test would wait forever. Only descriptors 0–2 are passed on, all to
    /// /dev/null except standard output, which goes to a file when `readOutput` is set.
    @discardableResult
    func tmux(_ arguments: [String], readOutput: Bool = false) throws -> String {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outputFile.path : "/dev/null",
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Self.closeOnExecAboveStandardStreams()

        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let path = Self.tmuxPath ?? "/usr/bin/tmux"
        let argv = [path, "-L", socket, "-f", "/dev/null", "-u"] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = envp.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        // Test threads block most signals and a child inherits that mask: give tmux a clean one, or
        // its server would never see SIGTERM or SIGCHLD.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, &cArguments, &cEnvironment)
        guard spawned == 0 else { throw TmuxError(message: "cannot start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard readOutput else { return "" }
        return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Marks every descriptor above 2 close-on-exec, so tmux (and its server) inherit none of them.
    static func closeOnExecAboveStandardStreams() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Starts `command` (a /bin/sh command line; begin it with `trap '' INT;` so that Ctrl-C reaches
    /// only twlab and not the shell around it) in a 100×30 terminal (or `columns`×`rows`) with a private HOME and XDG_STATE_HOME, in the C locale
    /// (so the shell itself must switch to UTF-8 for Chinese input to come through).
    func start(_ command: String, columns: Int = 100, rows: Int = 30) throws {
        try tmux(["new-session", "-d", "-x", String(columns), "-y", String(rows),
                  "-e", "HOME=\(home.path)", "-e", "XDG_STATE_HOME=\(home.path)/state",
                  "env", "LC_ALL=C", "LANG=C", "TERM=screen", "NO_COLOR=1", "/bin/sh", "-c", command])
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"], readOutput: true) }
    /// The visible screen with lines the terminal wrapped joined again, so a line wider than the
    /// terminal shows up as one long line.
    func joinedScreen() throws -> String { try tmux(["capture-pane", "-p", "-J", "-t", "0"], readOutput: true) }

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

    /// Ends the private server and everything in its pane. `kill-server` alone can leave the server
    /// running, so the server and the pane's process group are also killed by their ids.
    func stop() {
        func number(_ format: String) -> pid_t? {
            (try? tmux(["display-message", "-p", "-t", "0", format], readOutput: true))
                .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let server = number("#{pid}")
        let pane = number("#{pane_pid}")
        _ = try? tmux(["kill-server"])
        if let pane, pane > 1 { kill(-pane, SIGKILL); kill(pane, SIGKILL) }
        if let server, server > 1 { kill(server, SIGKILL) }
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
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
        try terminal.start("trap '' INT; '\(TwlabBinary.url.path)'; echo TWLAB-EXITED-$?; sleep 60")

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

    /// A coloured prompt must not confuse libedit about the cursor column: editing in the middle of
    /// the line (here: three steps left over wide characters, insert, then End) shows the line as typed.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func colouredPromptKeepsTheCursorInPlace() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("'\(TwlabBinary.url.path)' --color always")
        try terminal.waitFor("the first prompt") { $0.last == "twlab>" }
        #expect(try terminal.tmux(["capture-pane", "-p", "-e", "-t", "0"], readOutput: true).contains("\u{1B}["),
                "the prompt is coloured")
        try terminal.type("abc时间")
        try terminal.keys("Left", "Left", "Left")
        try terminal.type("X")
        try terminal.keys("End")
        try terminal.type("Y")
        try terminal.waitFor("the edited line") { $0.last == "twlab> abXc时间Y" }
    }

    /// `~/.editrc` is honoured: with `bind -v` the line editor uses vi keys (Escape, then `x`
    /// deletes the character under the cursor), and Tab still completes.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func editrcSelectsViKeys() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("bind -v\n".utf8).write(to: home.appendingPathComponent(".editrc"))
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("'\(TwlabBinary.url.path)'")
        try terminal.waitFor("the first prompt") { $0.last == "twlab>" }
        try terminal.type("versionZ")
        try terminal.keys("Escape")
        usleep(200_000)
        try terminal.type("x")
        try terminal.waitFor("vi's x to delete the Z") { $0.last == "twlab> version" }
        try terminal.keys("Enter")
        try terminal.waitFor("the version") { $0.contains { $0.hasPrefix("twlab 0") } && $0.last == "twlab>" }
        try terminal.type("hel")
        try terminal.keys("Tab")
        try terminal.waitFor("Tab completion in vi mode") { $0.last == "twlab> help" }
    }

    /// SIGTERM (or a closed terminal's SIGHUP) makes the shell leave cleanly: the history is saved.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func terminationSavesTheHistory() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("exec '\(TwlabBinary.url.path)'")
        try terminal.waitFor("the first prompt") { $0.last == "twlab>" }
        let pidText = try terminal.tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"], readOutput: true)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        try terminal.type("help version")
        try terminal.keys("Enter")
        try terminal.waitFor("help output") { $0.contains("usage: version") && $0.last == "twlab>" }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "twlab left after SIGTERM")
        let history = try String(contentsOf: home.appendingPathComponent("state/twlab/history"), encoding: .utf8)
        #expect(history.contains("help"))
    }

    /// History from an earlier run is there to recall in the next one.
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func historySurvivesARestart() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        let stateDirectory = home.appendingPathComponent("state/twlab")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let first = TmuxTerminal(home: home)
        try first.start("trap '' INT; '\(TwlabBinary.url.path)'; echo TWLAB-EXITED-$?; sleep 60")
        try first.waitFor("the first prompt") { $0.last == "twlab>" }
        try first.type("help version")
        try first.keys("Enter")
        try first.keys("C-d")
        try first.waitFor("twlab to exit on Ctrl-D") { $0.contains("TWLAB-EXITED-0") }
        #expect(FileManager.default.fileExists(atPath: stateDirectory.appendingPathComponent("history").path))
        first.stop()

        let second = TmuxTerminal(home: home)
        defer { second.stop() }
        try second.start("'\(TwlabBinary.url.path)'")
        try second.waitFor("the prompt of the second run") { $0.last == "twlab>" }
        try second.keys("Up")
        try second.waitFor("recall from the saved history") { $0.last == "twlab> help version" }
    }
}
