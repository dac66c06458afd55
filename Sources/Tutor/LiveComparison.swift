import Rendering
import SocketLab

/// Sets what a live experiment found beside the learner's prediction and the simulation, and says
/// where the model and the kernel differ.
public struct LiveComparison: Sendable {
    /// The finding the question was about, when a question names one.
    public var finding: String?
    public var prediction: String?
    public var simulated: String?
    public var report: ExperimentReport

    /// How far apart two numbers may be and still agree (the question's tolerance); numbers also
    /// agree within 5 %, since a live timer has always run a little.
    public var tolerance: Double
    /// Further predictions of the lesson that the same experiment measured, each set side by side too.
    public var others: [Row]

    /// One more prediction to set beside what the kernel found.
    public struct Row: Sendable {
        public var finding: String
        public var prediction: String?
        public var simulated: String?
        public var tolerance: Double

        /// A prediction about `finding`, with the learner's answer and the simulation's.
        public init(finding: String, prediction: String?, simulated: String?, tolerance: Double = 0) {
            self.finding = finding; self.prediction = prediction; self.simulated = simulated; self.tolerance = tolerance
        }
    }

    public init(finding: String?, prediction: String?, simulated: String?, report: ExperimentReport,
                tolerance: Double = 0, others: [Row] = []) {
        self.finding = finding; self.prediction = prediction; self.simulated = simulated; self.report = report
        self.tolerance = tolerance; self.others = others.filter { $0.finding != finding }
    }

    /// The comparison as tutor lines.
    public var lines: [TutorLine] {
        // The lab's narration has already printed every finding once; with no prediction to set beside
        // them there is nothing to add but the note on timers.
        let keys = report.findings.keys.sorted()
        var out: [TutorLine] = finding == nil && others.isEmpty ? []
            : [.heading(UIText.text("live.heading", report.isolation.rawValue, report.name))]
        if let finding {
            out += sideBySide(Row(finding: finding, prediction: prediction, simulated: simulated, tolerance: tolerance))
        }
        var shown: Set<String> = finding.map { [$0] } ?? []
        for row in others where shown.insert(row.finding).inserted {
            out += sideBySide(row)
        }
        if keys.contains(where: { $0.hasSuffix("timer_ms") }) {
            out.append(.note(UIText.text("live.timers")))
        }
        return out
    }

    /// ` (≈60 s)` after a finding in milliseconds, else nothing.
    static func seconds(key: String, value: Finding) -> String {
        guard key.hasSuffix("_ms"), case .number(let ms) = value, ms.isFinite, abs(ms) < 1e15 else { return "" }
        return " (≈\(AnswerVocabulary.format((ms / 1000).rounded())) s)"
    }

    private func sideBySide(_ row: Row) -> [TutorLine] {
        let kernel = report.findings[row.finding]?.display
        var out: [TutorLine] = [.plain(UIText.text("live.side-by-side", row.finding))]
        out.append(.diagram(UIText.text("live.row.prediction", row.prediction ?? UIText.text("live.none"))))
        out.append(.diagram(UIText.text("live.row.simulation", row.simulated ?? UIText.text("live.not-simulated"))))
        out.append(.diagram(UIText.text("live.row.kernel", kernel ?? UIText.text("live.not-reported"))))
        if let kernel, let simulated = row.simulated {
            if Self.same(kernel, simulated, tolerance: row.tolerance) {
                out.append(.success(UIText.text("live.agree")))
            } else {
                out.append(.note(UIText.text("live.differ", simulated, kernel)))
            }
        }
        return out
    }

    static func same(_ a: String, _ b: String, tolerance: Double = 0) -> Bool {
        if let x = Double(a), let y = Double(b) {
            return abs(x - y) <= max(tolerance, 0.05 * max(abs(x), abs(y)))
        }
        func fold(_ s: String) -> String { s.uppercased().filter { !" _-".contains($0) } }
        return fold(a) == fold(b)
    }
}
