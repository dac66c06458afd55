import Foundation
import Testing

/// Recordings and paced demos: `--script FILE --record FILE.cast --pace`, `pause`, and
/// `present --record`, checked with asciinema's own reader.
@Suite(.serialized) struct RecordingEndToEndTests {
    static var asciinemaPath: String? {
        ["/usr/bin/asciinema", "/usr/local/bin/asciinema"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `asciinema cat` needs a terminal (it opens /dev/tty), so it runs under util-linux `script`.
    static func asciinemaCat(_ cast: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "asciinema cat '\(cast.path)'", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The header and events of a recording, each line parsed as JSON.
    static func read(_ cast: URL) throws -> (header: [String: Any], events: [[Any]]) {
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any] ?? [:]
        let events = try lines.dropFirst().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any] ?? [] }
        return (header, events)
    }

    static func markers(_ events: [[Any]]) -> [String] {
        events.filter { $0.count == 3 && $0[1] as? String == "m" }.compactMap { $0[2] as? String }
    }

    @Test func aPacedScriptIsRecordedWithAMarkerPerCommandAndTakesItsTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("demo.twlab"), cast = folder.appendingPathComponent("demo.cast")
        try "version\n# not a step\nsim active-close\npause\n".write(to: script, atomically: true, encoding: .utf8)

        let plain = try TwlabBinary.run(["--script", script.path])
        let started = Date()
        let paced = try TwlabBinary.run(["--script", script.path, "--record", cast.path, "--pace", "0.5s"],
                                        environment: ["COLUMNS": "80", "LINES": "24"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(paced.status == 0, "\(paced.stderr)")
        #expect(elapsed >= 1.5 && elapsed < 15, "three commands typed at 0.5 s each took \(elapsed) s")
        #expect(paced.stdout == plain.stdout, "typing is not written into a transcript that is not a terminal")

        let (header, events) = try Self.read(cast)
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 80 && header["height"] as? Int == 24)
        #expect(header["title"] as? String == "twlab \(script.path)")
        #expect(Self.markers(events) == ["version", "sim active-close", "pause"])
        let times = events.compactMap { $0.first as? Double }
        #expect(times.count == events.count && times == times.sorted(), "times only grow")
        let output = events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        #expect(output.contains("twlab> s") && output.contains("twlab> sim active-close\r\n"), "typed, then echoed")
        #expect(output.contains("every expectation held"))
    }

    @Test(.enabled(if: asciinemaPath != nil, "Debian's asciinema is not installed; 'make deps' installs it"))
    func asciinemaAcceptsTheRecording() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("demo.twlab"), cast = folder.appendingPathComponent("demo.cast")
        try "version\nsim lost-final-ack\nhelp pause\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try TwlabBinary.run(["--script", script.path, "--record", cast.path])
        #expect(run.status == 0, "\(run.stderr)")
        let (status, text) = try Self.asciinemaCat(cast)
        #expect(status == 0, "asciinema cat: \(text)")
        #expect(text.contains("twlab> version") && text.contains("Wait for Enter before going on"))
        #expect(Self.markers(try Self.read(cast).events).count == 3)
    }

    @Test(.enabled(if: TmuxTerminal.available && asciinemaPath != nil, "needs tmux and asciinema; 'make deps' installs both"))
    func aPresentationIsRecordedWithAMarkerPerStepAndReveal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-prec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let cast = home.appendingPathComponent("lesson.cast")
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start(PresenterEndToEndTests.command("1 --record '\(cast.path)'"), columns: 80, rows: 24)
        try terminal.waitFor("step 1") { $0.contains { $0.contains("step 1 of ") } }
        try terminal.keys("Space")
        try terminal.waitFor("step 2") { $0.contains { $0.contains("step 2 of ") } }
        try terminal.type("r")
        try terminal.waitFor("the reveal") { $0.contains { $0.contains("Answer: FIN_WAIT_2") } }
        try terminal.keys("Space")
        try terminal.waitFor("step 3") { $0.contains { $0.contains("step 3 of ") } }
        try terminal.type("q")
        try terminal.waitFor("the presenter to leave") { $0.contains("PRESENT-EXITED-0") }
        let (header, events) = try Self.read(cast)
        #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24 && header["title"] as? String == "The four-way close")
        #expect(Self.markers(events) == ["step 1: Hanging up takes two halves", "step 2: Where the client waits meanwhile",
                                         "reveal: Where the client waits meanwhile", "step 3: The second half", "end"])
        let (status, text) = try Self.asciinemaCat(cast)
        #expect(status == 0 && text.contains("Where the client waits meanwhile"), "asciinema cat: \(text.prefix(300))")
    }

    /// A recording declares its width in the header; every line recorded fits it, also when standard
    /// output is not a terminal and COLUMNS is unset (the session renders at the recorded width).
    @Test(arguments: [nil, "60"] as [String?])
    func everyRecordedLineFitsTheDeclaredWidth(columns: String?) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("demo.twlab"), cast = folder.appendingPathComponent("out.cast")
        try "model ports\nsim lost-final-ack\nhelp\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try TwlabBinary.run(["--script", script.path, "--record", cast.path, "--pace", "0.01s"],
                                      environment: ["COLUMNS": columns ?? "", "LINES": ""])
        #expect(run.status == 0, "\(run.stderr)")
        let (header, events) = try Self.read(cast)
        let width = try #require(header["width"] as? Int)
        #expect(width == Int(columns ?? "80"))
        let output = events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        #expect(output.contains("TIME_WAIT"), "model ports ran")
        let lines = output.components(separatedBy: "\r\n")
        #expect(lines.count > 20)
        for line in lines { #expect(DisplayColumns.of(line) <= width, "\(DisplayColumns.of(line)) columns in a \(width)-column recording: \(line)") }
    }

    @Test func pauseDoesNotWaitWhenNobodyIsAtATerminal() throws {
        let started = Date()
        let run = try TwlabBinary.run([], stdin: "pause\npause Now look at the server\nversion\n", timeout: 20)
        #expect(run.status == 0)
        #expect(run.stdout.contains("twlab> pause") && run.stdout.contains("twlab 0"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func recordingOptionsNeedAScript() throws {
        let run = try TwlabBinary.run(["--pace", "1s"])
        #expect(run.status == 2 && run.stderr.contains("go with --script FILE"))
        let bad = try TwlabBinary.run(["--script", "x", "--pace", "soon"])
        #expect(bad.status == 2 && bad.stderr.contains("--pace takes a duration"))
    }
}
