import Rendering

/// The reveal and the lab view with the live kernel: beside the simulation when the terminal is wide
/// enough, otherwise on the pages after it (`[` and `]` turn them).
extension PresenterScreen {
    /// The widths of the simulation's column and the live kernel's column when both fit side by side
    /// (the simulation needs 60 columns, the kernel's panel 46), or nil.
    static func split(columns: Int) -> (left: Int, right: Int)? {
        let available = columns - 4 - 3
        guard available >= 60 + 46 else { return nil }
        // Wide enough for the kernel's and the simulation's segments side by side in the panel too.
        if available >= 150 {
            let right = max(90, available - 110)
            return (available - right, right)
        }
        let left = max(60, available / 2)
        return (left, available - left)
    }

    /// The width the loop draws the animation at: the simulation's column when the live kernel is
    /// beside it, else the body's width (60 to 110 columns).
    static func animationWidth(columns: Int, live: PresenterLivePanel?) -> Int {
        if let live, live.isBeside, let split = split(columns: columns) { return split.left }
        return max(60, min(columns >= 80 ? columns - 4 : columns, 110))
    }

    /// The reveal with the live kernel, `rows` lines.
    func liveRevealBody(rows: Int, live: PresenterLivePanel) -> [String] {
        if live.isBeside, let split = Self.split(columns: columns) {
            var left = self
            left.live = nil
            left.widthOverride = split.left
            let simulation = left.revealBody(rows: rows)
            let kernel = paged(live.lines(width: split.right), rows: rows, width: split.right)
            return (0..<rows).map { index in
                let l = index < simulation.count ? simulation[index] : ""
                let r = index < kernel.count ? kernel[index] : ""
                return DisplayFit.pad(DisplayFit.truncate(l, to: split.left), to: split.left) + " " + theme.paint("│", .quiet) + " " + r
            }
        }
        // One below the other: the simulation on the first page, the kernel on the pages after it.
        // While the segments play, a long reveal may run past its rows: the kernel's line stays.
        let simulation = Array(revealBody(rows: rows - 1).prefix(rows - 1))
        guard live.isResult else { return simulation + [live.headline(width: contentWidth)] }
        // With several labs, each lab's result starts on a page of its own, its title first.
        let kernel = live.isSeveral
            ? live.all.flatMap { chunks(live.single($0).lines(width: contentWidth), rows: rows - 1) }
            : chunks(live.lines(width: contentWidth), rows: rows - 1)
        let pages = [simulation] + kernel
        let page = min(state.page, pages.count - 1)
        return pages[page] + Array(repeating: "", count: max(0, rows - 1 - pages[page].count))
            + [pageLine(page, of: pages.count, live: live)]
    }

    /// The page the live kernel's result starts on in the reveal (nil when it is beside the
    /// simulation or there is no result yet).
    func liveRevealPage() -> Int? {
        guard let live, live.isResult, !(live.isBeside && Self.split(columns: columns) != nil) else { return nil }
        return 1
    }

    /// The lab view (`l`): the narration as it happens, then the kernel's result after it (with
    /// several labs: each lab's narration and result in turn).
    func labBody(rows: Int) -> [String] {
        guard let live else { return [] }
        if live.isSeveral { return severalLabBody(rows: rows, live: live) }
        let text = LabNarrationText(width: contentWidth)
        let narration = live.narration.flatMap { text.lines(for: $0) }
        switch live.status {
        case .finished:
            let pages = chunks(narration + [""] + live.lines(width: contentWidth), rows: rows - 1)
            let page = min(state.page, pages.count - 1)
            guard pages.count > 1 else { return pages[0] }
            return pages[page] + Array(repeating: "", count: max(0, rows - 1 - pages[page].count)) + [pageLine(page, of: pages.count, live: nil)]
        case .failed(let why):
            var out = narration + wrap(UIText.text("present.live.could-not-run", why), indent: 2)
            if let fallback = slide.lab?.fallback { out += wrap(UIText.text("present.live.fallback", fallback.label), indent: 2) }
            return Array(out.suffix(rows))
        default:
            return Array(narration.suffix(rows - 1)) + [live.headline(width: contentWidth)]
        }
    }

