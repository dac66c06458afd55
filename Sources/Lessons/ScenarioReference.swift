import Foundation
import TCPModel

/// A scenario given by built-in name or written inline.
public enum ScenarioReference: Sendable, Equatable {
    /// A file `Lessons/scenarios/NAME.twsim`.
    case builtIn(String)
    /// Scenario text written in the lesson (`script: |`).
    case inline(String)

    /// Loads and parses the scenario. Inline text is named `source` in error messages.
    public func scenario(in library: ScenarioLibrary, source: String = "<lesson>") throws -> Scenario {
        switch self {
        case .builtIn(let name): return try library.load(name)
        case .inline(let text): return try Scenario.parse(text, source: source)
        }
    }

    /// The built-in name, or `inline script`.
    public var label: String {
        switch self {
        case .builtIn(let name): return name
        case .inline: return "inline script"
        }
    }
}
