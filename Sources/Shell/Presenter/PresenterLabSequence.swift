import Lessons
import TCPModel
import Tutor

/// A step's live experiments run one after the other for the presenter: each one a
/// `PresenterLiveLab` (the presenter's one lab path), the next started once the one before has
/// finished or could not run. Stopping it stops the lab that runs and starts none after it.
///
/// Driven by the presenter's loop, which calls `advance()` on every turn; not shared across threads.
final class PresenterLabSequence {
    /// The step whose experiments these are.
    let step: Int
    /// The experiments, in the order they run.
    let labs: [LabBlock]
    /// The runs so far, in order; the last may still be running.
    private(set) var runs: [PresenterLiveLab] = []
    private var stopped = false
    private let start: (LabBlock) -> PresenterLiveLab

    /// Starts the first of `labs` (of step `step`) at once.
    init(step: Int, labs: [LabBlock], services: TutorServices, scenarios: ScenarioLibrary) {
        self.step = step
        self.labs = labs
        start = { PresenterLiveLab(step: step, lab: $0, services: services, scenarios: scenarios) }
        if let first = labs.first { runs = [start(first)] }
    }

    /// Starts the next experiment when the one before has ended (finished or failed, not stopped).
    /// Returns true when one started.
    @discardableResult
    func advance() -> Bool {
        guard !stopped, runs.count < labs.count, let last = runs.last else { return false }
        switch last.phase {
        case .finished, .failed:
            runs.append(start(labs[runs.count]))
            return true
        case .running, .stopped:
            return false
        }
    }

    /// Whether a lab runs now or one is still to come.
    var isRunning: Bool {
        if runs.last?.isRunning == true { return true }
        guard !stopped, runs.count < labs.count, let last = runs.last else { return false }
        if case .stopped = last.phase { return false }
        return true
    }

    /// Whether every experiment has run (finished or failed); false once stopped.
    var isComplete: Bool { !isRunning && runs.count == labs.count && !wasStopped }

    /// Whether it was stopped (by `q`, Ctrl-C or leaving the step) before all had run.
    var wasStopped: Bool {
        if stopped { return true }
        if let last = runs.last, case .stopped = last.phase { return true }
        return false
    }

    /// Each run so far as the live panel shows it, in order.
    var statuses: [PresenterLivePanel.Status] { runs.map(\.status) }

    /// The live panel: every run so far, the last one (running, or the last that ran) in its headline.
    func panel(theme: PresenterTheme) -> PresenterLivePanel {
        let all = statuses
        var panel = PresenterLivePanel(status: all.last ?? .stopped, theme: theme)
        panel.earlier = Array(all.dropLast())
        panel.total = labs.count
        return panel
    }

    /// Asks the lab that runs to stop; none starts after it.
    func stop() {
        stopped = true
        runs.last?.stop()
    }

    /// Stops and waits until the lab that ran has closed everything.
    func stopAndWait() {
        stopped = true
        for run in runs { run.stopAndWait() }
    }
}
