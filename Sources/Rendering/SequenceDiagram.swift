import TCPModel
import Foundation
/// Draws a run as a text sequence diagram: one line per thing that happened, with the time, the
/// client's lane on the left, segments as arrows in the middle and the server's lane on the right.
public struct SequenceDiagram: Sendable {
    /// Whether ANSI colour is used (failed expectations red, drops and errors highlighted).
    public var color: Bool
    /// Columns the diagram may use (60 to 1000).
    public var width: Int
    /// Whether retransmit-timer starts and cancels are shown (they happen on every send).
    public var showRetransmitTimerChurn: Bool

    public init(color: Bool = false, width: Int = 80, showRetransmitTimerChurn: Bool = false) {
        self.color = color
        self.width = min(1_000, max(60, width))
        self.showRetransmitTimerChurn = showRetransmitTimerChurn
    }

    private let timeWidth = 8
    private let laneWidth = 14
    private var middleWidth: Int { width - timeWidth - 2 * laneWidth - 4 }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func pad(_ text: String, _ count: Int) -> String {
        let length = text.count
        return length >= count ? text : text + String(repeating: " ", count: count - length)
    }

    private func fit(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(max(0, count - 1))) + "…"
    }

    /// Splits text into lines of at most `limit` characters at spaces (a longer word is cut).
    private func wrap(_ text: String, _ limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let piece = fit(String(word), limit)
            if current.isEmpty {
                current = piece
            } else if current.count + 1 + piece.count <= limit {
                current += " " + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `15ms` under a second, `60.015s` from then on.
    public static func time(_ ms: Int64) -> String {
        if ms < 1_000 { return "\(ms)ms" }
        let whole = ms / 1_000, part = ms % 1_000
        let fraction = String(part)
        return "\(whole).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
    }

    private func row(_ ms: Int64?, client: String = "", middle: String = "", server: String = "",
                     clientStyle: String? = nil, middleStyle: String? = nil, serverStyle: String? = nil) -> String {
        let stamp = ms.map { Self.time($0) } ?? ""
        let left = String(repeating: " ", count: max(0, timeWidth - stamp.count)) + stamp
        func styled(_ text: String, _ width: Int, _ style: String?) -> String {
            let cell = pad(fit(text, width), width)
            guard let style, !text.isEmpty else { return cell }
            return paint(cell, style)
        }
        let line = left + "  " + styled(client, laneWidth, clientStyle) + " " + styled(middle, middleWidth, middleStyle)
            + " " + styled(server, laneWidth, serverStyle)
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    private func arrow(_ segment: Segment, lost: Bool) -> String {
        let label = " " + segment.summary + " "
        let room = middleWidth - 2
        let body = fit(label, max(4, room - 2))
        let dashes = max(2, room - body.count)
        let head = dashes / 2, tail = dashes - head
        if segment.from == .client {
            return String(repeating: "─", count: head) + body + String(repeating: "─", count: tail) + (lost ? "✗" : "▶")
        }
        return (lost ? "✗" : "◀") + String(repeating: "─", count: head) + body + String(repeating: "─", count: tail)
    }

    /// An arrow row with notes in the sender's and the receiver's lanes.
    private func annotated(_ ms: Int64, _ segment: Segment, lost: Bool, sender: String, receiver: String,
                           style: String? = nil) -> String {
        let client = segment.from == .client ? sender : receiver
        let server = segment.from == .client ? receiver : sender
        return row(ms, client: client, middle: arrow(segment, lost: lost), server: server, middleStyle: style)
    }

    /// A row with text only in one endpoint's lane; long text spills towards the middle.
    private func lane(_ role: EndpointRole, _ text: String, _ ms: Int64, style: String? = nil) -> String {
        let stamp = Self.time(ms)
        let left = String(repeating: " ", count: max(0, timeWidth - stamp.count)) + stamp + "  "
        let cell = fit(text, width - timeWidth - 2)
        let styled = style.map { paint(cell, $0) } ?? cell
        if role == .client { return left + styled }
        let laneStart = timeWidth + 2 + laneWidth + 1 + middleWidth + 1
        let start = max(timeWidth + 2, min(laneStart, width - cell.count))
        return left + String(repeating: " ", count: start - timeWidth - 2) + styled
    }

    /// The diagram of one run, ending with a summary line.
    public func render(_ result: SimulationResult) -> String {
        var lines: [String] = []
        lines.append(paint(row(nil, client: "client", middle: "segments (profile \(result.profile.rawValue))", server: "server"), "1"))
        lines.append(row(0, client: "CLOSED", server: "LISTEN"))
        for event in result.events {
            let t = event.timeMs
            switch event.kind {
            case .step(let line, let text):
                if text.lowercased().hasPrefix("expect") { continue }
                lines.append(paint(String(repeating: " ", count: timeWidth) + "  " + fit("── line \(line): \(text)", width - timeWidth - 2), "2"))
            case .send(let segment, let again):
                lines.append(annotated(t, segment, lost: false, sender: again ? "retransmit" : "", receiver: ""))
            case .drop(let segment, let reason):
                switch reason {
                case .scenario, .explore:
                    // Mark the send line just printed as lost, in place.
                    let lost = annotated(t, segment, lost: true, sender: "", receiver: reason == .explore ? "✗ lost (explore)" : "✗ lost",
                                         style: "31")
                    let plain = annotated(t, segment, lost: false, sender: "", receiver: "")
                    let again = annotated(t, segment, lost: false, sender: "retransmit", receiver: "")
                    if let last = lines.last, last == plain || last == again {
                        lines[lines.count - 1] = lost
                    } else {
                        lines.append(lost)
                    }
                case .expired:
                    lines.append(annotated(t, segment, lost: true, sender: "", receiver: "✗ copy died", style: "33"))
                }
            case .receive(let segment, let copy):
                if copy {
                    lines.append(annotated(t, segment, lost: false, sender: "", receiver: "old copy!", style: "33"))
                }
            case .state(let role, _, let to):
                lines.append(lane(role, "→ " + to.name, t, style: to == .timeWait ? "36" : "1"))
            case .timer(let role, let kind, let action, let ms):
                if kind == .retransmit && (action == .start || action == .cancel || action == .restart) && !showRetransmitTimerChurn {
                    continue
                }
                let text: String
                switch action {
                case .start: text = "⏱ \(kind.rawValue) \(Self.time(ms))"
                case .restart: text = "⏱ \(kind.rawValue) ↺ \(Self.time(ms))"
                case .cancel: text = "⏱ \(kind.rawValue) off"
                case .expire: text = "⏱ \(kind.rawValue) fires"
                }
                lines.append(lane(role, text, t, style: "2"))
            case .error(let role, let errno):
                lines.append(lane(role, "! " + errno, t, style: "31"))
            case .expect(let line, let text, let passed, let actual):
                let mark = passed ? "✓" : "✗"
                let body = passed ? "\(mark) line \(line): \(text)" : "\(mark) line \(line): \(text) — actually \(actual)"
                for (k, part) in wrap(body, width - timeWidth - 4).enumerated() {
                    lines.append(paint(String(repeating: " ", count: timeWidth) + (k == 0 ? "  " : "    ") + part, passed ? "32" : "1;31"))
                }
            case .note(let role, let text):
                let who = role.map { $0.rawValue + ": " } ?? ""
                for (k, part) in wrap(who + text, width - timeWidth - 4).enumerated() {
                    lines.append(paint(String(repeating: " ", count: timeWidth) + (k == 0 ? "  · " : "    ") + part, "2"))
                }
            }
        }
        let final = EndpointRole.allCases.map { "\($0.rawValue) \(result.final[$0]?.name ?? "CLOSED")" }.joined(separator: ", ")
        let outcome = result.sortedOutcomes.map(\.rawValue).joined(separator: "+")
        let failed = UIText.text("sim.summary.failed", String(result.failures.count))
        var verdict = result.passed ? paint(UIText.text("sim.summary.held"), "32") : paint(failed, "1;31")
        if let reason = result.stopReason {
            verdict = paint(UIText.text("sim.summary.stopped", reason), "1;33")
                + (result.failures.isEmpty ? "" : " · " + paint(failed, "1;31"))
        }
        lines.append(UIText.text("sim.summary", outcome, final, verdict))
        return lines.flatMap { TextWrapper.wrap($0, width: width, hangingIndent: 2) }.joined(separator: "\n") + "\n"
    }

    /// The table of an exploration: one line per outcome class with its count and an example.
    public func render(_ exploration: Exploration, maxLosses: Int) -> String {
        var lines: [String] = []
        if let note = exploration.runLimitNote {
            lines.append("\(exploration.runs) runs, losing up to \(maxLosses) segment(s): " + note)
        } else {
            lines.append("\(exploration.runs) runs, losing up to \(maxLosses) segment(s) in every possible way"
                + (exploration.incomplete ? " (stopped early)" : ""))
        }
        let labelWidth = max(7, exploration.classes.map { $0.label.count }.max() ?? 7)
        lines.append(paint(pad("outcome", labelWidth) + "   runs  example (segments lost → final states)", "1"))
        for item in exploration.classes {
            let lost = item.exampleDropped.isEmpty ? "no loss" : item.exampleDropped.joined(separator: ", ")
            let final = "client \(item.exampleFinal[.client]?.name ?? "?"), server \(item.exampleFinal[.server]?.name ?? "?")"
            let count = String(item.count)
            let style = item.outcomes.contains(.reset) || item.outcomes.contains(.staleData) ? "31" : (item.outcomes == [.clean] ? "32" : "33")
            lines.append(paint(pad(item.label, labelWidth), style) + " " + String(repeating: " ", count: max(0, 6 - count.count))
                + count + "  " + lost + " → " + final)
        }
        return lines.flatMap { TextWrapper.wrap($0, width: width, hangingIndent: labelWidth + 9) }.joined(separator: "\n") + "\n"
    }
}

extension SequenceDiagram {
    /// How the closing summary line starts in the current language (`outcome: `, `结果：`): the
    /// presenter's animation finds that line by it and keeps it for the last frame.
    public static func summaryPrefix(in language: UILanguage = .current) -> String {
        let template = UIText.template("sim.summary", language: language)
        guard let placeholder = template.range(of: "{0}") else { return template }
        return String(template[..<placeholder.lowerBound])
    }

    /// Whether `line` starts the closing summary, in any interface language (colour codes ahead of it
    /// are not expected: the summary line itself is never painted, only its verdict).
    public static func isSummaryLine(_ line: String) -> Bool {
        UILanguage.allCases.contains { line.hasPrefix(summaryPrefix(in: $0)) }
    }
}
