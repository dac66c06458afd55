import Quiz
import Rendering

/// The text report's words (`TextReportWords`) in an interface language, from the `quiz.report.*`
/// interface strings; status labels padded to one display width, so the ids line up in Chinese too.
enum QuizReportWords {
    /// The words for `language`; English gives exactly `TextReportWords.english`.
    static func make(_ language: UILanguage) -> TextReportWords {
        let t = { (key: String) in UIText.template("quiz.report." + key, language: language) }
        var words = TextReportWords()
        words.submission = t("submission"); words.pass = t("pass"); words.fail = t("fail")
        words.unusable = t("unusable"); words.notePrefix = t("note-prefix"); words.practiceNotice = t("practice")
        words.problemPrefix = t("problem-prefix"); words.classLine = t("class")
        let statuses = ["correct", "wrong", "missing", "invalid", "skipped"].map(t)
        let column = max(statuses.map(DisplayWidth.of).max() ?? 0, 7) + 1
        let padded = statuses.map { $0 + String(repeating: " ", count: column - DisplayWidth.of($0)) }
        (words.correct, words.wrong, words.missing, words.invalid, words.skipped) = (padded[0], padded[1], padded[2], padded[3], padded[4])
        words.gave = t("gave"); words.nothing = t("nothing"); words.noAnswer = t("no-answer")
        words.expectedAfterAnswer = t("expected-after-answer"); words.expectedAfterNone = t("expected-after-none")
        words.variant = t("variant"); words.notAnAnswer = t("not-an-answer"); words.cannotBeGraded = t("cannot-be-graded")
        words.onlyLine = t("only"); words.onlyPass = t("only-pass"); words.onlyFail = t("only-fail")
        words.onlyNotGraded = t("only-not-graded")
        return words
    }
}
