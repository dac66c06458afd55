import TCPModel

/// Writes a simulation run as a Mermaid `sequenceDiagram`: the two endpoints as participants, each
/// segment as a message (`-x` when it was lost), state changes, timers and errors as notes.
public struct SequenceDiagramMermaid: Sendable {
    /// A comment line at the top, for example the scenario's name.
    public var title: String
    /// Whether retransmit-timer starts and cancels are shown (they happen on every send).
    public var showRetransmitTimerChurn: Bool

    /// Prepares the text.
    public init(title: String = "", showRetransmitTimerChurn: Bool = false) {
        self.title = title; self.showRetransmitTimerChurn = showRetransmitTimerChurn
    }

    /// The Mermaid source of one run, ending in a newline.
    public func render(_ result: SimulationResult) -> String {
        func id(_ role: EndpointRole) -> String { role == .client ? "C" : "S" }
        func side(_ role: EndpointRole) -> String { role == .client ? "left of C" : "right of S" }
        var lines = ["sequenceDiagram"]
        if !title.isEmpty { lines.append("    %% \(title.replacingOccurrences(of: "\n", with: " "))") }
        lines += ["    participant C as client", "    participant S as server",
                  "    Note over C,S: profile \(result.profile.rawValue)",
                  "    Note left of C: CLOSED", "    Note right of S: LISTEN"]
        let time = SequenceDiagram.time
        for event in result.events {
            let t = time(event.timeMs)
            switch event.kind {
            case .send(let segment, let again):
                let lost = result.events.contains { other in
                    if case .drop(let dropped, let reason) = other.kind, reason != .expired, dropped.index == segment.index { return true }
                    return false
                }
                let arrow = lost ? "-x" : "->>"
                let text = (again ? "retransmit " : "") + segment.summary + " (\(t))" + (lost ? " lost" : "")
                lines.append("    \(id(segment.from))\(arrow)\(id(segment.to)): \(MermaidText.escape(text))")
            case .receive(let segment, let copy):
                if copy {
                    lines.append("    \(id(segment.from))-->>\(id(segment.to)): \(MermaidText.escape("old copy of \(segment.summary) arrives (\(t))"))")
                }
            case .drop(let segment, let reason):
                if reason == .expired {
                    lines.append("    \(id(segment.from))--x\(id(segment.to)): \(MermaidText.escape("delayed copy of \(segment.summary) dies (\(t))"))")
                }
            case .state(let role, _, let to):
                lines.append("    Note \(side(role)): \(MermaidText.escape("\(t) → \(to.name)"))")
            case .timer(let role, let kind, let action, let ms):
                if kind == .retransmit && action != .expire && !showRetransmitTimerChurn { continue }
                let what: String
                switch action {
                case .start: what = "\(kind.rawValue) timer \(time(ms))"
                case .restart: what = "\(kind.rawValue) timer restarts, \(time(ms))"
                case .cancel: what = "\(kind.rawValue) timer off"
                case .expire: what = "\(kind.rawValue) timer fires"
                }
                lines.append("    Note \(side(role)): \(MermaidText.escape("\(t) \(what)"))")
            case .error(let role, let errno):
                lines.append("    Note \(side(role)): \(MermaidText.escape("\(t) error \(errno)"))")
            case .expect(let line, let text, let passed, let actual):
                let body = passed ? "✓ line \(line): \(text)" : "✗ line \(line): \(text) — actually \(actual)"
                lines.append("    Note over C,S: \(MermaidText.escape(body))")
            case .step, .note:
                continue
            }
        }
        let outcome = result.sortedOutcomes.map(\.rawValue).joined(separator: "+")
        lines.append("    Note over C,S: \(MermaidText.escape("outcome \(outcome)"))")
        return lines.joined(separator: "\n") + "\n"
    }
}
