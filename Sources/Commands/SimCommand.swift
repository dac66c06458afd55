import Rendering
import ArgumentParser
import Foundation
import Lessons
import TCPModel

/// `twlab sim`: run a TCP close scenario in the simulator and draw it, or explore its losses.
public struct SimCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run a TCP close scenario in the simulator.",
        discussion: """
            SCENARIO is a .twsim file, '-' for standard input, or the name of a built-in scenario \
            (for example active-close). Exit status: 0 when every expect line held, 1 when one failed, \
            2 when the scenario is malformed or missing.
            """)

    @Argument(help: "A scenario file, '-' for standard input, or a built-in scenario name.")
    var scenario: String

    @Option(help: ArgumentHelp("Override the scenario's profile: linux, rfc9293 or no-time-wait.", valueName: "P"))
    var profile: String?

    @Flag(help: "Print one JSON object instead of the diagram.")
    var json = false

    @Option(help: ArgumentHelp("Rerun the scenario for every way of losing up to K segments (0-6) and group the outcomes.",
                               valueName: "K"))
    var explore: Int?

    @Option(help: ArgumentHelp("The lessons folder holding scenarios/ (default: found automatically).", valueName: "DIR"))
    var lessons: String?

    @Option(help: "Columns for the diagram (default: $COLUMNS or 80).")
    var width: Int?

    @Flag(inversion: .prefixedNo, help: "Colour the diagram (default: when writing to a terminal).")
    var color: Bool?

    @Option(help: ArgumentHelp("The diagram as text (the default), mermaid (sequenceDiagram) or svg.", valueName: "F"))
    var format: DiagramFormat = .text

    @Flag(help: "Draw the text diagram with ASCII characters only.")
    var ascii = false

    @Flag(help: .hidden)
    var bench = false

    public func run() throws {
        let scenario: Scenario
        do {
            scenario = try loadScenario()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data((error.line == 0 ? "error: \(error.message)" : error.description).utf8 + [10]))
            throw ExitCode(2)
        }
        var override: ProfileName?
        if let profile {
            guard let parsed = ProfileName(parsing: profile) else {
                FileHandle.standardError.write(Data("error: unknown profile '\(profile)'; use linux, rfc9293 or no-time-wait\n".utf8))
                throw ExitCode(2)
            }
            override = parsed
        }
        let columns = width ?? Self.terminalColumns()
        let useColor = color ?? (isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        let diagram = SequenceDiagram(color: useColor && !json, width: columns)
        if format == .dot || (format != .text && (json || explore != nil)) {
            FileHandle.standardError.write(Data("error: --format takes text, mermaid or svg, and only text goes with --json or --explore\n".utf8))
            throw ExitCode(2)
        }
        if bench {
            print(SimulatorBenchmark.measure(scenario, profile: override, explore: explore))
            return
        }
        if let explore {
            guard (0...6).contains(explore) else {
                FileHandle.standardError.write(Data("error: --explore takes 0 to 6 losses\n".utf8))
                throw ExitCode(2)
            }
            let exploration = Explorer.explore(scenario, maxLosses: explore, profile: override)
            let text = json ? SimulationJSON.encode(exploration) : diagram.render(exploration, maxLosses: explore)
            print(ascii && !json ? TextCharset.ascii.apply(text) : text, terminator: json ? "\n" : "")
            return
        }
        let result = Simulator.run(scenario, profile: override)
        if format != .text {
            print(SequencePicture.render(result, format: format, title: self.scenario), terminator: "")
            if !result.passed { throw ExitCode(1) }
            return
        }
        let text = json ? SimulationJSON.encode(result) : diagram.render(result)
        print(ascii && !json ? TextCharset.ascii.apply(text) : text, terminator: json ? "\n" : "")
        if !result.passed { throw ExitCode(1) }
    }

    /// `--width`, else the terminal's width, else `$COLUMNS`, else 80.
    static func terminalColumns() -> Int {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    private func loadScenario() throws -> Scenario {
        if scenario == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try Scenario.parse(String(decoding: data, as: UTF8.self), source: "<stdin>")
        }
        let folder = LessonsLocator.find(explicit: lessons) ?? URL(fileURLWithPath: "Lessons")
        let library = ScenarioLibrary(directory: folder.appendingPathComponent("scenarios"))
        return try library.resolve(scenario) { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// The hidden `--bench` mode: runs a scenario (or its exploration) repeatedly and reports speed.
enum SimulatorBenchmark {
    static func measure(_ scenario: Scenario, profile: ProfileName?, explore: Int?) -> String {
        let clock = ContinuousClock()
        if let explore {
            var exploration = Exploration(runs: 0, classes: [])
            let elapsed = clock.measure { exploration = Explorer.explore(scenario, maxLosses: explore, profile: profile) }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return "explore \(explore): \(exploration.runs) runs, \(exploration.eventCount) events in \(String(format: "%.3f", seconds)) s = \(Int(Double(exploration.eventCount) / max(seconds, 1e-9))) events/s"
        }
        var events = 0, runs = 0
        let start = clock.now
        while clock.now - start < .seconds(1) {
            for _ in 0..<100 {
                events += Simulator.run(scenario, profile: profile, recordEvents: false).eventCount
                runs += 1
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "\(runs) runs, \(events) events in \(String(format: "%.3f", seconds)) s = \(Int(Double(events) / seconds)) events/s"
    }
}
