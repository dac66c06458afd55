// CONTRACT STUBS — the public surface other modules build against. The simulator work replaces the
// bodies (and may move each type to its own file) but keeps these names and signatures.
import Foundation

/// The behaviour the simulated endpoints follow.
public enum ProfileName: String, CaseIterable, Codable, Sendable {
    case linux
    case rfc9293
    case noTimeWait = "no-time-wait"
}

/// A place in a scenario text, and what is wrong there.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source; self.line = line; self.column = column; self.message = message
    }
    /// `file:line:col: error: message`.
    public var description: String { "\(source):\(line):\(column): error: \(message)" }
}

/// A parsed scenario: a profile, settings and a list of steps, ready to run.
public struct Scenario: Sendable {
    /// Where the text came from (a file path, a built-in name or `<shell>`).
    public var source: String
    /// The profile named in the text, or `linux`.
    public var profile: ProfileName

    /// Parses scenario text. Throws a `ScenarioError` naming the line and column of the first problem.
    public static func parse(_ text: String, source: String) throws -> Scenario {
        throw ScenarioError(source: source, line: 1, column: 1, message: "the simulator is not built yet")
    }
}

/// Everything one run of a scenario produced.
public struct SimulationResult: Sendable {
    public var profile: ProfileName
    /// True when every `expect` line held.
    public var passed: Bool
    public var outcomes: Set<Outcome>
    public var final: [EndpointRole: TCPState]
    /// States each endpoint passed through, in order, without repeats in a row.
    public var visited: [EndpointRole: [TCPState]]
    /// Flags of every segment each endpoint sent, in order.
    public var sent: [EndpointRole: [TCPFlags]]
    /// errno names reported to each endpoint's application (for example `ECONNRESET`).
    public var errors: [EndpointRole: [String]]
    /// Failed expectations as one-line messages.
    public var failures: [String]
}

/// Runs scenarios on a virtual clock.
public enum Simulator {
    /// Runs the scenario to its end. `profile` overrides the scenario's own.
    public static func run(_ scenario: Scenario, profile: ProfileName? = nil) -> SimulationResult {
        SimulationResult(profile: profile ?? scenario.profile, passed: false, outcomes: [.open],
                         final: [:], visited: [:], sent: [:], errors: [:], failures: ["not built yet"])
    }
}

/// One group of explored runs that ended the same way.
public struct OutcomeClass: Sendable {
    public var outcomes: Set<Outcome>
    public var count: Int
    /// One example run: the segments lost (described as `client->server FIN|ACK #1`) and the final states.
    public var exampleDropped: [String]
    public var exampleFinal: [EndpointRole: TCPState]
}

/// The result of rerunning a scenario for every way of losing up to K segments.
public struct Exploration: Sendable {
    public var runs: Int
    public var classes: [OutcomeClass]
}

/// Reruns a scenario under every pattern of lost segments.
public enum Explorer {
    public static func explore(_ scenario: Scenario, maxLosses: Int, profile: ProfileName? = nil) -> Exploration {
        Exploration(runs: 0, classes: [])
    }
}

/// The scenarios shipped in `Lessons/scenarios/*.twsim`, by name.
public struct ScenarioLibrary: Sendable {
    public var directory: URL
    public init(directory: URL) { self.directory = directory }
    /// Names of the shipped scenarios, sorted.
    public var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".twsim") }.map { String($0.dropLast(6)) }.sorted()
    }
    /// Loads and parses the scenario of that name; throws a `ScenarioError` if it is missing or malformed.
    public func load(_ name: String) throws -> Scenario {
        let url = directory.appendingPathComponent(name + ".twsim")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ScenarioError(source: name, line: 0, column: 0,
                                message: "no built-in scenario named '\(name)' (try: \(names.joined(separator: ", ")))")
        }
        return try Scenario.parse(text, source: url.path)
    }
}
