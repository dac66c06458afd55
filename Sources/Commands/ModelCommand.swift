import Rendering
import ArgumentParser
import Foundation
import TCPModel

/// `twlab model`: Model a busy client's ports and TIME_WAIT population.
public struct ModelCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Model a busy client's ports against TIME_WAIT.",
        subcommands: [PortsCommand.self], defaultSubcommand: PortsCommand.self)
}

/// `twlab model ports`: how fast one client can open connections to one destination before
/// TIME_WAIT uses up its local ports.
public struct PortsCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "ports", abstract: "Ports, rate and TIME_WAIT: when does connect() run out of ports?")

    @Option(help: "The local port range FIRST-LAST (Linux default 32768-60999).")
    var range = "32768-60999"

    @Option(help: "New connections per second.")
    var rate: Double = 1_000

    @Option(name: .customLong("time-wait"), help: "How long TIME_WAIT lasts (for example 60s).")
    var timeWait = "60s"

    @Option(help: "How long to model (default: twice TIME_WAIT).")
    var duration: String?

    @Flag(name: .customLong("tw-reuse"), help: "Let connect() reuse a TIME_WAIT port after 1 s (tcp_tw_reuse).")
    var twReuse = false

    @Option(help: "Columns for the chart (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    public func run() throws {
        let bounds = range.split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[1] <= 65_535, bounds[0] <= bounds[1] else {
            throw ValidationError("--range wants FIRST-LAST within 1-65535, for example 32768-60999")
        }
        guard rate.isFinite, rate > 0, rate <= 10_000_000 else {
            throw ValidationError("--rate wants a number of connections per second above 0, for example 600")
        }
        let wait = try Self.milliseconds(timeWait, option: "--time-wait")
        let span = try duration.map { try Self.milliseconds($0, option: "--duration") } ?? max(2 * wait, 10_000)
        guard span > 0, span <= 3_600_000 else { throw ValidationError("--duration wants 1ms to 1h, for example 120s") }
        let model = PortModel(firstPort: bounds[0], lastPort: bounds[1], rate: rate, timeWaitMs: wait,
                              durationMs: span, twReuse: twReuse)
        printText(model.report(width: TerminalSize.clamp(width ?? CommandIO.current.width)), terminator: "")
    }

    /// Reads a duration such as `60s`, `500ms` or `2m` with the scenario language's rules.
    static func milliseconds(_ text: String, option: String) throws -> Int64 {
        guard let scenario = try? Scenario.parse("wait \(text)", source: option),
              case .wait(.milliseconds(let ms))? = scenario.steps.first?.action else {
            throw ValidationError("\(option) wants a duration such as 60s, 500ms or 2m, not '\(text)'")
        }
        return ms
    }
}
