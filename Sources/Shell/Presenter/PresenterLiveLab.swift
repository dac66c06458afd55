import Foundation
import Lessons
import SocketLab
import TCPModel
import Tutor

/// One run of a step's live experiment for the presenter, on a thread of its own so that the screen
/// keeps drawing and `q` or Ctrl-C stop it at once. It is the one lab path of the presenter: `l`
/// shows its narration, the reveal sets its result beside the simulation.
///
/// The experiment runs through the tutor's services (`ExperimentRunner`: a private network
/// namespace, bounded sockets and seconds), which poll the stop flag every few tens of
/// milliseconds and close everything they opened before they return; `stopAndWait()` waits for that.
final class PresenterLiveLab: @unchecked Sendable {
    /// Where the run is.
    enum Phase: Sendable {
        case running
        /// The experiment finished; the report has the kernel's trace compared with the simulation
        /// where the lab captures one.
        case finished(ExperimentReport)
        /// It could not run here, in one sentence.
        case failed(String)
        /// Stopped by `q`, Ctrl-C or by leaving the step; it cleaned up after itself.
        case stopped
    }

    /// The step whose experiment this is.
    let step: Int
    let lab: LabBlock
    private let lock = NSLock()
    private var currentPhase = Phase.running
    private var narration: [LabLine] = []
    private var stopRequested = false
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    /// Starts `lab` (of step `step`) at once on its own thread.
    init(step: Int, lab: LabBlock, services: TutorServices, scenarios: ScenarioLibrary) {
        self.step = step
        self.lab = lab
        let thread = Thread { [self] in
            let phase: Phase
            do {
                let report = try services.runExperiment(lab.experiment, lab.options,
                                                        { line in self.append(line) },
                                                        { self.shouldStop })
                phase = .finished(report.comparedWithSimulation(scenarios: scenarios))
            } catch let error as ExperimentError where error.interrupted {
                phase = .stopped
            } catch {
                phase = self.shouldStop ? .stopped : .failed(ShellSession.describe(error))
            }
            self.lock.withLock { self.currentPhase = phase }
            self.done.signal()
        }
        thread.name = "twlab-presenter-lab"
        thread.start()
    }

    /// The phase now.
    var phase: Phase { lock.withLock { currentPhase } }

    /// Whether the experiment is still running.
    var isRunning: Bool { if case .running = phase { return true } else { return false } }

    /// The narration so far.
    var lines: [LabLine] { lock.withLock { narration } }

    /// The run as the live panel shows it.
    var status: PresenterLivePanel.Status {
        switch phase {
        case .running: return .running(lab.experiment, lines)
        case .finished(let report): return .finished(report, lines)
        case .failed(let why): return .failed(why)
        case .stopped: return .stopped
        }
    }

    /// Asks the experiment to stop; it notices within a tenth of a second.
    func stop() { lock.withLock { stopRequested = true } }

    /// Asks it to stop and waits until it has closed everything (at most `seconds`; an experiment
    /// answers its stop flag within a tenth of a second, so the bound is only a safety net).
    func stopAndWait(seconds: Double = 5) {
        stop()
        lock.lock()
        let already = joined
        lock.unlock()
        guard !already else { return }
        if done.wait(timeout: .now() + seconds) == .success {
            lock.withLock { joined = true }
        }
    }

    private var shouldStop: Bool {
        InterruptSignal.isRaised || InterruptSignal.terminationRequested || lock.withLock { stopRequested }
    }

    private func append(_ line: LabLine) {
        lock.withLock { narration.append(line) }
    }
}