    /// The lab view of a step with several labs: each lab's narration, then its result (or why it did
    /// not run), and the line where the first result starts.
    func severalLabLines(live: PresenterLivePanel) -> (lines: [String], firstResult: Int?) {
        let text = LabNarrationText(width: contentWidth)
        var out: [String] = []
        var firstResult: Int?
        for (index, status) in live.all.enumerated() {
            let one = live.single(status)
            if !out.isEmpty { out.append("") }
            out += one.narration.flatMap { text.lines(for: $0) }
            switch status {
            case .finished:
                out.append("")
                if firstResult == nil { firstResult = out.count }
                out += one.lines(width: contentWidth)
            case .failed(let why):
                out += wrap(UIText.text("present.live.could-not-run", why), indent: 2)
                if index < slide.labs.count, let fallback = slide.labs[index].fallback {
                    out += wrap(UIText.text("present.live.fallback", fallback.label), indent: 2)
                }
            case .running:
                break  // The panel's headline, under the narration, says which lab runs.
            default:
                out.append(one.headline(width: contentWidth))
            }
        }
        return (out, firstResult)
    }

    private func severalLabBody(rows: Int, live: PresenterLivePanel) -> [String] {
        let all = severalLabLines(live: live).lines
        // While a lab runs, its latest lines; afterwards, pages.
        if case .running = live.status { return Array(all.suffix(rows - 1)) + [live.headline(width: contentWidth)] }
        let pages = chunks(all, rows: rows - 1)
        let page = min(state.page, pages.count - 1)
        guard pages.count > 1 else { return pages[0] }
        return pages[page] + Array(repeating: "", count: max(0, rows - 1 - pages[page].count)) + [pageLine(page, of: pages.count, live: nil)]
    }

    /// The page of the lab view the kernel's (first) result starts on, once it has finished.
    func labLivePage(rows: Int) -> Int? {
        guard let live, live.isResult else { return nil }
        if live.isSeveral {
            guard let first = severalLabLines(live: live).firstResult else { return nil }
            return first / max(1, rows - 1)
        }
        let text = LabNarrationText(width: contentWidth)
        let narration = live.narration.flatMap { text.lines(for: $0) }
        return (narration.count + 1) / max(1, rows - 1)
    }

    /// `lines` with `[`/`]` pages of `rows - 1` lines and a page line when they do not fit.
    private func paged(_ lines: [String], rows: Int, width: Int) -> [String] {
        guard lines.count > rows else { return lines }
        let pages = chunks(lines, rows: rows - 1)
        let page = min(state.page, pages.count - 1)
        return pages[page] + Array(repeating: "", count: max(0, rows - 1 - pages[page].count))
            + [DisplayFit.truncate(theme.paint(UIText.text("present.live.page", String(page + 1), String(pages.count)), .quiet), to: width)]
    }

    private func chunks(_ lines: [String], rows: Int) -> [[String]] {
        let size = max(1, rows)
        var out = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
        if out.isEmpty { out = [[]] }
        return out
    }

    /// The last line of a page: on the simulation's page the kernel's verdict and where to find the
    /// rest, on the others which page this is.
    private func pageLine(_ page: Int, of count: Int, live: PresenterLivePanel?) -> String {
        if let live, page == 0 {
            let turn = UIText.text("present.live.turn", String(count))
            let headline = live.headline(width: max(10, contentWidth - DisplayWidth.of(turn)))
            return headline + theme.paint(turn, .quiet)
        }
        return DisplayFit.truncate(theme.paint(UIText.text("present.live.page", String(page + 1), String(count)), .quiet), to: contentWidth)
    }
}
