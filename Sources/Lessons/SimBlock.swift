import Foundation
import TCPModel

/// A ```` ```sim ```` block: a scenario shown as a sequence diagram at that point of a step.
public struct SimBlock: Sendable {
    /// The scenario to run.
    public var scenario: ScenarioReference
    /// Overrides the scenario's own profile when set.
    public var profile: ProfileName?
    /// When set, the scenario is explored for up to this many lost segments.
    public var explore: Int?
    /// A sentence shown above the diagram.
    public var caption: String?
    /// Where the block starts in the lesson file.
    public var location: SourceLocation
    /// The file line of the first line of an inline script, so errors inside it point at the right line.
    public var scriptLine: Int?

    /// Creates a sim block.
    public init(scenario: ScenarioReference, profile: ProfileName? = nil, explore: Int? = nil,
                caption: String? = nil, location: SourceLocation, scriptLine: Int? = nil) {
        self.scenario = scenario; self.profile = profile; self.explore = explore
        self.caption = caption; self.location = location; self.scriptLine = scriptLine
    }
}
