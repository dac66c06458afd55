import Synchronization

/// Built-in scenarios by name, each parsed once, the first time it is used. The library holds text it
/// was given and reads no files: the Lessons module's `ScenarioLibrary(directory:)` reads
/// `Lessons/scenarios/*.twsim` into one.
public struct ScenarioLibrary: Sendable {
    /// Where the scenarios came from (a folder path), for the source of each scenario.
    public let location: String
    private let texts: [String: String]
    private let parsed = ParsedScenarios()

    /// The scenarios parsed so far, shared by copies of the library.
    private final class ParsedScenarios: Sendable {
        let results = Mutex<[String: Result<Scenario, ScenarioError>]>([:])
    }

    /// A library of scenario texts by name; `location` prefixes their sources.
    public init(texts: [String: String], location: String = "") {
        self.location = location
        self.texts = texts
    }

    /// Names of the scenarios, sorted.
    public var names: [String] { texts.keys.sorted() }

    /// The text of the scenario of that name, or nil when there is none.
    public func text(of name: String) -> String? { texts[name] }

    /// The parsed scenario of that name; throws a `ScenarioError` if it is missing or malformed.
    public func load(_ name: String) throws -> Scenario {
        guard let text = texts[name] else {
            let known = names.isEmpty ? "no scenarios were found: no lessons folder was found; pass --lessons DIR or set TWLAB_LESSONS"
                                      : "try: " + names.joined(separator: ", ")
            throw ScenarioError(source: name, line: 0, column: 0, message: "no built-in scenario named '\(name)' (\(known))")
        }
        if let done = parsed.results.withLock({ $0[name] }) { return try done.get() }
        let source = location.isEmpty ? name + ".twsim" : location + "/" + name + ".twsim"
        let result = Result { try Scenario.parse(text, source: source) }.mapError { error in
            error as? ScenarioError ?? ScenarioError(source: source, line: 0, column: 0, message: "\(error)")
        }
        parsed.results.withLock { $0[name] = result }
        return try result.get()
    }
}

extension ScenarioLibrary {
    /// Resolves what a user typed: `-` is not handled here; an existing file path is read and parsed;
    /// anything else is a built-in name. `readFile` returns a file's text or nil when it does not exist.
    public func resolve(_ argument: String, readFile: (String) -> String?) throws -> Scenario {
        let looksLikePath = argument.contains("/") || argument.hasSuffix(".twsim")
        if let text = readFile(argument) {
            return try Scenario.parse(text, source: argument)
        }
        if looksLikePath {
            throw ScenarioError(source: argument, line: 0, column: 0,
                                message: "cannot read the scenario file '\(argument)'; check the path")
        }
        return try load(argument)
    }
}
