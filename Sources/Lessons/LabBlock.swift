import Foundation

/// A ```` ```lab ```` block: a named live experiment, run after the learner confirms.
public struct LabBlock: Sendable {
    /// One of the live lab's experiment names, for example `active-close`.
    public var experiment: String
    /// Options passed to the experiment, for example `ports: "10"`.
    public var options: [String: String]
    /// A sentence shown before the experiment runs.
    public var caption: String?
    /// The scenario shown instead when the experiment cannot run here.
    public var fallback: ScenarioReference?
    /// Where the block starts in the lesson file.
    public var location: SourceLocation

    /// Creates a lab block.
    public init(experiment: String, options: [String: String] = [:], caption: String? = nil,
                fallback: ScenarioReference? = nil, location: SourceLocation) {
        self.experiment = experiment; self.options = options; self.caption = caption
        self.fallback = fallback; self.location = location
    }
}
