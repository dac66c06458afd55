import ArgumentParser
@testable import Commands
import Foundation
import Quiz
import Rendering
import Testing

/// Help pages in Chinese: every command's page is translated, fits 80 and 60 columns (a Chinese character
/// counts two), keeps argument-parser's usage line and option names; English is argument-parser's own.
@Suite struct LocalizedHelpTests {
    /// Every command path under the catalog's root, the root itself first.
    static func paths(_ type: ParsableCommand.Type = TwlabCommands.self, _ path: [String] = []) -> [[String]] {
        [path] + type.configuration.subcommands.filter { !$0._commandName.hasPrefix("_") }
            .flatMap { paths($0, path + [$0._commandName]) }
    }

    @Test(arguments: [80, 60])
    func everyChinesePageFitsAndIsTranslated(width: Int) throws {
        for path in Self.paths() {
            let page = try #require(LocalizedHelp.page(for: path, root: TwlabCommands.self, width: width,
                                                       language: .simplifiedChinese))
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(path) at \(width): \(line)")
                // No English sentence left: four English words in a row appear only in the usage line.
                if !line.hasPrefix("用法：") && !line.hasPrefix("      [") {
                    #expect(line.range(of: "[a-z]{2,} [a-z]{2,} [a-z]{2,} [a-z]{2,}", options: .regularExpression) == nil,
                            "\(path) at \(width): \(line)")
                }
                #expect(!line.hasSuffix(" "), "\(path): trailing blank in '\(line)'")
            }
            #expect(lines.first?.hasPrefix("概述：") == true, "\(path): \(page)")
            #expect(lines.contains { $0.hasPrefix("用法：twlab") }, "\(path): \(page)")
            #expect(lines.contains("选项："), "\(path)")
            #expect(page.contains("-h, --help") && page.contains("显示帮助信息。"), "\(path)")
            #expect(!page.contains("OPTIONS:") && !page.contains("OVERVIEW:") && !page.contains("Show help information"))
        }
    }

    @Test func theChineseSimPageKeepsOptionNamesAndTranslatesTheirMeaning() throws {
        let page = try #require(LocalizedHelp.page(for: ["sim"], root: TwlabCommands.self, width: 80, language: .simplifiedChinese))
        for name in ["-e, --expression <lines>", "--profile <profile>", "--explore <K>", "--color/--no-color", "<scenario>"] {
            #expect(page.contains(name), "\(name)")
        }
        #expect(page.contains("报文段") && page.contains("（可选值：text, dot, mermaid, svg；默认：text）"), "\(page)")
        #expect(!page.contains("Override the scenario's profile"))
    }

    @Test(arguments: [80, 60])
    func englishIsArgumentParsersOwnPage(width: Int) throws {
        for path in Self.paths() where !path.isEmpty {
            let type = try #require(CommandRunner.command(at: path, root: TwlabCommands.self))
            #expect(LocalizedHelp.page(for: path, root: TwlabCommands.self, width: width, language: .english)
                    == TwlabCommands.helpMessage(for: type, columns: width))
        }
    }

    @Test func noHelpSentenceIsLeftUntranslated() {
        #expect(LocalizedHelp.untranslatedKeys(root: TwlabCommands.self, language: .simplifiedChinese) == [])
        #expect(InterfaceTranslationLint.lines().warnings == [])
    }

    @Test func aHelpRequestIsTranslatedOnlyWhenItIsThatPage() {
        let english = TwlabCommands.helpMessage(for: SimCommand.self, columns: 80)
        let chinese = LocalizedHelp.translated(english, words: ["sim", "--help", "--lang", "zh"], root: TwlabCommands.self, width: 80)
        #expect(chinese.hasPrefix("概述："))
        #expect(LocalizedHelp.translated(english, words: ["sim", "--help", "--lang", "en"], root: TwlabCommands.self, width: 80) == english)
        #expect(LocalizedHelp.translated("twlab 1.0", words: ["--version", "--lang", "zh"], root: TwlabCommands.self, width: 80) == "twlab 1.0")
        let grade = TwlabCommands.helpMessage(for: QuizGradeCommand.self, columns: 60)
        #expect(LocalizedHelp.translated(grade, words: ["help", "quiz", "grade", "--lang=zh-Hans"], root: TwlabCommands.self, width: 60)
                    .hasPrefix("概述：给答卷文件评分"))
    }

    @Test func rowsAreFiledUnderTheirOptionName() {
        #expect(HelpPageText.key(ofLabel: "-e, --expression <lines>") == "expression")
        #expect(HelpPageText.key(ofLabel: "--color/--no-color") == "color")
        #expect(HelpPageText.key(ofLabel: "<answers> ...") == "answers")
        #expect(HelpPageText.key(ofLabel: "sockets, ss") == "sockets")
        #expect(HelpPageText.splitDefaults("Rate. (default: 1000.0)").defaultValue == "1000.0")
        // A 23-character label leaves one blank before its text; a longer one stands on its own line.
        let page = HelpPageText(parsing: "OPTIONS:\n  --time-wait <time-wait> How long.\n  -e, --expression <lines>\n"
                                         + String(repeating: " ", count: 26) + "Lines.\n")
        #expect(page.sections.first?.rows == [HelpPageText.Row(label: "--time-wait <time-wait>", text: "How long."),
                                               HelpPageText.Row(label: "-e, --expression <lines>", text: "Lines.")])
        #expect(HelpPageText.splitDefaults("Columns (default: the terminal's width).").defaultValue == nil)
    }

    @Test func theQuizReportWordsInEnglishAreTheReportsOwn() {
        #expect(QuizReportWords.make(.english) == TextReportWords.english)
        let chinese = QuizReportWords.make(.simplifiedChinese)
        #expect(chinese.pass == "通过")
        // The status column lines up: every label takes the same display width.
        let widths = Set([chinese.correct, chinese.wrong, chinese.missing, chinese.invalid, chinese.skipped].map(DisplayWidth.of))
        #expect(widths.count == 1)
    }
}
