import Testing
@testable import Lessons

/// Issue 12 §2: near misses, numbers as people write them, choices by prefix, and messages that
/// never name a candidate answer.
@Suite("Answers judged fairly")
struct FairAnswerTests {
    private func question(_ prompt: String, kind: AnswerKind, relative: Double? = nil) -> Question {
        Question(id: "l/q", lessonID: "l", kind: .quiz, prompt: prompt, answerKind: kind, source: .key(["x"]),
                 location: SourceLocation(file: "t.md", line: 1, column: 1), relativeTolerance: relative)
    }

    @Test func aFlagSetThatDiffersOnlyInTheAckBitIsANearMissWithTheRule() {
        guard case .nearMiss(let missingAck) = AnswerChecker.check("FIN", against: "FIN|ACK", kind: .flags) else {
            Issue.record("FIN for FIN|ACK should be a near miss"); return
        }
        #expect(missingAck.contains("FIN is right") && missingAck.contains("ACK"))
        guard case .nearMiss(let extraAck) = AnswerChecker.check("rst|ack", against: "RST", kind: .flags) else {
            Issue.record("RST|ACK for RST should be a near miss"); return
        }
        #expect(extraAck.contains("RST is right") && extraAck.contains("3.10.7.1"))
        #expect(AnswerChecker.check("rst", against: "RST|ACK", kind: .flags).costsAttempt == false)
        // Differing in more than the ACK bit stays wrong: ACK alone shares nothing else with FIN|ACK.
        #expect(AnswerChecker.check("ACK", against: "FIN|ACK", kind: .flags) == .wrong)
        #expect(AnswerChecker.check("SYN", against: "FIN|ACK", kind: .flags) == .wrong)
    }

    @Test("numbers as people write them", arguments: [("60k", "60000"), ("96 000", "96000"), ("28,232", "28232"),
                                                     ("0x06", "6"), ("0x176E", "5998"), ("28.2k", "28200")])
    func numberSpellings(_ given: String, _ expected: String) {
        #expect(AnswerChecker.check(given, against: expected, kind: .number(tolerance: 0)) == .correct)
    }

    @Test func unitsOfTimeAreConvertedToTheQuestionsUnit() {
        let minutes = question("How many minutes does TIME_WAIT last?", kind: .number(tolerance: 0))
        #expect(AnswerChecker.check("240 s", question: minutes, expected: "4") == .correct)
        #expect(AnswerChecker.check("4 min", question: minutes, expected: "4") == .correct)
        #expect(AnswerChecker.check("240", question: minutes, expected: "4") == .wrong)
        let seconds = question("How long, in seconds, is it?", kind: .number(tolerance: 0))
        #expect(AnswerChecker.check("4 min", question: seconds, expected: "240") == .correct)
        #expect(AnswerChecker.check("240000 ms", question: seconds, expected: "240") == .correct)
        // A rate "per second" names no unit to convert to.
        #expect(AnswerUnit.asked(by: "About how many connections per second?") == nil)
    }

    @Test func aRelativeToleranceScalesWithTheAnswer() {
        let roughly = question("Roughly how many entries?", kind: .number(tolerance: 0), relative: 0.02)
        #expect(AnswerChecker.check("6100", question: roughly, expected: "6000") == .correct)
        #expect(AnswerChecker.check("6200", question: roughly, expected: "6000") == .wrong)
        #expect(AnswerChecker.check("~120k", question: roughly, expected: "118000") == .correct)
    }

    @Test func choicesByPrefixNumberLetterCaseAndSpacing() {
        let kind = AnswerKind.choice(["incoming", "outgoing", "both"])
        for given in ["out", "OUTGOING", " Outgo ", "2", "b"] {
            #expect(AnswerChecker.check(given, against: "outgoing", kind: kind) == .correct, "\(given)")
        }
        let floods = AnswerKind.choice(["too many TIME_WAIT sockets", "SYN floods filling the listen queue"])
        #expect(AnswerChecker.check("synfloods", against: "SYN floods filling the listen queue", kind: floods) == .correct)
        // One character is a position (number or letter); a prefix needs two.
        #expect(AnswerChecker.check("c", against: "both", kind: kind) == .correct)
        // A prefix shared by two choices is refused without a cost, asking for more letters.
        let errors = AnswerKind.choice(["EADDRINUSE", "EADDRNOTAVAIL"])
        guard case .invalid(let message) = AnswerChecker.check("eaddr", against: "EADDRNOTAVAIL", kind: errors) else {
            Issue.record("an ambiguous prefix is invalid"); return
        }
        #expect(message.contains("more"))
    }

    @Test func theShapeMessagesNameNoCandidateAnswer() {
        let messages: [Verdict] = [
            AnswerChecker.check("banana", against: "TIME_WAIT", kind: .state),
            AnswerChecker.check("", against: "TIME_WAIT", kind: .state),
            AnswerChecker.check("URG", against: "FIN|ACK", kind: .flags),
            AnswerChecker.check("lots", against: "470", kind: .number(tolerance: 0)),
        ]
        for verdict in messages {
            guard case .invalid(let message) = verdict else { Issue.record("\(verdict) should be invalid"); continue }
            for candidate in ["TIME_WAIT", "FIN_WAIT_2", "CLOSE_WAIT", "FIN|ACK", "470"] {
                #expect(!message.contains(candidate), "'\(message)' names \(candidate)")
            }
        }
        #expect(AnswerKind.state.inputHint.contains("_") == false)
    }

    @Test func aMistakeReplyIsFoundForAnySpellingOfItsAnswer() {
        var q = question("What state?", kind: .state)
        q.mistakes = [MistakeReply(answer: "FIN_WAIT_2", reply: "That is where it would be without the FIN.")]
        #expect(q.mistakeReply(for: "fin wait 2")?.reply.hasPrefix("That is where") == true)
        #expect(q.mistakeReply(for: "CLOSED") == nil)
    }
}
