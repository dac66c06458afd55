import Foundation
import TCPModel

/// Shell commands for the simulator: `sim`, `sim explore` and `model ports`.
enum SimulatorCommands {
    static func make() -> [ShellCommand] { [simCommand(), modelCommand()] }

    /// The built-in scenarios of the lessons folder.
    static func library(_ context: ShellContext) -> ScenarioLibrary {
        ScenarioLibrary(directory: context.lessonsDirectory.appendingPathComponent("scenarios"))
    }

    static func simCommand() -> ShellCommand {
        ShellCommand(
            name: "sim",
            summary: "Run a TCP close scenario in the simulator, or explore its losses.",
            usage: "sim [explore] NAME|FILE [K]",
            details: """
                sim NAME|FILE: draw a run (try 'sim active-close', or a .twsim file).
                sim explore NAME|FILE K: lose up to K segments (default 2) every way.
                sim -e 'open; close client; run': run lines typed inline.
                --profile linux|rfc9293|no-time-wait overrides the scenario's profile.
                --json prints JSON instead of a diagram.
                """,
            complete: { context, request in completeSim(context, request) },
            run: { context, arguments in runSim(context, arguments) })
    }

    static func completeSim(_ context: ShellContext, _ request: CompletionRequest) -> [String] {
        let words = request.words
        if words.last == "--profile" { return ProfileName.allCases.map(\.rawValue) }
        let names = library(context).names
        if words.count <= 1 { return ["explore", "-e"] + names }
        if words.count == 2 && words[1] == "explore" { return names }
        return ["--profile", "--json"]
    }

    /// The options shared by `sim` and `sim explore`.
    struct SimArguments {
        var target: String?
        var inline: String?
        var profile: ProfileName?
        var json = false
        var explore: Int?
    }

