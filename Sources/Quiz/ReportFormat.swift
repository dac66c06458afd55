/// The report formats `twlab quiz grade` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable summary for a terminal.
    case text
    /// One object per student (a list for several).
    case json
    /// JUnit XML for GitLab, Jenkins and other CI servers.
    case junit
    /// The Test Anything Protocol with YAML diagnostics.
    case tap
    /// Gradescope's `results.json` for one submission.
    case gradescope
    /// A gradebook: one row per student, one column per question.
    case csv
    /// PrairieLearn's external-grader `results.json` for one submission.
    case prairielearn
    /// One line per file, `twlab score: 0.83`, for graders that read a score from standard output.
    case score

    /// Renders the run in this format; `words` are the text report's (the other formats are for programs).
    public func render(_ run: GradingRun, tapVersion: Int = 13, words: TextReportWords = .english) -> String {
        switch self {
        case .text: return TextReportWriter(words: words).write(run)
        case .json: return JSONReportWriter().write(run)
        case .junit: return JUnitReportWriter().write(run)
        case .tap: return TAPReportWriter(version: tapVersion).write(run)
        case .gradescope: return GradescopeReportWriter().write(run)
        case .csv: return CSVGradebookWriter().write(run)
        case .prairielearn: return PrairieLearnReportWriter().write(run)
        case .score: return ScoreLineWriter().write(run)
        }
    }
}
