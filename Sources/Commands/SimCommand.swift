import ArgumentParser
import Foundation
import Lessons
import Rendering
import TCPModel

/// `twlab sim`: run a TCP close scenario in the simulator and draw it, or explore its losses.
public struct SimCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run a TCP close scenario in the simulator, or explore its losses.",
        discussion: """
            SCENARIO is a .twsim file, '-' for standard input, or the name of a built-in scenario \
            (for example active-close). -e runs lines typed inline, separated by ';'. Exit status: 0 \
            when every expect line held, 1 when one failed, 2 when the scenario is malformed or missing.
            """)

    @Argument(help: "A scenario file, '-' for standard input, or a built-in scenario name.",
              completion: .custom { _, _, _ in CompletionValues.scenarioNames() })
    var scenario: String?

    @Option(name: [.customShort("e"), .customLong("expression")],
            help: ArgumentHelp("Scenario lines typed inline, separated by ';' (for example 'open; close client; run').",
                               valueName: "lines"))
    var expression: String?

    @Option(help: ArgumentHelp("Override the scenario's profile: linux, rfc9293 or no-time-wait.", valueName: "profile"),
            completion: .list(ProfileName.allCases.map(\.rawValue)))
    var profile: String?

    @Flag(help: "Print one JSON object instead of the diagram.")
    var json = false

    @Option(help: ArgumentHelp("Rerun the scenario for every way of losing up to K segments (0-6) and group the outcomes.",
                               valueName: "K"))
    var explore: Int?

    @Option(help: ArgumentHelp("The lessons folder holding scenarios/ (default: found automatically).", valueName: "dir"),
            completion: .directory)
    var lessons: String?

    @Option(help: "Columns for the diagram (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    @Flag(inversion: .prefixedNo, help: "Colour the diagram (default: when writing to a terminal).")
    var color: Bool?

    @Option(help: ArgumentHelp("The diagram as text (the default), mermaid (sequenceDiagram) or svg.", valueName: "format"),
            completion: .list(["text", "mermaid", "svg"]))
    var format: DiagramFormat = .text

    @Flag(help: "Draw the text diagram with ASCII characters only.")
    var ascii = false

    public func validate() throws {
        if scenario == nil && expression == nil {
            throw ValidationError("name a scenario (for example 'sim active-close') or give lines with -e 'open; close client; run'")
        }
        if scenario != nil && expression != nil {
            throw ValidationError("give a scenario or -e lines, not both")
        }
        if let explore, !(0...6).contains(explore) { throw ValidationError("--explore takes 0 to 6 losses, not \(explore)") }
        if let profile, ProfileName(parsing: profile) == nil {
            throw ValidationError("unknown profile '\(profile)'; use linux, rfc9293 or no-time-wait")
        }
        if format == .dot {
            throw ValidationError("--format takes text, mermaid or svg for a run; dot draws state machines (diagram states --format dot)")
        }
        if format != .text && (json || explore != nil) {
            throw ValidationError("--format \(format.rawValue) draws one run; --json and --explore go with the text format only")
        }
    }

    public func run() throws {
        let io = CommandIO.current
        let loaded: Scenario
        do {
            loaded = try loadScenario()
        } catch let error as ScenarioError {
            printError(error.line == 0 ? "error: \(error.message)" : error.description)
            throw ExitCode(2)
        }
        let override = profile.flatMap(ProfileName.init(parsing:))
        let useColor = (color ?? io.useColor) && !json
        let diagram = SequenceDiagram(color: useColor, width: TerminalSize.clamp(width ?? io.width))
        let stop = io.interruption()
        if let explore {
            let exploration = Explorer.explore(loaded, maxLosses: explore, profile: override, shouldStop: stop)
            let text = json ? SimulationJSON.encode(exploration) : diagram.render(exploration, maxLosses: explore)
            print(ascii && !json ? TextCharset.ascii.apply(text) : text, terminator: json ? "\n" : "")
            if stop() { throw CommandInterrupted() }
            return
        }
        let result = Simulator.run(loaded, profile: override, recordEvents: true, shouldStop: stop)
        if stop() { throw CommandInterrupted() }
        if format != .text {
            print(SequencePicture.render(result, format: format, title: scenario ?? "inline"), terminator: "")
            if !result.passed { throw ExitCode(1) }
            return
        }
        let text = json ? SimulationJSON.encode(result) : diagram.render(result)
        print(ascii && !json ? TextCharset.ascii.apply(text) : text, terminator: json ? "\n" : "")
        if !result.passed { throw ExitCode(1) }
    }

    private func loadScenario() throws -> Scenario {
        if let expression {
            // Each ';'-separated statement becomes one line, so errors name the statement's column.
            let lines = expression.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            return try Scenario.parse(lines, source: "inline")
        }
        let name = scenario ?? ""
        if name == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try Scenario.parse(String(decoding: data, as: UTF8.self), source: "<stdin>")
        }
        let library = ScenarioLibrary(directory: LessonsFolder.scenarios(explicit: lessons))
        return try library.resolve(name) { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Thrown by a command that stopped because the user pressed Ctrl-C; the front end reports it once.
public struct CommandInterrupted: Error, Sendable {
    public init() {}
}
