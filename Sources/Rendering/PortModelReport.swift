import TCPModel
import Foundation

extension PortModel {
    /// The model as text: the arithmetic, the first failure and a bar chart of the TIME_WAIT population.
    /// `width` is clamped like every width (`TerminalSize.clamp`), so no caller can make it trap.
    public func report(width: Int = 80) -> String {
        let width = TerminalSize.clamp(width)
        let result = run()
        func grouped(_ n: Int) -> String {
            let digits = String(n)
            var out = ""
            for (k, ch) in digits.reversed().enumerated() {
                if k > 0 && k % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return String(out.reversed())
        }
        func seconds(_ ms: Int64) -> String {
            ms % 1_000 == 0 ? "\(ms / 1_000) s" : String(Double(ms) / 1_000) + " s"
        }
        func rateText(_ r: Double) -> String {
            if r.isInfinite { return "unlimited" }
            let tenths = Int((r * 10).rounded())
            return tenths % 10 == 0 ? "\(grouped(tenths / 10))/s" : "\(grouped(tenths / 10)).\(tenths % 10)/s"
        }
        var lines: [String] = []
        lines.append("one client → one destination (IP, port); local ports \(firstPort)-\(lastPort) = \(grouped(ports)) ports")
        lines.append("\(rateText(rate)) new connections, each closed first by the client → one TIME_WAIT each, lasting \(seconds(timeWaitMs))")
        if twReuse {
            lines.append("tcp_tw_reuse on: a TIME_WAIT port can be reused \(seconds(portHoldMs)) after it was closed (timestamps needed)")
        } else {
            lines.append("tcp_tw_reuse off here; note Linux's default tcp_tw_reuse 2 reuses TIME_WAIT ports on loopback after 1 s,")
            lines.append("so on loopback this exhaustion shows only with tcp_tw_reuse 0 (fact 42)")
        }
        let holdText = twReuse ? "reuse delay" : "TIME_WAIT"
        lines.append("sustainable rate = ports ÷ \(holdText) = \(grouped(ports)) ÷ \(seconds(portHoldMs)) ≈ \(rateText(sustainableRate))")
        if let first = result.firstFailureMs {
            lines.append("connect() first fails with EADDRNOTAVAIL at t ≈ \(seconds(first)); \(grouped(result.failed)) of \(grouped(result.attempted)) attempts failed in \(seconds(durationMs))")
        } else {
            lines.append("connect() never fails within \(seconds(durationMs)): the rate is sustainable (peak \(grouped(result.peakTimeWait)) in TIME_WAIT)")
        }
        lines.append("TIME_WAIT sockets over time (full bar = \(grouped(ports)) = every port):")
        let barWidth = max(10, width - 26)
        for sample in result.samples {
            let filled = ports == 0 ? 0 : Int((Double(sample.timeWait) / Double(ports) * Double(barWidth)).rounded())
            let label = seconds(sample.timeMs)
            let pad = String(repeating: " ", count: max(0, 8 - label.count))
            let bar = String(repeating: "█", count: min(barWidth, filled)) + String(repeating: "·", count: max(0, barWidth - filled))
            let mark = sample.failedSoFar > 0 ? " !" : ""
            lines.append("\(pad)\(label) \(bar) \(grouped(sample.timeWait))\(mark)")
        }
        if result.failed > 0 { lines.append("  ! = connect() has already failed with EADDRNOTAVAIL by then") }
        return lines.joined(separator: "\n") + "\n"
    }
}
