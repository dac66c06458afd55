import Testing
@testable import Lessons

@Suite("AnswerChecker")
struct AnswerCheckerTests {
    @Test("states are accepted in any usual spelling", arguments: ["TIME_WAIT", "time-wait", "TIME-WAIT", "timewait", "time wait", " Time_Wait "])
    func stateSpellings(_ given: String) {
        #expect(AnswerChecker.check(given, against: "TIME_WAIT", kind: .state) == .correct)
    }

    @Test func wrongStateIsWrongAndNonsenseIsInvalid() {
        #expect(AnswerChecker.check("CLOSE_WAIT", against: "TIME_WAIT", kind: .state) == .wrong)
        guard case .invalid(let message) = AnswerChecker.check("banana", against: "TIME_WAIT", kind: .state) else {
            Issue.record("banana should be invalid"); return
        }
        #expect(message.contains("banana"))
        #expect(AnswerChecker.check("", against: "TIME_WAIT", kind: .state) != .correct)
    }

    @Test func stateSequencesCompareInOrder() {
        let expected = "FIN_WAIT_1 FIN_WAIT_2 TIME_WAIT CLOSED"
        #expect(AnswerChecker.check("fin-wait-1 -> fin_wait2 -> time-wait -> closed", against: expected, kind: .state) == .correct)
        #expect(AnswerChecker.check("FIN_WAIT_1, CLOSING, TIME_WAIT, CLOSED", against: expected, kind: .state) == .wrong)
    }

    @Test("flags are accepted in any order and separator", arguments: ["FIN|ACK", "ack|fin", "ACK+FIN", "fin, ack", "FIN ACK", "ack fin"])
    func flagSpellings(_ given: String) {
        #expect(AnswerChecker.check(given, against: "FIN|ACK", kind: .flags) == .correct)
    }

    @Test func flagsMustMatchExactly() {
        // RFC 9293 §3.10.7.1: a CLOSED endpoint answers a segment carrying ACK with a bare RST.
        #expect(AnswerChecker.check("RST", against: "RST", kind: .flags) == .correct)
        #expect(AnswerChecker.check("SYN|ACK", against: "RST", kind: .flags) == .wrong)
        #expect(AnswerChecker.check("ACK", against: "FIN|ACK", kind: .flags) == .wrong)
        if case .invalid = AnswerChecker.check("URG", against: "RST", kind: .flags) {} else {
            Issue.record("URG is not a flag the simulator knows, so it is invalid")
        }
    }

    // 28,232 ports / 60 s ≈ 470 connections per second (fact sheet §31).
    @Test("numbers are read with units and approximation marks", arguments: ["470", "470/s", "~470", "≈ 470", "about 470", "4.7e2", "470 conn/s", "470.0", "+470"])
    func numberSpellings(_ given: String) {
        #expect(AnswerChecker.check(given, against: "470", kind: .number(tolerance: 0)) == .correct)
    }

    @Test func numbersWithinToleranceAndThousandsSeparators() {
        #expect(AnswerChecker.check("28,232", against: "28232", kind: .number(tolerance: 0)) == .correct)
        #expect(AnswerChecker.check("28_232", against: "28232", kind: .number(tolerance: 0)) == .correct)
        #expect(AnswerChecker.check("465", against: "470.533", kind: .number(tolerance: 10)) == .correct)
        #expect(AnswerChecker.check("455", against: "470.533", kind: .number(tolerance: 10)) == .wrong)
        #expect(AnswerChecker.check("0.333", against: "0.333", kind: .number(tolerance: 0)) == .correct)
        #expect(AnswerChecker.check("240", against: "60", kind: .number(tolerance: 1)) == .wrong)
    }

    @Test("text that is not one number is invalid", arguments: ["lots", "470 or 500", "4,7", "1.2.3", "--"])
    func invalidNumbers(_ given: String) {
        if case .invalid = AnswerChecker.check(given, against: "470", kind: .number(tolerance: 0)) {} else {
            Issue.record("'\(given)' should be invalid as a number")
        }
    }

    @Test func choicesIgnoreCaseAndAcceptTheirNumber() {
        let kind = AnswerKind.choice(["client", "server", "both", "neither"])
        #expect(AnswerChecker.check("Client", against: "client", kind: kind) == .correct)
        #expect(AnswerChecker.check("1", against: "client", kind: kind) == .correct)
        #expect(AnswerChecker.check("b", against: "server", kind: kind) == .correct)
        #expect(AnswerChecker.check("server", against: "client", kind: kind) == .wrong)
        if case .invalid = AnswerChecker.check("the kernel", against: "client", kind: kind) {} else {
            Issue.record("an answer outside the choices is invalid, not wrong")
        }
    }

    @Test func textFoldsCaseAndSpaces() {
        #expect(AnswerChecker.check("  Linux   4.12 ", against: "linux 4.12", kind: .text) == .correct)
        #expect(AnswerChecker.check("linux 4.1", against: "linux 4.12", kind: .text) == .wrong)
    }

    @Test func alternativeKeysAreAccepted() {
        let question = Question(id: "l/q", lessonID: "l", kind: .quiz, prompt: "?", answerKind: .text,
                                source: .key(["4.12", "linux 4.12", "v4.12"]),
                                location: SourceLocation(file: "f", line: 1, column: 1))
        #expect(AnswerChecker.check("V4.12", question: question, expected: "4.12") == .correct)
        #expect(AnswerChecker.check("4.10", question: question, expected: "4.12") == .wrong)
    }

    @Test func canonicalNumbersAreGradedCorrect() {
        for value in [470.5333, 60, 0.1, 28232, -3.25, 1e6] {
            let text = AnswerFormatter.number(value)
            #expect(AnswerChecker.check(text, against: text, kind: .number(tolerance: 0)) == .correct, "\(text)")
        }
        #expect(AnswerFormatter.number(28232.0 / 60) == "470.533")
        #expect(AnswerFormatter.number(60) == "60")
    }
}
