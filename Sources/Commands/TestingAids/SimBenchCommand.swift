#if TWLAB_TESTING_AIDS
import ArgumentParser
import Foundation
import Lessons
import TCPModel

/// `twlab _sim-bench SCENARIO [--explore K]`: runs a scenario (or its exploration) repeatedly and reports
/// events per second for `make bench`. Built only with `-DTWLAB_TESTING_AIDS` (`make test`, `make bench`),
/// never into the shipped program.
public struct SimBenchCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(commandName: "_sim-bench", abstract: "Simulator speed (testing aid).",
                                                           shouldDisplay: false)

    @Argument var scenario: String
    @Option var explore: Int?
    @Option var lessons: String?

    public func run() throws {
        let library = ScenarioLibrary(directory: LessonsFolder.scenarios(explicit: lessons))
        let loaded = try library.resolve(scenario) { path in FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        if let explore {
            var exploration = Exploration(runs: 0, classes: [])
            let elapsed = seconds(clock.measure { exploration = Explorer.explore(loaded, maxLosses: explore) })
            print("explore \(explore): \(exploration.runs) runs, \(exploration.eventCount) events in \(String(format: "%.3f", elapsed)) s = \(Int(Double(exploration.eventCount) / max(elapsed, 1e-9))) events/s")
            return
        }
        var events = 0, runs = 0
        let start = clock.now
        while clock.now - start < .seconds(1) {
            for _ in 0..<100 {
                events += Simulator.run(loaded, recordEvents: false).eventCount
                runs += 1
            }
        }
        let elapsed = seconds(clock.now - start)
        print("\(runs) runs, \(events) events in \(String(format: "%.3f", elapsed)) s = \(Int(Double(events) / elapsed)) events/s")
    }
}
#endif
