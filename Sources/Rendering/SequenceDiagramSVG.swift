import TCPModel

/// Draws a simulation run as an SVG picture for slides: two lifelines, each segment a slanted arrow
/// from its sending time to its arrival time, a red ✗ where a segment was lost, timers as coloured
/// bars along the lifeline, state changes beside it. Written directly, with no outside tool.
public struct SequenceDiagramSVG: Sendable {
    /// The heading at the top, for example the scenario's name.
    public var title: String

    /// Prepares the picture.
    public init(title: String = "") { self.title = title }

    private let width = 820
    private let clientX = 230
    private let serverX = 590
    private let top = 96
    private let rowHeight = 30

    /// The SVG document of one run, ending in a newline.
    public func render(_ result: SimulationResult) -> String {
        let times = Array(Set(result.events.map(\.timeMs))).sorted()
        var row: [Int64: Int] = [:]
        for (index, time) in times.enumerated() { row[time] = index }
        func y(_ time: Int64) -> Int { top + 20 + (row[time] ?? 0) * rowHeight }
        func x(_ role: EndpointRole) -> Int { role == .client ? clientX : serverX }
        let bottom = top + 40 + times.count * rowHeight
        let height = bottom + 50

        var body: [String] = []
        // Time axis labels, once per row.
        for time in times {
            body.append(text(60, y(time) + 4, SequenceDiagram.time(time), anchor: "end", cssClass: "time"))
        }
        // Timers as bars along the lifeline.
        var running: [String: (start: Int64, kind: TimerKind, role: EndpointRole, ms: Int64)] = [:]
        func closeBar(_ key: String, at end: Int64) {
            guard let bar = running.removeValue(forKey: key) else { return }
            let offset = bar.role == .client ? -14 : 6
            let top = y(bar.start), height = max(6, y(end) - y(bar.start))
            body.append("<rect class=\"timer \(bar.kind.rawValue)\" x=\"\(x(bar.role) + offset)\" y=\"\(top)\" width=\"8\" height=\"\(height)\"><title>\(escape("\(bar.kind.rawValue) timer \(SequenceDiagram.time(bar.ms))"))</title></rect>")
            let labelX = bar.role == .client ? x(bar.role) - 20 : x(bar.role) + 20
            body.append(text(labelX, top + 18, "timer \(bar.kind.rawValue) \(SequenceDiagram.time(bar.ms))",
                             anchor: bar.role == .client ? "end" : "start", cssClass: "timerlabel"))
        }
        for event in result.events {
            guard case .timer(let role, let kind, let action, let ms) = event.kind, kind != .retransmit else { continue }
            let key = "\(role.rawValue)-\(kind.rawValue)"
            switch action {
            case .start:
                closeBar(key, at: event.timeMs)
                running[key] = (event.timeMs, kind, role, ms)
            case .restart:
                closeBar(key, at: event.timeMs)
                running[key] = (event.timeMs, kind, role, ms)
            case .cancel, .expire:
                closeBar(key, at: event.timeMs)
            }
        }
        for key in running.keys.sorted() { closeBar(key, at: times.last ?? 0) }

        // Segments, states, errors.
        var arrivals: [Int: Int64] = [:]
        var lost: Set<Int> = []
        for event in result.events {
            switch event.kind {
            case .receive(let segment, let copy) where !copy: arrivals[segment.index] = arrivals[segment.index] ?? event.timeMs
            case .drop(let segment, let reason) where reason != .expired: lost.insert(segment.index)
            default: break
            }
        }
        for event in result.events {
            let t = event.timeMs
            switch event.kind {
            case .send(let segment, let again):
                let x1 = x(segment.from), x2 = x(segment.to), y1 = y(t)
                let label = (again ? "retransmit " : "") + segment.summary
                if lost.contains(segment.index) {
                    let xm = (x1 + x2) / 2, ym = y1 + rowHeight / 2
                    body.append("<line class=\"segment lost\" x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(xm)\" y2=\"\(ym)\"/>")
                    body.append(text(xm, ym + 6, "✗", anchor: "middle", cssClass: "cross"))
                    body.append(text((x1 + xm) / 2, y1 - 5, label + " (lost)", anchor: "middle", cssClass: "label lostlabel"))
                } else {
                    let y2 = arrivals[segment.index].map(y) ?? y1 + rowHeight
                    body.append("<line class=\"segment\" x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" marker-end=\"url(#arrow)\"/>")
                    body.append(text((x1 + x2) / 2, (y1 + y2) / 2 - 5, label, anchor: "middle", cssClass: "label"))
                }
            case .receive(let segment, let copy) where copy:
                let y2 = y(t), y1 = max(top, y2 - rowHeight)
                body.append("<line class=\"segment copy\" x1=\"\(x(segment.from))\" y1=\"\(y1)\" x2=\"\(x(segment.to))\" y2=\"\(y2)\" marker-end=\"url(#arrow)\"/>")
                body.append(text((x(segment.from) + x(segment.to)) / 2, (y1 + y2) / 2 - 5, "old copy: " + segment.summary, anchor: "middle", cssClass: "label copylabel"))
            case .drop(let segment, let reason) where reason == .expired:
                let xm = (x(segment.from) + x(segment.to)) / 2
                body.append(text(xm, y(t) + 4, "✗ delayed copy of \(segment.summary) dies", anchor: "middle", cssClass: "cross small"))
            case .state(let role, _, let to):
                body.append(text(role == .client ? x(role) - 20 : x(role) + 20, y(t) + 4, to.name,
                                 anchor: role == .client ? "end" : "start", cssClass: to == .timeWait ? "state timewait" : "state"))
            case .error(let role, let errno):
                body.append(text(role == .client ? x(role) - 20 : x(role) + 20, y(t) + 4, "! " + errno,
                                 anchor: role == .client ? "end" : "start", cssClass: "error"))
            default:
                continue
            }
        }

        let outcome = result.sortedOutcomes.map(\.rawValue).joined(separator: "+")
        let final = EndpointRole.allCases.map { "\($0.rawValue) \(result.final[$0]?.name ?? "CLOSED")" }.joined(separator: ", ")
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\">",
            "<style>",
            ".label,.state,.timerlabel,.error{paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round}",
            ".title{font-size:18px;font-weight:bold} .time{font-size:12px;fill:#333} .who{font-size:16px;font-weight:bold}",
            ".lifeline{stroke:#000;stroke-width:2} .segment{stroke:#000;stroke-width:2} .lost{stroke:#b00000;stroke-dasharray:6 4}",
            ".copy{stroke:#a05a00;stroke-dasharray:3 3} .label{font-size:12px} .lostlabel{fill:#b00000} .copylabel{fill:#a05a00}",
            ".cross{font-size:22px;fill:#b00000;font-weight:bold} .small{font-size:12px} .state{font-size:13px;font-weight:bold}",
            ".timewait{fill:#005f73} .error{font-size:13px;fill:#b00000;font-weight:bold} .timerlabel{font-size:11px;fill:#333}",
            ".timer{stroke:#000;stroke-width:1} .time-wait{fill:#0a9396} .fin-wait-2{fill:#ee9b00} .retransmit{fill:#999}",
            "</style>",
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>",
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
            text(width / 2, 28, title.isEmpty ? "TCP sequence (profile \(result.profile.rawValue))" : "\(title) (profile \(result.profile.rawValue))", anchor: "middle", cssClass: "title"),
        ]
        for role in EndpointRole.allCases {
            svg.append("<rect x=\"\(x(role) - 50)\" y=\"44\" width=\"100\" height=\"30\" rx=\"6\" fill=\"#f0f0f0\" stroke=\"#000\"/>")
            svg.append(text(x(role), 65, role.rawValue, anchor: "middle", cssClass: "who"))
            svg.append("<line class=\"lifeline\" x1=\"\(x(role))\" y1=\"74\" x2=\"\(x(role))\" y2=\"\(bottom)\"/>")
            svg.append(text(role == .client ? x(role) - 20 : x(role) + 20, top - 6, role == .client ? "CLOSED" : "LISTEN",
                            anchor: role == .client ? "end" : "start", cssClass: "state"))
        }
        svg += body
        svg.append(text(width / 2, bottom + 30, "outcome: \(outcome) · final: \(final)", anchor: "middle", cssClass: "label"))
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    private func text(_ x: Int, _ y: Int, _ content: String, anchor: String, cssClass: String) -> String {
        "<text class=\"\(cssClass)\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(escape(content))</text>"
    }

    /// XML character data: `&`, `<`, `>` and `"` escaped.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
