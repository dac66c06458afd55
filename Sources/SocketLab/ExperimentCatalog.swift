/// The fixed, named live experiments.
public enum ExperimentCatalog {
    static let experiments: [any Experiment] = [
        ActiveCloseExperiment(), PassiveCloseExperiment(), LingerAbortExperiment(), RebindExperiment(),
        PortExhaustionExperiment(), TimeWaitReuseExperiment(), FinTimeoutExperiment(), MaxTimeWaitBucketsExperiment(),
        LostFinalAckExperiment(), NoTimeWaitWorldExperiment(), AssassinationExperiment(), OldSynReopenExperiment(),
        WanderingDuplicateExperiment(), LostFinRetransmissionExperiment(),
    ]

    /// Every experiment name, in teaching order.
    public static let names: [String] = experiments.map(\.name)

    /// The finding keys each experiment reports (every report carries at least these).
    public static let findingKeys: [String: [String]] = Dictionary(
        uniqueKeysWithValues: experiments.map { ($0.name, $0.findingKeys) })

    /// One line saying what the experiment shows (the name itself for an unknown name).
    public static func summary(of name: String) -> String {
        experiment(named: name)?.summary ?? name
    }

    /// The same line as a translatable sentence, keyed `lab.NAME.summary`.
    public static func summaryText(of name: String) -> LabText {
        guard let experiment = experiment(named: name) else { return LabText(verbatim: name) }
        return LabText("lab.\(experiment.name).summary", experiment.summary)
    }

    /// True when the experiment changes sysctls and therefore runs only in a private network namespace.
    public static func changesSysctls(_ name: String) -> Bool {
        experiment(named: name)?.changesSysctls ?? false
    }

    /// The simulator command that shows the same behaviour, for when the live run is impossible.
    public static func simulatorAlternative(of name: String) -> String? {
        experiment(named: name)?.simulatorAlternative
    }

    /// The options the experiment accepts, one `name=VALUE  meaning` line each.
    public static func optionHelp(of name: String) -> [String] {
        experiment(named: name)?.optionHelp ?? []
    }

    static func experiment(named name: String) -> (any Experiment)? {
        experiments.first { $0.name == name.lowercased() }
    }
}

extension ExperimentCatalog {
    /// The scenario (a name in `Lessons/scenarios`) whose simulation the experiment's kernel trace is
    /// compared with, or nil for a kernel-only lab.
    public static func traceScenario(of name: String) -> String? {
        experiment(named: name)?.traceScenario
    }

    /// Why a lab is kernel-only (nil when it has a matching scenario).
    public static func kernelOnlyReason(of name: String) -> String? {
        experiment(named: name)?.kernelOnlyReason?.text
    }

    /// True when every captured connection is compared with the scenario's one connection.
    public static func comparesEveryConnection(_ name: String) -> Bool {
        experiment(named: name)?.comparesEveryConnectionWithTheScenario ?? false
    }

    /// The scenarios captured connection `number` of a lab may match (see `comparesEveryConnection`).
    public static func candidateScenarios(of name: String, connection number: Int, sysctls: [String: String]) -> [String] {
        experiment(named: name)?.candidateScenarios(connection: number, sysctls: sysctls) ?? []
    }

    /// How many captured connections are compared with the scenario (nil: all), and why the rest are not.
    public static func comparedConnections(_ name: String) -> (count: Int, reason: String)? {
        experiment(named: name)?.comparedConnections.map { ($0.count, $0.reason.text) }
    }
}
