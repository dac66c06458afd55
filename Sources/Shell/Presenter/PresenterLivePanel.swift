import Rendering
import SocketLab

/// The live kernel's side of a reveal: the kernel's socket table from the step's lab, its captured
/// segments beside the simulated ones (`TraceDiagramText`), and the one-line verdict — or, when no
/// lab runs, one line saying why while the simulation stands.
struct PresenterLivePanel {
    /// What there is to show.
    enum Status {
        /// The step has no lab.
        case noLab
        /// `--no-live`: the reveal does not run labs.
        case off
        /// The lab of this name is running.
        case running(String, [LabLine])
        case finished(ExperimentReport, [LabLine])
        case failed(String)
        case stopped
    }

    /// The step's last lab so far: the one running, or the last that ran.
    var status: Status
    var theme: PresenterTheme
    /// On a step with several labs, the runs before `status`, in order; each result comes before it.
    var earlier: [Status] = []
    /// How many labs the step has (the headline counts the ones still to come).
    var total = 1

    /// Every run shown, in order.
    var all: [Status] { earlier + [status] }

    /// Whether the panel is a whole result (more than one line): some lab has finished.
    var isResult: Bool { all.contains { if case .finished = $0 { return true } else { return false } } }

    /// Whether the panel takes a column beside the simulation on a wide terminal (a running lab or a
    /// result); otherwise it is one line under it.
    var isBeside: Bool {
        all.contains {
            switch $0 {
            case .running, .finished: return true
            default: return false
            }
        }
    }

    /// Whether the step has several labs (the panel shows each in turn).
    var isSeveral: Bool { total > 1 || !earlier.isEmpty }

    /// The panel of one lab of the step.
    func single(_ status: Status) -> PresenterLivePanel { PresenterLivePanel(status: status, theme: theme) }

    /// What the lab narrated so far.
    var narration: [LabLine] {
        switch status {
        case .running(_, let lines), .finished(_, let lines): return lines
        default: return []
        }
    }

    /// One line that says where the live kernel is: running, not run and why, stopped, or its verdict
    /// (with several labs: each lab's name and mark, in order).
    func headline(width: Int) -> String {
        if isSeveral { return severalHeadline(width: width) }
        let text: String
        switch status {
        case .noLab: text = UIText.text("present.live.no-lab")
        case .off: text = UIText.text("present.live.off")
        case .running(let name, _): text = UIText.text("present.live.running", name)
        case .failed(let why): text = UIText.text("present.live.failed", why)
        case .stopped: text = UIText.text("present.live.stopped")
        case .finished(let report, _): text = UIText.text("present.live.verdict", verdict(report))
        }
        let role: PresenterTheme.Role
        switch status {
        case .failed, .stopped: role = .problem
        case .finished(let report, _): role = report.agreement.map { $0.agree ? .answer : .problem } ?? .emphasis
        default: role = .quiet
        }
        return theme.paint(DisplayFit.truncate(text, to: width), role)
    }

    /// The whole panel at `width` columns: title, verdict, socket table, findings, segments (with
    /// several labs: each lab's, one after the other, a blank line between).
    func lines(width: Int) -> [String] {
        guard isSeveral else { return singleLines(width: width) }
        var out: [String] = []
        for status in all {
            if !out.isEmpty { out.append("") }
            out += single(status).singleLines(width: width)
        }
        return out
    }

    private func severalHeadline(width: Int) -> String {
        var items: [String] = []
        var problem = false, agree = true
        for status in all {
            switch status {
            case .running(let name, _): items.append(UIText.text("present.live.item-running", name)); agree = false
            case .finished(let report, _):
                if let agreement = report.agreement {
                    items.append(report.name + (agreement.agree ? " ✓" : " ≠"))
                    problem = problem || !agreement.agree
                } else {
                    items.append(UIText.text("present.live.item-done", report.name)); agree = false
                }
            case .failed: items.append(UIText.text("present.live.item-failed")); problem = true
            case .stopped: items.append(UIText.text("present.live.item-stopped")); problem = true
            case .noLab, .off: agree = false
            }
        }
        let waiting = total - all.count
        if waiting > 0 { items.append(UIText.text("present.live.item-waiting", String(waiting))); agree = false }
        let text = UIText.text("present.live.verdict", items.joined(separator: " · "))
        let role: PresenterTheme.Role = problem ? .problem : (agree ? .answer : .quiet)
        return theme.paint(DisplayFit.truncate(text, to: width), role)
    }

    private func singleLines(width: Int) -> [String] {
        guard case .finished(let report, let narration) = status else {
            guard case .running(_, let narration) = status else { return [headline(width: width)] }
            // While it runs: the line, then what it has done so far.
            let text = LabNarrationText(width: width)
            return [headline(width: width)] + narration.suffix(4).flatMap { text.lines(for: $0) }
        }
        var out: [String] = []
        // The title and the verdict on one line when they fit, the verdict wrapped under it otherwise.
        let title = UIText.text("present.live.title", report.name)
        let role: PresenterTheme.Role = report.agreement.map { $0.agree ? .answer : .problem } ?? .quiet
        let verdict = verdict(report)
        if DisplayWidth.of(title + verdict) <= width {
            out.append(theme.paint(title, .emphasis) + theme.paint(verdict, role))
        } else {
            out.append(theme.paint(DisplayFit.truncate(title, to: width), .emphasis))
            out += TextWrapper.wrap(verdict, width: width, hangingIndent: 2).map { theme.paint($0, role) }
        }
        let place = "Linux \(report.kernel), \(report.isolation.rawValue.replacingOccurrences(of: "-", with: " "))"
        let narrationText = LabNarrationText(width: width)
        if let table = narration.last(where: { if case .sockets = $0 { return true } else { return false } }) {
            out.append(DisplayFit.truncate(UIText.text("present.live.sockets", place), to: width))
            out += narrationText.lines(for: table)
        } else {
            out.append(DisplayFit.truncate(UIText.text("present.live.kernel", place), to: width))
        }
        // The kernel's segments beside the simulated ones (one below the other when even narrow
        // columns do not fit); the verdict is already at the top.
        var withoutVerdict = report
        withoutVerdict.agreement = nil
        let columns = min(TraceDiagramText.columnWidth, (width - 2) / 2)
        out += TraceDiagramText(width: width, preferredColumnWidth: columns >= 34 ? columns : TraceDiagramText.columnWidth)
            .lines(for: withoutVerdict)
        let findings = report.findings.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.display)" }
        if !findings.isEmpty {
            out += TextWrapper.wrap(UIText.text("present.live.found", findings.joined(separator: " · ")), width: width, hangingIndent: 2)
        }
        return out.map { DisplayFit.truncate($0, to: width) }
    }

    private func verdict(_ report: ExperimentReport) -> String {
        if let agreement = report.agreement {
            return agreement.agree ? UIText.text("present.live.agree")
                                   : UIText.text("present.live.differ", agreement.firstDifference ?? "")
        }
        if report.kernelTrace == nil { return UIText.text("present.live.table-only") }
        return UIText.text("present.live.segments-only")
    }
}
