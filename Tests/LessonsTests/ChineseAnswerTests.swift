import Testing
@testable import Lessons

/// Answers typed in Chinese, or with a Chinese input method, grade like their English spelling.
@Suite("Chinese answers")
struct ChineseAnswerTests {
    @Test("Chinese state names are accepted", arguments: ["时间等待", "TIME_WAIT状态", "TIME_WAIT 状态", "2MSL等待状态", "2MSL 等待状态", "ＴＩＭＥ＿ＷＡＩＴ", "time_wait　"])
    func stateNames(_ given: String) {
        #expect(AnswerChecker.check(given, against: "TIME_WAIT", kind: .state) == .correct)
    }

    @Test func otherStatesAndSequences() {
        #expect(AnswerChecker.check("关闭等待", against: "CLOSE_WAIT", kind: .state) == .correct)
        #expect(AnswerChecker.check("最后确认", against: "LAST_ACK", kind: .state) == .correct)
        #expect(AnswerChecker.check("关闭等待", against: "TIME_WAIT", kind: .state) == .wrong)
        #expect(AnswerChecker.check("FIN_WAIT_1、FIN_WAIT_2、时间等待", against: "FIN_WAIT_1 FIN_WAIT_2 TIME_WAIT", kind: .state) == .correct)
        #expect(AnswerChecker.check("终止等待2", against: "FIN_WAIT_2", kind: .state) == .correct)
    }

    @Test func choicesByLetterNumberOrTextInEitherLanguage() {
        let chinese = AnswerKind.choice(["客户端", "服务器", "谁也不是（由定时器结束）"])
        for given in ["客户端", "client", "Client", "1", "a", "Ａ"] {
            #expect(AnswerChecker.check(given, against: "客户端", kind: chinese) == .correct, "\(given)")
        }
        #expect(AnswerChecker.check("server", against: "客户端", kind: chinese) == .wrong)
        let english = AnswerKind.choice(["client", "server", "both", "neither"])
        #expect(AnswerChecker.check("客户端", against: "client", kind: english) == .correct)
        #expect(AnswerChecker.check("两端", against: "both", kind: english) == .correct)
        #expect(AnswerChecker.check("服务器", against: "client", kind: english) == .wrong)
        let yesNo = AnswerKind.choice(["能", "不能"])
        #expect(AnswerChecker.check("no", against: "不能", kind: yesNo) == .correct)
    }

    @Test func numbersWithChineseUnitsAndFullWidthDigits() {
        #expect(AnswerChecker.check("60秒", against: "60", kind: .number(tolerance: 0)) == .correct)
        #expect(AnswerChecker.check("６０", against: "60", kind: .number(tolerance: 0)) == .correct)
        #expect(AnswerChecker.check("约470", against: "470", kind: .number(tolerance: 2)) == .correct)
    }

    @Test func flagsWithAChineseSeparator() {
        #expect(AnswerChecker.check("FIN、ACK", against: "FIN|ACK", kind: .flags) == .correct)
    }
}
