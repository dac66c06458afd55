/// Writes a gradebook as CSV (RFC 4180): one row per answers file with the student, the points of each
/// question, the total, the maximum, the file and the variants.
public struct CSVGradebookWriter: Sendable {
    /// A gradebook writer.
    public init() {}

    /// The gradebook text, with CRLF line ends as RFC 4180 asks.
    public func write(_ run: GradingRun) -> String {
        var rows: [[String]] = [["student"] + run.questionIDs + ["total", "max_score", "file", "variants", "notes"]]
        for submission in run.submissions {
            let byID = Dictionary(submission.questions.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
            let cells = run.questionIDs.map { id -> String in
                guard let result = byID[id], result.counts else { return "" }
                return QuizText.number(result.points)
            }
            let variants = submission.questions.map { "\($0.questionID)=\($0.variant.id)" }.joined(separator: " ")
            rows.append([Self.neutralised(submission.student)] + cells
                        + [QuizText.number(submission.score), QuizText.number(submission.maxScore),
                           Self.neutralised(submission.file), variants, submission.notes.joined(separator: " ")])
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break, with quotes doubled.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Student-controlled text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
    /// carriage return first) gets a leading apostrophe; control characters are made visible.
    static func neutralised(_ text: String) -> String {
        let shown = QuizText.visible(text)
        guard let first = text.unicodeScalars.first else { return shown }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + shown : shown
    }
}
