import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The reveal with the live kernel in a real 80×24 pseudo-terminal, on the real kernel: the step's
/// lab runs in a private namespace while the simulation plays, then its socket table, its segments
/// beside the simulated ones and the verdict come on the page after the simulation; `q` and Ctrl-C
/// during a lab stop it at once and give the terminal back.
@Suite(.serialized) struct PresenterLiveEndToEndTests {
    /// Why the labs cannot run here, or nil (the presenter runs them in a private network namespace,
    /// which these tests get as root).
    static let labUnavailable: String? = geteuid() == 0 ? nil
        : "skipped: the presenter's live-kernel tests need root for a private network namespace"

    static func canRun() -> Bool {
        guard TmuxTerminal.available else { print("skipped: tmux is not installed"); return false }
        return LiveLabEndToEndTests.reportSkip(labUnavailable)
    }

    /// Every process the pane's shell still has besides the `sleep` that keeps the pane open.
    static func leftovers(_ terminal: TmuxTerminal) throws -> [String] {
        let shell = try terminal.paneValue("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid in
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            return name == "sleep" ? nil : "\(pid) \(name)"
        }
    }

    /// Goes to step `number` with `g`.
    static func go(_ terminal: TmuxTerminal, to number: Int) throws {
        try terminal.type("g\(number)")
        try terminal.keys("Enter")
        try terminal.waitFor("step \(number)") { $0.contains { $0.contains("step \(number) of ") } }
    }

    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func revealSetsTheKernelsTableSegmentsAndVerdictAfterTheSimulation() throws {
        let home = try PresenterEndToEndTests.folder("present-live")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(PresenterEndToEndTests.command("1"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of ") } }
        // Lesson 1, step 8 "Roles swap": a question answered by the passive-close lab.
        try Self.go(terminal, to: 8)
        try terminal.type("+++++r")
        try terminal.waitFor("the answer and the animation") { lines in
            lines.contains { $0.contains("Answer: server") } && lines.contains { $0.contains("segment ") }
        }
        // Once the animation has ended and the lab has finished, the kernel's page comes up by itself.
        let kernel = try terminal.waitFor("the kernel's page", seconds: 30) { lines in
            lines.contains { $0.contains("Live kernel · passive-close") } && lines.contains { $0.hasPrefix("  page 2 of ") }
        }
        let text = kernel.joined(separator: "\n")
        #expect(kernel.contains { $0.contains("kernel and simulation agree") || $0.contains("kernel and simulation differ") },
                "the verdict under the title:\n\(text)")
        #expect(kernel.contains { $0.contains("The kernel's sockets at the end") }, "\(text)")
        #expect(kernel.contains { $0.contains("STATE") && $0.contains("LOCAL") && $0.contains("LEFT") }, "the socket table:\n\(text)")
        #expect(kernel.contains { $0.contains("TIME_WAIT") }, "the server's TIME_WAIT in the kernel's table:\n\(text)")
        for line in kernel { #expect(line.count <= 80, "fits 80 columns: \(line)") }
        #expect(kernel.count <= 24)

        // The rest of the kernel's pages: its segments, then the simulation's, every line fitting.
        var pages = [kernel]
        while let last = pages.last, let pageLine = last.last(where: { $0.hasPrefix("  page ") }),
              let match = pageLine.firstMatch(of: /page (\d+) of (\d+)/), Int(match.1)! < Int(match.2)!, pages.count < 8 {
            try terminal.type("]")
            let next = Int(match.1)! + 1
            pages.append(try terminal.waitFor("page \(next)") { $0.contains { $0.hasPrefix("  page \(next) of ") } })
        }
        let all = pages.flatMap { $0 }
        for line in all { #expect(line.count <= 80, "fits 80 columns: \(line)") }
        #expect(all.contains { $0.contains("kernel (captured on lo)") }, "the kernel's segments:\n\(all.joined(separator: "\n"))")
        #expect(all.contains { $0.contains("simulation (linux profile)") }, "the simulated segments:\n\(all.joined(separator: "\n"))")
        #expect(all.contains { $0.contains("FIN") && ($0.contains("▶") || $0.contains("◀")) }, "a FIN crossing")

        // Back to the first page: the simulation, with the verdict in one line under it.
        for _ in pages { try terminal.type("[") }
        let first = try terminal.waitFor("the simulation's page") { lines in
            lines.contains { $0.contains("Answer: server") } && lines.contains { $0.contains("Live kernel: ") && $0.contains("] shows it") }
        }
        #expect(first.contains { $0.contains("→ TIME_WAIT") }, "the simulation took the server to TIME_WAIT")
        for line in first { #expect(line.count <= 80) }

        let asked = Date()
        try terminal.type("q")
        let after = try terminal.waitFor("the presenter to leave") { $0.contains("PRESENT-EXITED-0") }
        print("q to exit after the reveal: \(Int(Date().timeIntervalSince(asked) * 1000)) ms (tmux polled every 50 ms)")
        try PresenterEndToEndTests.expectRestored(terminal, after)
    }

    /// Ctrl-C while the reveal's lab runs (lesson 7's fin-timeout lab runs for about six seconds) stops
    /// the lab, leaves no process behind and gives the terminal back.
    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func ctrlCDuringTheRevealsLabStopsItAndGivesTheTerminalBack() throws {
        let home = try PresenterEndToEndTests.folder("present-live-int")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(PresenterEndToEndTests.command("7"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of ") } }
        try Self.go(terminal, to: 3)
        try terminal.type("r")
        let running = try terminal.waitFor("the lab running beside the reveal") { lines in
            lines.contains { $0.contains("Live kernel: running fin-timeout") }
        }
        for line in running { #expect(line.count <= 80) }
        let asked = Date()
        try terminal.keys("C-c")
        let after = try terminal.waitFor("the presenter to leave on Ctrl-C") { $0.contains { $0.hasPrefix("PRESENT-EXITED-") } }
        let milliseconds = Int(Date().timeIntervalSince(asked) * 1000)
        print("Ctrl-C to exit during the lab: \(milliseconds) ms (tmux polled every 50 ms)")
        #expect(milliseconds < 500, "the lab stopped at once (within 200 ms; the rest is the shell and tmux), not after its six seconds")
        try PresenterEndToEndTests.expectRestored(terminal, after)
        #expect(try Self.leftovers(terminal).isEmpty, "no process of the lab is left")
    }

    /// `q` while the lab that `l` started runs: the same.
    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func qDuringTheLabStopsItAndGivesTheTerminalBack() throws {
        let home = try PresenterEndToEndTests.folder("present-live-q")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(PresenterEndToEndTests.command("7"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of ") } }
        try Self.go(terminal, to: 3)
        try terminal.type("l")
        let running = try terminal.waitFor("the lab's narration") { lines in
            lines.contains { $0.contains("tcp_fin_timeout") } && lines.contains { $0.contains("Live kernel: running fin-timeout") }
        }
        for line in running { #expect(line.count <= 80) }
        let asked = Date()
        try terminal.type("q")
        let after = try terminal.waitFor("the presenter to leave on q") { $0.contains("PRESENT-EXITED-0") }
        let milliseconds = Int(Date().timeIntervalSince(asked) * 1000)
        print("q to exit during the lab: \(milliseconds) ms (tmux polled every 50 ms)")
        #expect(milliseconds < 500, "the lab stopped at once (within 200 ms; the rest is the shell and tmux), not after its six seconds")
        try PresenterEndToEndTests.expectRestored(terminal, after)
        #expect(try Self.leftovers(terminal).isEmpty, "no process of the lab is left")
    }

    /// Lesson 2, step 5 "Both worlds on your kernel": two predictions, each measured by its own lab.
    /// The step names both labs; the reveal runs both in turn and shows each lab's verdict, table and
    /// segments on pages of their own.
    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func revealOfAStepWithTwoLabsShowsBothLabsVerdicts() throws {
        let home = try PresenterEndToEndTests.folder("present-live-two")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(PresenterEndToEndTests.command("2"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of ") } }
        try Self.go(terminal, to: 5)
        let step = try terminal.waitFor("both labs named") { lines in
            lines.contains { $0.contains("Live experiments: lost-final-ack, no-time-wait-world") }
        }
        for line in step { #expect(line.count <= 80) }
        try terminal.type("+++++r")
        // Once both labs have run and the animation has ended, the first lab's page comes up by itself.
        let first = try terminal.waitFor("the first lab's page", seconds: 40) { lines in
            lines.contains { $0.contains("Live kernel · lost-final-ack") } && lines.contains { $0.hasPrefix("  page 2 of ") }
        }
        var pages = [first]
        while let last = pages.last, let pageLine = last.last(where: { $0.hasPrefix("  page ") }),
              let match = pageLine.firstMatch(of: /page (\d+) of (\d+)/), Int(match.1)! < Int(match.2)!, pages.count < 10 {
            try terminal.type("]")
            let next = Int(match.1)! + 1
            pages.append(try terminal.waitFor("page \(next)") { $0.contains { $0.hasPrefix("  page \(next) of ") } })
        }
        let all = pages.flatMap { $0 }
        let text = all.joined(separator: "\n")
        for line in all { #expect(line.count <= 80, "fits 80 columns: \(line)") }
        for lab in ["lost-final-ack", "no-time-wait-world"] {
            #expect(all.contains { $0.contains("Live kernel · \(lab): ") && ($0.contains("kernel and simulation agree") || $0.contains("differ")) },
                    "\(lab)'s verdict under its title:\n\(text)")
        }
        #expect(text.contains("answer_to_retransmitted_fin = ACK"), "the kernel re-acknowledged in the first lab:\n\(text)")
        #expect(text.contains("answer_to_retransmitted_fin = RST"), "the kernel reset in the second lab:\n\(text)")
        #expect(all.contains { $0.contains("TIME_WAIT") && $0.contains("192.0.2.1") }, "the first lab's TIME_WAIT in the table")
        // Back on the simulation's page, the last line names both labs with their marks.
        for _ in pages { try terminal.type("[") }
        let simulation = try terminal.waitFor("the simulation's page") { lines in
            lines.contains { $0.contains("Answer: RST") } && lines.contains { $0.contains("lost-final-ack ") && $0.contains("no-time-wait-world ") }
        }
        for line in simulation { #expect(line.count <= 80) }
        try terminal.type("q")
        let after = try terminal.waitFor("the presenter to leave") { $0.contains("PRESENT-EXITED-0") }
        try PresenterEndToEndTests.expectRestored(terminal, after)
    }

    /// Starts lesson 2 at step 5 and presses `key`, then waits until the second lab runs.
    static func secondLabRunning(_ terminal: TmuxTerminal, key: String) throws -> [String] {
        try terminal.start(PresenterEndToEndTests.command("2"), columns: 80, rows: 24)
        try terminal.waitFor("the first step") { $0.contains { $0.contains("step 1 of ") } }
        try go(terminal, to: 5)
        try terminal.type(key)
        return try terminal.waitFor("the second lab running", seconds: 20) { lines in
            lines.contains { $0.contains("lost-final-ack ") && $0.contains("no-time-wait-world run") }
        }
    }

    /// Ctrl-C while the reveal's second lab runs stops it and gives the terminal back.
    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func ctrlCDuringTheSecondLabStopsItAndGivesTheTerminalBack() throws {
        let home = try PresenterEndToEndTests.folder("present-live-two-int")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        for line in try Self.secondLabRunning(terminal, key: "r") { #expect(line.count <= 80) }
        let asked = Date()
        try terminal.keys("C-c")
        let after = try terminal.waitFor("the presenter to leave on Ctrl-C") { $0.contains { $0.hasPrefix("PRESENT-EXITED-") } }
        print("Ctrl-C to exit during the second lab: \(Int(Date().timeIntervalSince(asked) * 1000)) ms (tmux polled every 50 ms)")
        try PresenterEndToEndTests.expectRestored(terminal, after)
        #expect(try Self.leftovers(terminal).isEmpty, "no process of the lab is left")
    }

    /// `q` while the second of the labs that `l` runs in turn is running: the same.
    @Test(.enabled(if: canRun(), "needs tmux and root"))
    func qDuringTheSecondLabStopsItAndGivesTheTerminalBack() throws {
        let home = try PresenterEndToEndTests.folder("present-live-two-q")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        let running = try Self.secondLabRunning(terminal, key: "l")
        for line in running { #expect(line.count <= 80) }
        #expect(running.contains { $0.contains("lost-final-ack ✓") || $0.contains("lost-final-ack ≠") },
                "the first lab's mark beside the second's name:\n\(running.joined(separator: "\n"))")
        #expect(running.filter { $0.contains("Live kernel") && $0.contains("running") }.count == 1, "one line says what runs")
        let asked = Date()
        try terminal.type("q")
        let after = try terminal.waitFor("the presenter to leave on q") { $0.contains("PRESENT-EXITED-0") }
        print("q to exit during the second lab: \(Int(Date().timeIntervalSince(asked) * 1000)) ms (tmux polled every 50 ms)")
        try PresenterEndToEndTests.expectRestored(terminal, after)
        #expect(try Self.leftovers(terminal).isEmpty, "no process of the lab is left")
    }
}
