/// Runs scenarios on a virtual clock.
public enum Simulator {
    /// Runs the scenario to its end. `profile` overrides the scenario's own.
    public static func run(_ scenario: Scenario, profile: ProfileName? = nil) -> SimulationResult {
        run(scenario, profile: profile, recordEvents: true)
    }

    /// Runs the scenario; with `recordEvents` false only counts events (faster, for benchmarks).
    /// With `settle` true the run continues after the last step until nothing is scheduled.
    /// `shouldStop` is polled between steps (for Ctrl-C); when it turns true the run ends there.
    public static func run(_ scenario: Scenario, profile: ProfileName? = nil, recordEvents: Bool,
                           settle: Bool = false, shouldStop: () -> Bool = { false }) -> SimulationResult {
        var engine = execute(scenario, profile: profile, recordEvents: recordEvents, drops: [], settle: settle,
                             shouldStop: shouldStop)
        return result(of: &engine)
    }

    /// Runs the scenario losing the transmissions at the given 1-based positions of the run's send
    /// order (positions a `drop` line already took are not counted), then, with `settle`, lets it
    /// run until nothing is scheduled. This is one run of the explorer, with its events recorded.
    public static func run(_ scenario: Scenario, profile: ProfileName? = nil, losing positions: [Int],
                           settle: Bool = true) -> SimulationResult {
        let drops = Array(Set(positions.filter { $0 > 0 })).sorted()
        var engine = execute(scenario, profile: profile, recordEvents: true, drops: drops, settle: settle)
        var result = result(of: &engine)
        result.lost = engine.exploreDropped
        return result
    }

    /// Runs the steps in order, losing the explorable transmissions numbered in `drops`.
    static func execute(_ scenario: Scenario, profile: ProfileName?, recordEvents: Bool, drops: [Int],
                        settle: Bool, shouldStop: () -> Bool = { false }) -> SimulationEngine {
        let chosen = profile ?? scenario.profile
        var engine = SimulationEngine(settings: ProfileSettings(chosen), recordEvents: recordEvents, exploreDrops: drops)
        for step in scenario.steps {
            if shouldStop() { return engine }
            engine.perform(step)
            if engine.workLimitHit { break }
        }
        if settle && !shouldStop() { engine.runUntilIdle() }
        return engine
    }

    /// The outcomes of a finished run (see `Outcome`).
    static func outcomes(of engine: SimulationEngine) -> Set<Outcome> {
        var outcomes: Set<Outcome> = []
        if engine.resetSeen { outcomes.insert(.reset) }
        if engine.timeoutSeen { outcomes.insert(.timeout) }
        if engine.staleSeen { outcomes.insert(.staleData) }
        if engine.endpoints.contains(where: { $0.state != .closed && $0.state != .listen }) { outcomes.insert(.open) }
        if engine.workLimitHit { outcomes.insert(.workLimit) }
        if !outcomes.contains(.reset) && !outcomes.contains(.timeout) && !outcomes.contains(.open)
            && !outcomes.contains(.workLimit) {
            outcomes.insert(.clean)
        }
        return outcomes
    }

    static func result(of engine: inout SimulationEngine) -> SimulationResult {
        var result = SimulationResult(
            profile: engine.settings.profile,
            passed: engine.failures.isEmpty && !engine.workLimitHit,
            outcomes: outcomes(of: engine),
            final: [.client: engine.endpoints[0].state, .server: engine.endpoints[1].state],
            visited: [.client: engine.visited[0], .server: engine.visited[1]],
            sent: [.client: engine.sent[0], .server: engine.sent[1]],
            errors: [.client: engine.errors[0], .server: engine.errors[1]],
            failures: engine.failures)
        result.stopReason = engine.stopReason
        result.events = engine.events
        result.eventCount = engine.eventCount
        result.transmissions = engine.transmissions
        result.losableTransmissions = engine.explorable
        result.endTimeMs = engine.now
        result.settings = engine.settings
        return result
    }
}
