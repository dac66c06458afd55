import Foundation
import Testing
import Quiz

/// Golden reports for a right, a wrong, a partial and a broken submission in every format. The files in
/// `Tests/golden/quiz/` were reviewed by hand against the fixture questions (see its README.md).
/// Set `TWLAB_UPDATE_GOLDEN=1` to rewrite them after a deliberate change, then review the diff.
@Suite struct QuizGoldenReportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden/quiz")
    static let extensions: [ReportFormat: String] = [
        .text: "txt", .json: "json", .junit: "xml", .tap: "tap", .gradescope: "gradescope.json", .csv: "csv",
        .prairielearn: "prairielearn.json", .score: "score.txt",
    ]

    static let cases: [(name: String, index: Int)] = [("right", 0), ("wrong", 1), ("partial", 2), ("broken", 3)]

    static func compare(_ actual: String, golden name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TWLAB_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden file")
    }

    @Test(arguments: ReportFormat.allCases)
    func goldenReports(format: ReportFormat) throws {
        let submissions = QuizFixtures.goldenSubmissions()
        for (name, index) in Self.cases {
            let run = QuizFixtures.run([submissions[index]])
            try Self.compare(format.render(run), golden: "\(name).\(Self.extensions[format] ?? "txt")")
        }
    }

    /// The class of four as a gradebook and as one JSON list.
    @Test func goldenClassReports() throws {
        let run = QuizFixtures.run(QuizFixtures.goldenSubmissions())
        try Self.compare(ReportFormat.csv.render(run), golden: "class.csv")
        try Self.compare(ReportFormat.text.render(run), golden: "class.txt")
        #expect(run.exitStatus == 2)
    }

    @Test func goldenPracticeNotice() throws {
        let run = QuizFixtures.run([QuizFixtures.goldenSubmissions()[0]], secret: nil)
        try Self.compare(ReportFormat.text.render(run), golden: "practice.txt")
    }

    @Test func goldenGIFT() throws {
        let export = GIFTExporter(grader: QuizFixtures.grader()).export()
        #expect(export.problems.isEmpty)
        try Self.compare(export.text, golden: "fixture.gift")
    }
}
