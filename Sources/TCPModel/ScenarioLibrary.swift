import Foundation

/// The scenarios shipped in `Lessons/scenarios/*.twsim`, by name.
public struct ScenarioLibrary: Sendable {
    public var directory: URL
    public init(directory: URL) { self.directory = directory }

    /// Names of the shipped scenarios, sorted.
    public var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".twsim") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// The text of the scenario of that name, or nil when there is none.
    public func text(of name: String) -> String? {
        guard !name.contains("/"), !name.isEmpty else { return nil }
        let url = directory.appendingPathComponent(name + ".twsim")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Loads and parses the scenario of that name; throws a `ScenarioError` if it is missing or malformed.
    public func load(_ name: String) throws -> Scenario {
        guard let text = text(of: name) else {
            throw ScenarioError(source: name, line: 0, column: 0,
                                message: "no built-in scenario named '\(name)' (try: \(names.joined(separator: ", ")))")
        }
        return try Scenario.parse(text, source: directory.appendingPathComponent(name + ".twsim").path)
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
