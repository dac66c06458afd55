import Testing
import Rendering

/// Chinese text in the terminal: kinsoku (no closing punctuation at the start of a line, no opening
/// bracket at its end) in both wrappers, and nothing wider than the width.
@Suite struct ChineseLayoutTests {
    static let paragraph = "客户端在 FIN_WAIT_2 收到对端的 FIN 后进入 TIME_WAIT，在这里停留一段固定时间（Linux 上是 60 秒），"
        + "之后才真正 CLOSED。TIME_WAIT 把四元组占住 2MSL：既为了重发最后的 ACK，也为了让旧报文消亡；"
        + "“快速回收”早已删除！你能说出原因吗？"
    static let closers: Set<Character> = Set("，。、；：？！）」』》")
    static let openers: Set<Character> = Set("（「『《“")

    static func checkKinsoku(_ lines: [String], width: Int) {
        for (index, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) <= width, "width \(width): '\(line)' is \(DisplayWidth.of(line)) columns")
            let body = line.drop { $0 == " " }
            if index > 0, let first = body.first { #expect(!closers.contains(first), "width \(width): line starts with \(first): '\(line)'") }
            if index < lines.count - 1, let last = line.last { #expect(!openers.contains(last), "width \(width): line ends with \(last): '\(line)'") }
        }
    }

    @Test func textWrapperNeverStartsALineWithClosingPunctuation() {
        for width in 12...80 {
            let lines = TextWrapper.wrap(Self.paragraph, width: width)
            Self.checkKinsoku(lines, width: width)
            #expect(lines.joined().filter { $0 != " " } == Self.paragraph.filter { $0 != " " }, "width \(width) lost text")
        }
    }

    @Test func stepRendererFollowsTheSameRules() {
        for width in 20...80 {
            let text = StepRenderer(width: width).render(.prose(Self.paragraph))
            let lines = text.split(separator: "\n").map(String.init)
            Self.checkKinsoku(lines, width: width)
        }
    }

    @Test func aClosingMarkAfterALatinWordStaysWithIt() {
        for width in 12...30 {
            let lines = TextWrapper.wrap("中文里的状态名 TIME_WAIT。然后继续（括号）。", width: width)
            #expect(lines.contains { $0.contains("TIME_WAIT。") }, "\(lines)")
            Self.checkKinsoku(lines, width: width)
        }
    }

    @Test func glossaryFitsSixtyAndEightyColumnsInBothLanguages() {
        for language in UILanguage.allCases {
            for width in [60, 80] {
                let lines = Glossary.render(Glossary.entries, language: language, width: width)
                #expect(lines.count >= Glossary.entries.count * 2)
                Self.checkKinsoku(lines, width: width)
            }
        }
        #expect(Glossary.lookUp("挥手").map(\.english) == ["four-way close"])
        #expect(Glossary.lookUp("time_wait").contains { $0.english == "TIME_WAIT" })
        #expect(Glossary.lookUp("Tw-Reuse").map(\.english) == ["tcp_tw_reuse"])
    }
}

/// The interface strings and the choice of language.
@Suite struct InterfaceTextTests {
    @Test func chineseTranslatesEveryKeyWithTheSameArguments() {
        #expect(UIText.untranslatedKeys(for: .simplifiedChinese) == [])
        #expect(UIText.mismatchedArguments(for: .simplifiedChinese) == [])
    }

    @Test func argumentsAreFilledAndUnknownKeysShowThemselves() {
        #expect(UIText.text("tutor.hint", "1", "2", "看哪一方先发 FIN", language: .simplifiedChinese) == "提示 1/2：看哪一方先发 FIN")
        #expect(UIText.text("tutor.hint", "1", "2", "who sent the first FIN?", language: .english) == "Hint 1 of 2: who sent the first FIN?")
        #expect(UIText.text("no.such.key", language: .simplifiedChinese) == "no.such.key")
    }

    @Test func theLanguageComesFromTheFlagThenTwlabLangThenTheLocale() {
        #expect(UILanguage.resolve(flag: nil, environment: [:]) == .english)
        #expect(UILanguage.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .simplifiedChinese)
        #expect(UILanguage.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .english)
        #expect(UILanguage.resolve(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .simplifiedChinese)
        #expect(UILanguage.resolve(flag: nil, environment: ["TWLAB_LANG": "zh-Hans", "LANG": "en_GB.UTF-8"]) == .simplifiedChinese)
        #expect(UILanguage.resolve(flag: "en", environment: ["TWLAB_LANG": "zh-Hans"]) == .english)
        #expect(UILanguage.resolve(flag: nil, environment: ["LANG": "fr_FR.UTF-8"]) == .english)
        #expect(UILanguage.parse("中文") == .simplifiedChinese)
        #expect(UILanguage.parse("klingon") == nil)
    }
}

/// Joining the source lines of a Chinese paragraph.
@Suite struct ChineseParagraphTests {
    @Test func noSpaceNextToChinesePunctuationWhenLinesJoin() {
        let text = StepRenderer(width: 80).render(.prose("下面的仿真关掉了时间戳，\nconnect() 照样报错；\n“客户端”也一样。\nTIME_WAIT\n状态"))
        #expect(text == "下面的仿真关掉了时间戳，connect() 照样报错；“客户端”也一样。TIME_WAIT 状态\n", "\(text)")
    }
}
