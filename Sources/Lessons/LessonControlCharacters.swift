/// Control characters in a lesson file: each one is reported (as a warning naming its line and
/// column) and replaced by its visible `\u{…}` form before the lesson is read, so no title, prose,
/// caption or value can send escape sequences to a learner's terminal.
enum LessonControlCharacters {
    /// At most this many lines are reported one by one; the rest are counted in one more warning.
    static let reportedLines = 5

    /// The text with invisible characters made visible (tabs, line feeds and the carriage return of a
    /// CRLF line end stay), and the warnings.
    static func madeVisible(_ text: String, file: String) -> (text: String, diagnostics: [Diagnostic]) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isUnwanted($0) }) else { return (text, []) }
        var out = String.UnicodeScalarView()
        var diagnostics: [Diagnostic] = []
        var line = 1, column = 1, lastReportedLine = 0, extraLines = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                out.append(scalar)
            } else if isUnwanted(scalar) {
                let shown = VisibleText.notation(scalar)
                out.append(contentsOf: shown.unicodeScalars)
                if line != lastReportedLine {
                    lastReportedLine = line
                    if diagnostics.count < reportedLines {
                        diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: line, column: column),
                                                      "control character \(shown) in the text; it is shown as \(shown). Delete it, or write what it should say"))
                    } else {
                        extraLines += 1
                    }
                }
            } else {
                out.append(scalar)
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        if extraLines > 0 {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: lastReportedLine, column: 1),
                                          "\(extraLines) more line(s) hold control characters; they are shown as \\u{…}"))
        }
        return (String(out), diagnostics)
    }

    private static func isUnwanted(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && VisibleText.isInvisible(scalar)
    }
}
