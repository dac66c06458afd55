/// Reruns a scenario under every pattern of lost segments.
///
/// Losses are chosen by position in the run's own send order: the run with losses {i₁ < … < iₖ}
/// is identical to the run with {i₁ … iₖ₋₁} up to transmission iₖ, so extending a loss set only
/// with later positions enumerates every distinct pattern exactly once. Each run continues after
/// its last step until nothing is scheduled, so outcomes describe how things finally ended.
public enum Explorer {
    /// The most runs one exploration makes before it stops and says it explored only the first ones,
    /// so that a long scenario with a large K stays bounded. Every built-in scenario fits at K = 6 (the
    /// largest, wandering-duplicate, needs about 75,000 runs).
    public static let runBudget = 200_000
    /// The most events one exploration processes over all its runs, so that a scenario whose runs
    /// are each long cannot make the run budget take hours; reaching it stops the exploration the
    /// same way as the run budget.
    public static let eventBudget = 100_000_000

    /// Every pattern of up to `maxLosses` lost segments, at most `runBudget` runs.
    public static func explore(_ scenario: Scenario, maxLosses: Int, profile: ProfileName? = nil,
                               runBudget: Int = Explorer.runBudget) -> Exploration {
        explore(scenario, maxLosses: maxLosses, profile: profile, runBudget: runBudget, shouldStop: { false })
    }

    /// Like `explore(_:maxLosses:profile:runBudget:)`, polling `shouldStop` (for Ctrl-C) between runs.
    public static func explore(_ scenario: Scenario, maxLosses: Int, profile: ProfileName?,
                               runBudget: Int = Explorer.runBudget, shouldStop: () -> Bool) -> Exploration {
        var state = ExplorationState(budget: max(1, runBudget))
        var drops: [Int] = []
        visit(scenario, profile: profile, maxLosses: max(0, maxLosses), drops: &drops, state: &state, shouldStop: shouldStop)
        var exploration = Exploration(runs: state.runs, classes: state.order.compactMap { state.classes[$0] }
            .sorted { $0.outcomes.sorted().lexicographicallyPrecedes($1.outcomes.sorted()) })
        exploration.eventCount = state.events
        exploration.incomplete = state.stopped
        exploration.runLimit = state.reachedBudget ? state.budget : nil
        return exploration
    }

    private struct ExplorationState {
        var budget: Int
        var runs = 0
        var events = 0
        var stopped = false
        var reachedBudget = false
        var classes: [Set<Outcome>: OutcomeClass] = [:]
        var order: [Set<Outcome>] = []
    }

    private static func visit(_ scenario: Scenario, profile: ProfileName?, maxLosses: Int, drops: inout [Int],
                              state: inout ExplorationState, shouldStop: () -> Bool) {
        if state.stopped { return }
        if state.runs >= state.budget || state.events >= Self.eventBudget {
            state.budget = state.runs
            state.stopped = true
            state.reachedBudget = true
            return
        }
        // Polled before every run (a closure reading a flag costs nothing next to a run), so Ctrl-C
        // is noticed within one run, not 256.
        if shouldStop() {
            state.stopped = true
            return
        }
        let engine = Simulator.execute(scenario, profile: profile, recordEvents: false, drops: drops, settle: true,
                                       shouldStop: shouldStop)
        // A run cut short by Ctrl-C is not an outcome: leave it out.
        if shouldStop() {
            state.stopped = true
            return
        }
        state.runs += 1
        state.events += engine.eventCount
        let outcomes = Simulator.outcomes(of: engine)
        let final: [EndpointRole: TCPState] = [.client: engine.endpoints[0].state, .server: engine.endpoints[1].state]
        if var existing = state.classes[outcomes] {
            existing.count += 1
            if engine.exploreDropped.count < existing.exampleDropped.count {
                existing.exampleDropped = engine.exploreDropped
                existing.exampleFinal = final
            }
            state.classes[outcomes] = existing
        } else {
            state.classes[outcomes] = OutcomeClass(outcomes: outcomes, count: 1, exampleDropped: engine.exploreDropped,
                                                   exampleFinal: final)
            state.order.append(outcomes)
        }
        guard drops.count < maxLosses else { return }
        let first = (drops.last ?? 0) + 1
        guard first <= engine.explorable else { return }
        for index in first...engine.explorable {
            drops.append(index)
            visit(scenario, profile: profile, maxLosses: maxLosses, drops: &drops, state: &state, shouldStop: shouldStop)
            drops.removeLast()
            if state.stopped { return }
        }
    }
}
