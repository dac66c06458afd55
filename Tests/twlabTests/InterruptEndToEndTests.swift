import Foundation
import Testing

/// Ctrl-C in a real terminal: it stops the running command quickly, is reported once, and leaves the
/// shell exactly as it was, however often it is pressed.
@Suite(.serialized) struct InterruptEndToEndTests {
    private func isPrompt(_ line: String?) -> Bool {
        guard let line else { return false }
        return line.hasPrefix("twlab") && line.hasSuffix(">")
    }

    /// Types a command, waits `after` seconds, presses Ctrl-C and returns how long the prompt took to
    /// come back.
    private func interrupt(_ command: String, after: Double, in terminal: TmuxTerminal) throws -> Double {
        try terminal.type("clear")
        try terminal.keys("Enter")
        try terminal.waitFor("a cleared screen") { $0.count == 1 && isPrompt($0.last) }
        try terminal.type(command)
        try terminal.keys("Enter")
        try terminal.waitFor("'\(command)' to start") { $0.count >= 2 || !isPrompt($0.last) }
        usleep(useconds_t(after * 1_000_000))
        #expect(!isPrompt(try terminal.lines().last), "'\(command)' ended before Ctrl-C")
        let start = Date()
        try terminal.keys("C-c")
        let screen = try terminal.waitFor("the prompt after Ctrl-C in '\(command)'", seconds: 5) { isPrompt($0.last) && $0.count > 1 }
        let elapsed = Date().timeIntervalSince(start)
        #expect(screen.filter { $0.contains("interrupted") }.count <= 1, "reported more than once: \(screen)")
        return elapsed
    }

    /// Runs `command` to its end and returns how long it took.
    private func timed(_ command: String, in terminal: TmuxTerminal, seconds: Double = 20) throws -> (Double, [String]) {
        try terminal.type("clear")
        try terminal.keys("Enter")
        try terminal.waitFor("a cleared screen") { $0.count == 1 && isPrompt($0.last) }
        let start = Date()
        try terminal.type(command)
        try terminal.keys("Enter")
        let screen = try terminal.waitFor("'\(command)' to end", seconds: seconds) { $0.count > 1 && isPrompt($0.last) }
        return (Date().timeIntervalSince(start), screen)
    }

    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func ctrlCStopsEachCommandAndLeavesTheShellAsItWas() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path
        try terminal.start("trap '' INT; TWLAB_HOME='\(home.path)' '\(TwlabBinary.url.path)' --lessons '\(lessons)'; sleep 60")
        try terminal.waitFor("the first prompt") { isPrompt($0.last) }

        // Ctrl-C at an empty prompt, then a command that waits: it must wait its full time.
        try terminal.keys("C-c")
        try terminal.waitFor("a fresh prompt") { isPrompt($0.last) }
        let (slept, _) = try timed("sleep 1", in: terminal)
        #expect(slept >= 0.95 && slept < 2.5, "sleep 1 took \(slept) s after a Ctrl-C at the prompt")

        // A live lab after that Ctrl-C runs to its end (it needs loopback sockets only).
        let (_, labScreen) = try timed("lab active-close --yes", in: terminal, seconds: 30)
        #expect(!labScreen.joined(separator: "\n").contains("stopped by Ctrl-C"), "\(labScreen)")

        // Each long command stops within 200 ms of Ctrl-C (plus the polling of this test, ≤ 60 ms), and
        // keeps doing so twenty rounds in a row in the same session, each long command in turn.
        let long = [("sleep 30", 0.6), ("watch", 0.6), ("sim lost-final-ack --explore 6", 0.3), ("lab fin-timeout --yes", 1.0)]
        var times: [Double] = []
        for round in 0..<20 {
            let (command, after) = long[round % long.count]
            let took = try interrupt(command, after: after, in: terminal)
            times.append(took)
            #expect(took < 0.26, "round \(round + 1): '\(command)' took \(took) s to stop")
        }
        times.sort()
        print("interrupts: 20 rounds, median \(Int(times[10] * 1000)) ms, slowest \(Int(times[19] * 1000)) ms")
        // After twenty interrupts the shell is as it was: a lab runs to its end, and sleep waits its second.
        let (_, laterLab) = try timed("lab active-close --yes", in: terminal, seconds: 30)
        #expect(!laterLab.joined(separator: "\n").contains("stopped by Ctrl-C"), "\(laterLab)")
        let (again, _) = try timed("sleep 1", in: terminal)
        #expect(again >= 0.95 && again < 2.5, "sleep 1 took \(again) s after 20 interrupts")
    }
}
