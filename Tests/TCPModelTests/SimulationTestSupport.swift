import Foundation
import TCPModel

/// Runs scenario text (lines joined by newlines) and returns the result.
func simulate(_ lines: String..., profile: ProfileName? = nil) throws -> SimulationResult {
    try Simulator.run(Scenario.parse(lines.joined(separator: "\n"), source: "test"), profile: profile)
}

/// Runs scenario lines and returns the result.
func simulate(_ lines: [String], profile: ProfileName? = nil) throws -> SimulationResult {
    try Simulator.run(Scenario.parse(lines.joined(separator: "\n"), source: "test"), profile: profile)
}

/// The repository's `Lessons/scenarios` folder.
let scenariosDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Lessons/scenarios")

/// The built-in scenario library of the repository (read here: the simulator itself reads no files).
let builtins: ScenarioLibrary = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? []
    var texts: [String: String] = [:]
    for file in files where file.hasSuffix(".twsim") {
        let data = FileManager.default.contents(atPath: scenariosDirectory.appendingPathComponent(file).path) ?? Data()
        texts[String(file.dropLast(6))] = String(decoding: data, as: UTF8.self)
    }
    return ScenarioLibrary(texts: texts, location: scenariosDirectory.path)
}()

extension SimulationResult {
    /// Every segment sent, in order, with the time it left.
    var sentSegments: [(t: Int64, segment: Segment, retransmission: Bool)] {
        events.compactMap { event in
            if case .send(let segment, let again) = event.kind { return (event.timeMs, segment, again) }
            return nil
        }
    }

    /// The notes the run recorded, in order.
    var notes: [String] {
        events.compactMap { event in
            if case .note(_, let text) = event.kind { return text }
            return nil
        }
    }

    /// Segments one endpoint sent.
    func segments(from role: EndpointRole) -> [Segment] {
        sentSegments.map(\.segment).filter { $0.from == role }
    }

    /// Timer events of one endpoint: (time, timer, action, ms).
    func timers(_ role: EndpointRole) -> [(t: Int64, kind: TimerKind, action: TimerAction, ms: Int64)] {
        events.compactMap { event in
            if case .timer(let who, let kind, let action, let ms) = event.kind, who == role {
                return (event.timeMs, kind, action, ms)
            }
            return nil
        }
    }

    /// When the endpoint entered a state, in order.
    func entries(_ role: EndpointRole, into state: TCPState) -> [Int64] {
        events.compactMap { event in
            if case .state(let who, _, let to) = event.kind, who == role, to == state { return event.timeMs }
            return nil
        }
    }

    /// Segments that arrived at `role`, in order.
    func received(by role: EndpointRole) -> [(t: Int64, segment: Segment, copy: Bool)] {
        events.compactMap { event in
            if case .receive(let segment, let copy) = event.kind, segment.to == role { return (event.timeMs, segment, copy) }
            return nil
        }
    }
}

/// A segment the way tcpdump shows it with relative numbers (`-S` off): `server F. 1:1 ack 102`.
/// With `set isn client 0` and `set isn server 0` the model's numbers are the relative ones.
func tcpdump(_ segment: Segment) -> String {
    var flags = ""
    if segment.flags.contains(.syn) { flags += "S" }
    if segment.flags.contains(.fin) { flags += "F" }
    if segment.flags.contains(.rst) { flags += "R" }
    if segment.flags.contains(.psh) { flags += "P" }
    if segment.flags.contains(.ack) { flags += "." }
    var text = "\(segment.from.rawValue) \(flags) \(segment.seq):\(segment.seq &+ UInt32(segment.length))"
    if segment.flags.contains(.ack) { text += " ack \(segment.ack)" }
    return text
}

extension SimulationResult {
    /// Every segment sent, in tcpdump's notation.
    var trace: [String] { sentSegments.map { tcpdump($0.segment) } }
}
