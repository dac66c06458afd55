import Foundation

/// Writes one machine-readable line per answers file, `twlab score: 0.83` (the fraction of the points,
/// two decimals), for graders that capture a score from standard output with a pattern such as
/// `twlab score: ([0-9.]+)`. With several files each line ends with the student id in parentheses.
public struct ScoreLineWriter: Sendable {
    /// A score line writer.
    public init() {}

    /// The lines, each ending in a newline.
    public func write(_ run: GradingRun) -> String {
        run.submissions.map { submission in
            let fraction = String(format: "%.2f", min(max(submission.fraction, 0), 1))
            let who = run.submissions.count > 1 ? " (" + QuizText.visible(submission.student) + ")" : ""
            return "twlab score: \(fraction)\(who)\n"
        }.joined()
    }
}
