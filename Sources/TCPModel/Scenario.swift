/// A parsed scenario: a profile and a list of steps, ready to run.
public struct Scenario: Sendable {
    /// Where the text came from (a file path, a built-in name or `inline` for `-e`).
    public var source: String
    /// The profile named in the text, or `linux`.
    public var profile: ProfileName
    /// The actions in order, each with its line.
    public var steps: [ScenarioStep]

    /// Makes a scenario from steps already parsed.
    public init(source: String, profile: ProfileName = .linux, steps: [ScenarioStep]) {
        self.source = source; self.profile = profile; self.steps = steps
    }

    /// Parses scenario text. Throws a `ScenarioError` naming the line and column of the first problem.
    public static func parse(_ text: String, source: String) throws -> Scenario {
        try ScenarioParser(source: source).parse(text)
    }
}
