import Foundation
import Testing
import Quiz
@testable import Lessons

/// Moodle GIFT details, with expectations written from the GIFT format rules: `~ = # { } :` and the
/// backslash are escaped with a backslash, a line break inside a question is `\n`, text stays UTF-8.
@Suite struct QuizGIFTTests {
    func export(_ question: Question) -> String {
        let grader = QuizGrader(questions: [question], generator: VariantGenerator(secret: nil), authority: QuizFixtures.authority)
        return GIFTExporter(grader: grader).export().text
    }

    @Test func specialCharactersAreEscaped() {
        let question = QuizFixtures.question("special", prompt: "Is `a:b` {x} = ~y #z \\ ok?\nSecond line 时间",
                                             answer: .choice(["true", "false"]), source: .key(["true"]))
        #expect(export(question).contains("::01-close/special::[markdown]Is `a\\:b` \\{x\\} \\= \\~y \\#z \\\\ ok?\\nSecond line 时间 {T}\n"))
    }

    @Test func numericalCarriesTheTolerance() {
        let question = QuizFixtures.question("wait", prompt: "How many seconds does Linux keep TIME_WAIT?",
                                             answer: .number(tolerance: 5), source: .key(["60"]), explain: "TCP_TIMEWAIT_LEN is 60 s.")
        #expect(export(question).contains("{#60:5\n\t####TCP_TIMEWAIT_LEN is 60 s.\n}"))
    }

    /// /proc/net/tcp writes TIME_WAIT as the two hex digits `06`; a GIFT numerical answer `{#6}` would
    /// drop the leading zero, so the export is short answer with the exact text (and the plain 6).
    @Test func leadingZeroNumberKeepsItsSpellingAsShortAnswer() {
        let question = QuizFixtures.question("st-code", prompt: "Which st code does /proc/net/tcp show for TIME_WAIT?",
                                             answer: .number(tolerance: 0), source: .key(["06"]), explain: "06 is TIME_WAIT.")
        let text = export(question)
        #expect(text.contains("TIME_WAIT? {=06 =6\n\t####06 is TIME_WAIT.\n}"))
        #expect(!text.contains("{#"))
    }

    /// LISTEN is `0A` in /proc/net/tcp: hex digits are kept as typed, with no decimal alternative.
    @Test func hexNumberIsShortAnswerWithItsExactText() {
        let question = QuizFixtures.question("listen-code", prompt: "Which st code means LISTEN?",
                                             answer: .number(tolerance: 0), source: .key(["0A"]))
        #expect(export(question).hasSuffix("Which st code means LISTEN? {=0A}\n"))
    }

    /// Zero itself and decimal fractions such as 0.5 have no leading zero to lose: still numerical.
    @Test func zeroAndFractionsStayNumerical() {
        let zero = QuizFixtures.question("zero", prompt: "How many?", answer: .number(tolerance: 0), source: .key(["0"]))
        let half = QuizFixtures.question("half", prompt: "How much?", answer: .number(tolerance: 0), source: .key(["0.5"]))
        #expect(export(zero).contains("How many? {#0:0}"))
        #expect(export(half).contains("How much? {#0.5:0}"))
    }

    @Test func falseChoiceIsF() {
        let question = QuizFixtures.question("tf", prompt: "Does tcp_fin_timeout shorten TIME_WAIT?",
                                             answer: .choice(["True", "False"]), source: .key(["False"]))
        #expect(export(question).hasSuffix("::01-close/tf::[markdown]Does tcp_fin_timeout shorten TIME_WAIT? {F}\n"))
    }

    @Test func multipleChoiceHasOneRightAnswer() {
        let question = QuizFixtures.question("who", prompt: "Who waits?", answer: .choice(["client", "server", "both", "neither"]),
                                             source: .key(["client"]))
        let text = export(question)
        #expect(text.contains("{\n\t=client\n\t~server\n\t~both\n\t~neither\n}"))
        #expect(text.components(separatedBy: "\n\t=").count == 2)
    }

    @Test func textKeyBecomesShortAnswerWithEveryAcceptedSpelling() {
        let question = QuizFixtures.question("sysctl", prompt: "Which sysctl lets outgoing connections reuse TIME_WAIT ports?",
                                             answer: .text, source: .key(["net.ipv4.tcp_tw_reuse", "tcp_tw_reuse"]))
        #expect(export(question).contains("{=net.ipv4.tcp_tw_reuse =tcp_tw_reuse}"))
    }
}