    static func parse(_ arguments: [String]) -> Result<SimArguments, SimulatorCommandError> {
        var parsed = SimArguments()
        var rest = arguments[...]
        if rest.first == "explore" {
            rest = rest.dropFirst()
            parsed.explore = 2
        }
        var positional: [String] = []
        while let word = rest.popFirst() {
            switch word {
            case "--json": parsed.json = true
            case "--profile":
                guard let value = rest.popFirst(), let profile = ProfileName(parsing: value) else {
                    return .failure(SimulatorCommandError("--profile wants linux, rfc9293 or no-time-wait"))
                }
                parsed.profile = profile
            case "-e":
                // Each ';'-separated statement becomes one line; errors count columns within it.
                parsed.inline = rest.joined(separator: " ").split(separator: ";", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                rest = []
            default:
                if word.hasPrefix("--") { return .failure(SimulatorCommandError("unknown option \(word); try 'help sim'")) }
                positional.append(word)
            }
        }
        if parsed.inline == nil {
            guard let target = positional.first else {
                return .failure(SimulatorCommandError("name a scenario, for example 'sim active-close' (built-ins: 'sim' + Tab)"))
            }
            parsed.target = target
            positional.removeFirst()
        }
        if let count = positional.first {
            guard parsed.explore != nil, let k = Int(count), (0...6).contains(k), positional.count == 1 else {
                return .failure(SimulatorCommandError(parsed.explore == nil
                    ? "unexpected '\(count)'; to explore losses use 'sim explore NAME K'"
                    : "K is how many segments to lose, 0 to 6, not '\(count)'"))
            }
            parsed.explore = k
        }
        return .success(parsed)
    }

    static func runSim(_ context: ShellContext, _ arguments: [String]) -> CommandResult {
        let out = context.output
        let parsed: SimArguments
        switch parse(arguments) {
        case .success(let value): parsed = value
        case .failure(let error):
            out.line(out.styled("error: ", .red) + error.message)
            return .failure
        }
        let scenario: Scenario
        do {
            if let inline = parsed.inline {
                scenario = try Scenario.parse(inline, source: "<shell>")
            } else {
                scenario = try library(context).resolve(parsed.target ?? "") { path in
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                          let data = FileManager.default.contents(atPath: path) else { return nil }
                    return String(decoding: data, as: UTF8.self)
                }
            }
        } catch let error as ScenarioError {
            out.line(out.styled(error.line == 0 ? "error: \(error.message)" : error.description, .red))
            return .failure
        } catch {
            out.line(out.styled("error: \(error)", .red))
            return .failure
        }
        let diagram = SequenceDiagram(color: out.useColor && !parsed.json, width: out.width)
        if let k = parsed.explore {
            let exploration = Explorer.explore(scenario, maxLosses: k, profile: parsed.profile, shouldStop: context.interrupted)
            out.write(parsed.json ? SimulationJSON.encode(exploration) + "\n" : diagram.render(exploration, maxLosses: k))
            if exploration.incomplete { out.line("(stopped before every run was made)") }
            return .success
        }
        let result = Simulator.run(scenario, profile: parsed.profile, recordEvents: true, shouldStop: context.interrupted)
        out.write(parsed.json ? SimulationJSON.encode(result) + "\n" : diagram.render(result))
        return result.passed ? .success : .failure
    }

    static func modelCommand() -> ShellCommand {
        ShellCommand(
            name: "model",
            summary: "Model a busy client's ports against TIME_WAIT.",
            usage: "model ports [--rate R]…",
            details: """
                Options: --range 32768-60999  --rate R  --time-wait 60s
                         --duration D  --tw-reuse
                Charts the TIME_WAIT sockets of one busy client talking to one
                destination, when connect() first fails with EADDRNOTAVAIL,
                and the sustainable rate (ports ÷ TIME_WAIT).
                """,
            complete: { _, request in
                if request.words.count <= 1 { return ["ports"] }
                return ["--range", "--rate", "--time-wait", "--duration", "--tw-reuse"]
            },
            run: { context, arguments in runModel(context, arguments) })
    }

    static func runModel(_ context: ShellContext, _ arguments: [String]) -> CommandResult {
        let out = context.output
        func fail(_ message: String) -> CommandResult {
            out.line(out.styled("error: ", .red) + message)
            return .failure
        }
        var rest = arguments[...]
        if rest.first == "ports" { rest = rest.dropFirst() }
        var model = PortModel(rate: 1_000)
        var durationSet = false
        while let word = rest.popFirst() {
            switch word {
            case "--tw-reuse": model.twReuse = true
            case "--range":
                let bounds = (rest.popFirst() ?? "").split(separator: "-").compactMap { Int($0) }
                guard bounds.count == 2, bounds[0] >= 1, bounds[1] <= 65_535, bounds[0] <= bounds[1] else {
                    return fail("--range wants FIRST-LAST within 1-65535, for example 32768-60999")
                }
                model.firstPort = bounds[0]
                model.lastPort = bounds[1]
            case "--rate":
                guard let value = rest.popFirst().flatMap(Double.init), value.isFinite, value > 0, value <= 10_000_000 else {
                    return fail("--rate wants connections per second above 0, for example 600")
                }
                model.rate = value
            case "--time-wait", "--duration":
                guard let value = rest.popFirst(), let ms = milliseconds(value), ms <= 3_600_000 else {
                    return fail("\(word) wants a duration such as 60s, 500ms or 2m (at most 1h)")
                }
                if word == "--time-wait" { model.timeWaitMs = ms } else { model.durationMs = max(10, ms); durationSet = true }
            default:
                return fail("unknown argument '\(word)'; try 'help model'")
            }
        }
        if !durationSet { model.durationMs = max(2 * model.timeWaitMs, 10_000) }
        out.write(model.report(width: out.width))
        return .success
    }

    /// Reads a duration with the scenario language's rules.
    static func milliseconds(_ text: String) -> Int64? {
        guard let scenario = try? Scenario.parse("wait \(text)", source: "<shell>"),
              case .wait(.milliseconds(let ms))? = scenario.steps.first?.action else { return nil }
        return ms
    }
}

/// A usage problem with a simulator command, shown as one line.
struct SimulatorCommandError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
