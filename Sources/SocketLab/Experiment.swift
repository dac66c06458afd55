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
    /// The scenario in `Lessons/scenarios` whose `linux` run should match the kernel's trace, or nil
    /// when the lab is kernel-only.
    var traceScenario: String? { get }
    /// Why the lab has no matching scenario (when `traceScenario` is nil).
    var kernelOnlyReason: LabText? { get }
    /// True when the lab repeats one connection's story several times, so each captured connection
    /// is compared with the scenario's one connection.
    var comparesEveryConnectionWithTheScenario: Bool { get }
    /// When set, only the first N captured connections are compared with the scenario, and why the
    /// rest are kernel-only.
    var comparedConnections: (count: Int, reason: LabText)? { get }
    /// For a lab that compares every connection with one scenario: the scenarios captured connection
    /// `number` (from 1) may match, given the sysctls the lab ran with. The first tells the usual
    /// story; the others tell the same close with another timing or a full TIME_WAIT table.
    func candidateScenarios(connection number: Int, sysctls: [String: String]) -> [String]
    /// Runs it; every socket lives in `lab.sockets`.
    func run(_ lab: LabSession) throws -> [String: Finding]
}

extension Experiment {
    var optionHelp: [String] { [] }
    var maximumSeconds: Double { 20 }
    var traceScenario: String? { "lab-" + name }
    var kernelOnlyReason: LabText? { nil }
    var comparesEveryConnectionWithTheScenario: Bool { false }
    var comparedConnections: (count: Int, reason: LabText)? { nil }
    func candidateScenarios(connection number: Int, sysctls: [String: String]) -> [String] {
        traceScenario.map { [$0] } ?? []
    }
}
