import Foundation

/// Answers typed in Chinese (or with a Chinese input method) turned into the spelling the checker
/// compares: full-width letters and digits to ASCII, Chinese state names to `TIME_WAIT` and its
/// kin, Chinese units to `s`/`ms`, and a choice's words in either language to the choice as listed.
public enum AnswerAliases {
    /// Chinese names of TCP states, as Chinese textbooks and blogs write them, longest first so
    /// that `关闭等待` is read before `关闭`.
    static let stateNames: [(String, String)] = [
        ("2MSL等待状态", "TIME_WAIT"), ("2MSL等待", "TIME_WAIT"), ("2MSL 等待状态", "TIME_WAIT"), ("2MSL 等待", "TIME_WAIT"), ("时间等待", "TIME_WAIT"), ("时间等待状态", "TIME_WAIT"),
        ("终止等待1", "FIN_WAIT_1"), ("终止等待2", "FIN_WAIT_2"), ("终止等待一", "FIN_WAIT_1"), ("终止等待二", "FIN_WAIT_2"),
        ("FIN等待1", "FIN_WAIT_1"), ("FIN等待2", "FIN_WAIT_2"),
        ("关闭等待", "CLOSE_WAIT"), ("最后确认", "LAST_ACK"), ("正在关闭", "CLOSING"), ("同时关闭", "CLOSING"),
        ("同步已发送", "SYN_SENT"), ("同步已接收", "SYN_RECEIVED"), ("同步收到", "SYN_RECEIVED"),
        ("已建立连接", "ESTABLISHED"), ("连接已建立", "ESTABLISHED"), ("已建立", "ESTABLISHED"),
        ("监听", "LISTEN"), ("已关闭", "CLOSED"), ("关闭", "CLOSED"),
    ].sorted { $0.0.count > $1.0.count }

    /// Words that name the same choice in either language. The first word of each group is the
    /// English spelling that lessons and the simulator use.
    static let choiceWords: [[String]] = [
        ["client", "客户端", "客户机"],
        ["server", "服务器", "服务端", "服务器端"],
        ["both", "两端", "双方", "两边", "都有", "两端都有"],
        ["neither", "都没有", "两端都没有", "都不"],
        ["nobody (a timer ends it)", "谁也不是（由定时器结束）", "谁也不是", "没有人", "定时器"],
        ["yes", "是", "对", "会", "能", "可以"],
        ["no", "否", "不", "不会", "不能", "不可以"],
        ["clean", "正常关闭"], ["reset", "被重置", "复位"], ["timeout", "超时"],
        ["stale-data", "旧数据", "脏数据"], ["open", "未关闭", "仍然打开"],
    ]

    /// The answer as the checker should see it for a question of this kind.
    public static func normalize(_ text: String, kind: AnswerKind) -> String {
        var answer = halfWidth(text).trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .state:
            for (chinese, english) in stateNames { answer = answer.replacingOccurrences(of: chinese, with: " \(english) ") }
            for separator in ["状态", "、", "，", "；", "——", "－"] {
                answer = answer.replacingOccurrences(of: separator, with: separator == "状态" ? " " : ",")
            }
            return answer.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        case .number:
            for (chinese, unit) in [("毫秒", "ms"), ("分钟", "min"), ("秒", "s"), ("大约", "~"), ("约", "~"), ("个", "")] {
                answer = answer.replacingOccurrences(of: chinese, with: unit)
            }
            return answer
        case .flags:
            return answer.replacingOccurrences(of: "、", with: "|").replacingOccurrences(of: "，", with: "|")
        case .choice(let choices):
            return choice(answer, among: choices) ?? answer
        case .text:
            return answer
        }
    }

    /// The listed choice that `answer` names in the other language, if any.
    static func choice(_ answer: String, among choices: [String]) -> String? {
        let folded = AnswerChecker.fold(answer)
        if choices.contains(where: { AnswerChecker.fold($0) == folded }) { return nil }
        for group in choiceWords where group.contains(where: { AnswerChecker.fold($0) == folded }) {
            if let listed = choices.first(where: { choice in group.contains { AnswerChecker.fold($0) == AnswerChecker.fold(choice) } }) {
                return listed
            }
        }
        return nil
    }

    /// Full-width letters, digits and `＿｜～` (`ＴＩＭＥ＿ＷＡＩＴ`, `６０`) and the ideographic space to
    /// plain ASCII. Chinese punctuation (`，（）`) stays: choices are written with it.
    static func halfWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF3F, 0xFF5C, 0xFF5E:
                Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
            case 0x3000: " "
            default: scalar
            }
        }))
    }
}
