import Foundation

/// The words of the text report (`quiz grade`, `--format text`) and of `--only`'s lines: templates with
/// `{0}`, `{1}`… for the values. `english` is the default; the command fills a translation from the
/// interface strings. Machine formats never use these.
public struct TextReportWords: Sendable, Equatable {
    /// `{0}` student, `{1}` file, `{2}` score, `{3}` maximum, `{4}` percent, `{5}` verdict.
    public var submission = "{0} ({1}): {2}/{3} ({4}%) {5}"
    public var pass = "pass"
    public var fail = "FAIL"
    public var unusable = "answers file unusable; every question counts as missing"
    /// Before the practice notice, which follows it.
    public var notePrefix = "Note: "
    public var practiceNotice = GradingRun.practiceNotice
    /// Before a problem with a file.
    public var problemPrefix = "note: "
    /// `{0}` files, `{1}` passed, `{2}` the pass mark in percent.
    public var classLine = "{0} answers files, {1} passed (pass mark {2}%)"
    /// Each status label padded to the same display width (the report's column).
    public var correct = "ok      ", wrong = "wrong   ", missing = "missing ", invalid = "invalid ", skipped = "skipped "
    /// `{0}` the answer given.
    public var gave = "gave {0}"
    public var nothing = "nothing"
    public var noAnswer = "no answer"
    /// `{0}` the expected answer: after a given answer, and after a missing or invalid one.
    public var expectedAfterAnswer = ", expected {0}", expectedAfterNone = "; expected {0}"
    /// `{0}` the variant id, in parentheses at the end of a question's line (with the blank before it).
    public var variant = " (variant {0})"
    public var notAnAnswer = "not an answer", cannotBeGraded = "cannot be graded"
    /// `--only`: `{0}` student, `{1}` question, `{2}` verdict, `{3}` points, `{4}` maximum.
    public var onlyLine = "{0} {1}: {2} {3}/{4}"
    public var onlyPass = "pass", onlyFail = "fail", onlyNotGraded = "not graded"

    /// The English words, as the report has always read.
    public static let english = TextReportWords()

    /// English words, to be changed field by field.
    public init() {}

    /// The template with `{0}`, `{1}`… replaced by `values`.
    public static func fill(_ template: String, _ values: String...) -> String {
        var text = template
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: value) }
        return text
    }
}
