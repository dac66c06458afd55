import Foundation

/// Writes the Test Anything Protocol: a version line, one plan, a test point per question (and one for
/// an unusable answers file), each with YAML diagnostics `status`, `got`, `variant` and `points`
/// (`expected` only with `--show-expected`). A missing answer is `not ok`.
///
/// Version 13 is the default because Perl's `prove` (Test::Harness 3.44) treats `TAP version 14` as a
/// parse error; version 14 is available for consumers that want it.
public struct TAPReportWriter: Sendable {
    /// 13 or 14.
    public var version: Int

    /// A writer for TAP version 13 (or 14 when asked).
    public init(version: Int = 13) { self.version = version == 14 ? 14 : 13 }

    /// The report text, ending in a newline.
    public func write(_ run: GradingRun) -> String {
        var points: [String] = []
        var number = 0
        for submission in run.submissions {
            let student = description(submission.student)
            if !submission.isUsable {
                number += 1
                points.append("not ok \(number) - \(student): answers file\n" + diagnostics([
                    ("file", submission.file), ("message", submission.problems.last ?? "the answers file is unusable"),
                ]))
            }
            for result in submission.questions {
                number += 1
                let head: String
                switch result.status {
                case .correct: head = "ok \(number) - \(student): \(description(result.questionID))"
                case .ungradable: head = "ok \(number) - \(student): \(description(result.questionID)) # SKIP \(description(result.message ?? "cannot be graded"))"
                case .wrong, .invalid, .missing: head = "not ok \(number) - \(student): \(description(result.questionID))"
                }
                var fields: [(String, String?)] = [("status", result.status.rawValue)]
                if let expected = run.disclosure.expected(result) { fields.append(("expected", expected)) }
                fields += [
                    ("got", result.given),
                    ("variant", result.variant.id),
                    ("points", "\(QuizText.number(result.points))/\(QuizText.number(result.maxPoints))"),
                ]
                if let message = result.message { fields.append(("message", message)) }
                if let feedback = run.disclosure.feedbackText(result) { fields.append(("feedback", feedback)) }
                points.append(head + "\n" + diagnostics(fields))
            }
        }
        var header = "TAP version \(version)\n1..\(number)\n"
        if run.isPractice { header += "# " + GradingRun.practiceNotice + "\n" }
        for submission in run.submissions {
            for problem in submission.problems { header += "# " + QuizText.visible(problem) + "\n" }
        }
        return header + points.joined()
    }

    /// A YAML block between `  ---` and `  ...`; every value is a double-quoted YAML string (or null).
    private func diagnostics(_ fields: [(String, String?)]) -> String {
        var text = "  ---\n"
        for (key, value) in fields {
            text += "  \(key): " + (value.map(Self.yamlQuoted) ?? "null") + "\n"
        }
        return text + "  ...\n"
    }

    /// A YAML double-quoted scalar with every character YAML may not carry raw written as an escape.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if QuizText.isInvisible(scalar) || scalar.value == 0xFEFF || scalar.value == 0x85 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text safe in a test point's description: one line, `#` and `\` escaped.
    private func description(_ text: String) -> String {
        QuizText.visible(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
    }
}
