import Foundation
import Testing
@testable import Lessons

/// A hint or a prompt must not name the question's answer (DESIGN.md, "Teaching, not telling").
/// The expectations follow the rule itself: a whole word, states in any spelling, the same number.
@Suite("Hints that give the answer away")
struct AnswerGiveawayTests {
    @Test func statesAreRecognisedInAnySpelling() {
        for text in ["Then it sits in TIME_WAIT.", "time-wait, of course", "It waits in time wait.", "TIMEWAIT!"] {
            #expect(AnswerGiveaway.reveals(text, answer: "TIME_WAIT", kind: .state), "\(text)")
        }
        #expect(AnswerGiveaway.reveals("It is in fin wait 2 now.", answer: "FIN_WAIT_2", kind: .state))
        #expect(AnswerGiveaway.reveals("By then the socket is closed.", answer: "CLOSED", kind: .state))
        #expect(AnswerGiveaway.reveals("the close wait state", answer: "CLOSE_WAIT", kind: .state))
        #expect(AnswerGiveaway.reveals("It waits for the last ACK.", answer: "LAST_ACK", kind: .state))
    }

    @Test func otherStatesAndTheVerbCloseAreNotTheAnswer() {
        #expect(!AnswerGiveaway.reveals("It passed through FIN_WAIT_1.", answer: "FIN_WAIT_2", kind: .state))
        #expect(!AnswerGiveaway.reveals("The server calls close() first.", answer: "CLOSED", kind: .state))
        #expect(!AnswerGiveaway.reveals("Which side waits for the final acknowledgement?", answer: "LAST_ACK", kind: .state))
        #expect(!AnswerGiveaway.reveals("The time-wait-side observable", answer: "TIME_WAIT", kind: .state))
    }

    @Test func numbersMustBeTheSameNumber() {
        #expect(AnswerGiveaway.reveals("Each entry lives for 60 s.", answer: "60", kind: .number(tolerance: 1)))
        #expect(AnswerGiveaway.reveals("There are 28,232 of them.", answer: "28232", kind: .number(tolerance: 0)))
        #expect(AnswerGiveaway.reveals("It reads 06.", answer: "6", kind: .number(tolerance: 0)))
        #expect(!AnswerGiveaway.reveals("0x176E is the timer.", answer: "0", kind: .number(tolerance: 0)))
        #expect(!AnswerGiveaway.reveals("About 600 entries.", answer: "60", kind: .number(tolerance: 0)))
        #expect(!AnswerGiveaway.reveals("A 4.x release.", answer: "4", kind: .number(tolerance: 0)))
    }

    @Test func flagsInAnyOrder() {
        #expect(AnswerGiveaway.reveals("It sends ACK|RST.", answer: "RST|ACK", kind: .flags))
        #expect(AnswerGiveaway.reveals("a bare FIN", answer: "FIN", kind: .flags))
        #expect(!AnswerGiveaway.reveals("a bare FIN", answer: "FIN|ACK", kind: .flags))
    }

    @Test func choicesAndTextAsWholeWords() {
        let roles = AnswerKind.choice(["client", "server", "both", "neither"])
        #expect(AnswerGiveaway.reveals("It is the Client, of course.", answer: "client", kind: roles))
        #expect(!AnswerGiveaway.reveals("Many clients connect.", answer: "client", kind: roles))
        // Naming every option is a neutral list.
        #expect(!AnswerGiveaway.reveals("client, server, both or neither?", answer: "client", kind: roles))
        let versions = AnswerKind.choice(["4.9", "4.12", "4.14"])
        #expect(AnswerGiveaway.reveals("It went in 4.12.", answer: "4.12", kind: versions))
        #expect(!AnswerGiveaway.reveals("It went in 4.12.1", answer: "4.12", kind: versions))
        #expect(AnswerGiveaway.reveals("It reads 0100007f.", answer: "0100007F", kind: .text))
    }
}

@Suite struct AnswerGiveawayPrefilterTests {
    /// The quick word filter must let through every spelling a state can start with.
    @Test func everyStateSpellingPassesTheFilter() {
        let spellings = ["closed", "close", "LISTEN", "syn", "SYN_SENT", "syn-received", "SYN_RECV", "syn_rcvd",
                         "established", "ESTAB", "fin", "FIN_WAIT_1", "fin-wait-2", "close_wait", "closing",
                         "last", "LAST_ACK", "time", "TIME_WAIT", "time-wait"]
        for word in spellings { #expect(AnswerGiveaway.mayBeginState(word), "\(word)") }
        for word in ["the", "server", "waits", "60", "TIME_WAITING", "ack"] { #expect(!AnswerGiveaway.mayBeginState(word), "\(word)") }
        #expect(AnswerGiveaway.states(in: "the client goes from fin wait 2 to TIME-WAIT, then closed")
                == [.finWait2, .timeWait, .closed])
    }
}
