/// One of the fixed, named live experiments.
protocol Experiment: Sendable {
    /// The name lessons and the command line use, for example `active-close`.
    var name: String { get }
    /// One line saying what it shows.
    var summary: String { get }
    /// The finding keys it reports.
    var findingKeys: [String] { get }
    /// True when it changes sysctls and so may only run in a private network namespace.
    var changesSysctls: Bool { get }
    /// The simulator command that shows the same thing, for systems where the live run is impossible.
    var simulatorAlternative: String { get }
    /// Options it accepts, `name=meaning`, for help texts.
    var optionHelp: [String] { get }
    /// The most seconds it may take.
    var maximumSeconds: Double { get }
    /// Runs it; every socket lives in `lab.sockets`.
    func run(_ lab: LabSession) throws -> [String: Finding]
}

extension Experiment {
    var optionHelp: [String] { [] }
    var maximumSeconds: Double { 20 }
}
