import Foundation
import Testing

/// A Chinese learner's help: `twlab COMMAND --help`, `twlab help COMMAND` and the shell's `help COMMAND`
/// print the same Chinese page for every command and subcommand, fitting 80 and 60 columns (a Chinese
/// character counts two); English stays argument-parser's page; `quiz grade`'s text report is Chinese.
@Suite struct ChineseHelpEndToEndTests {
    static let paths: [[String]] = [
        [], ["shell"], ["sim"], ["model"], ["model", "ports"], ["sockets"], ["watch"], ["lab"], ["lab", "list"],
        ["lab", "run"], ["lint"], ["quiz"], ["quiz", "paper"], ["quiz", "grade"], ["quiz", "kit"], ["quiz", "export"],
        ["diagram"], ["diagram", "states"], ["glossary"], ["present"],
    ]
    static let chinese = ["TWLAB_LANG": "zh"]

    @Test(arguments: [80, 60])
    func everyCommandHasAChinesePageThatFits(columns: Int) throws {
        for path in Self.paths {
            let environment = Self.chinese.merging(["COLUMNS": String(columns)]) { $1 }
            let page = try TwlabBinary.run(path + ["--help"], environment: environment)
            #expect(page.status == 0, "\(path): \(page.stderr)")
            #expect(page.stdout.hasPrefix("概述："), "\(path): \(page.stdout)")
            #expect(page.stdout.contains("\n用法：twlab") && page.stdout.contains("显示帮助信息。"), "\(path)")
            for line in page.stdout.split(separator: "\n") {
                #expect(DisplayColumns.of(String(line)) <= columns, "\(path) at \(columns): \(line)")
            }
            // `twlab help shell` is the shell's own help command, as in English.
            if !path.isEmpty && path != ["shell"] {
                let help = try TwlabBinary.run(["help"] + path, environment: environment)
                #expect(help.stdout == page.stdout, "twlab help \(path.joined(separator: " "))")
            }
        }
    }

    @Test(arguments: [80, 60])
    func theShellsHelpIsTheSameChinesePage(columns: Int) throws {
        let environment = ["COLUMNS": String(columns), "TWLAB_LANG": "en"]
        // (`quiz` at the prompt is the shell's practice quiz, with its own help.)
        for words in [["sim"], ["lab"], ["sockets"], ["present"]] {
            let cli = try TwlabBinary.run(words + ["--help"], environment: Self.chinese.merging(["COLUMNS": String(columns)]) { $1 })
            let shell = try TwlabBinary.run(["--lang", "zh"], stdin: "help \(words[0])\n\(words[0]) --help\n", environment: environment)
            #expect(shell.stdout.components(separatedBy: cli.stdout).count == 3, "\(words) at \(columns):\n\(shell.stdout)")
        }
        let grade = try TwlabBinary.run(["--lang", "zh"], stdin: "quiz grade --help\n", environment: environment)
        #expect(grade.stdout.contains("概述：给答卷文件评分"))
    }

    @Test func englishHelpIsArgumentParsersAndLintListsNoUntranslatedHelp() throws {
        let english = try TwlabBinary.run(["sim", "--help"], environment: ["COLUMNS": "80", "TWLAB_LANG": "en"])
        #expect(english.stdout.hasPrefix("OVERVIEW: Run a TCP close scenario"))
        #expect(english.stdout.contains("\nOPTIONS:\n  -e, --expression <lines>\n"))
        let asked = try TwlabBinary.run(["sim", "--help", "--lang", "zh"], environment: ["COLUMNS": "80", "TWLAB_LANG": "en"])
        #expect(asked.stdout.hasPrefix("概述："))
        let lint = try TwlabBinary.run(["lint", "--lessons", TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path])
        #expect(!lint.stdout.contains("help text") && !lint.stderr.contains("help text"), "\(lint.stdout)\(lint.stderr)")
        #expect(!lint.stdout.contains("interface string") && !lint.stderr.contains("interface string"))
    }

    @Test(arguments: [80, 60])
    func theTextReportIsChinese(columns: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-zh-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("li-lei.yaml")
        try Data("""
            student: "李雷"
            answers:
              "four-way-close/server-after-client-fin": "关闭等待"
              "four-way-close/client-half-closed": "LAST_ACK"

            """.utf8).write(to: file)
        let lessons = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons").path
        let words = ["quiz", "grade", file.path, "--lessons", lessons, "--lesson", "four-way-close", "--show-expected"]
        for (environment, extra) in [(["TWLAB_LANG": "en"], ["--lang", "zh-Hans"]),
                                     (["TWLAB_LANG": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"], [])] {
            let run = try TwlabBinary.run(words + extra, environment: environment.merging(["COLUMNS": String(columns)]) { $1 })
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            // Wrapped to the terminal: compared without the blanks the wrapping adds.
            let text = run.stdout.filter { !$0.isWhitespace }
            #expect(run.stdout.hasPrefix("注意：练习变体："), "\(run.stdout)")
            #expect(text.contains("李雷（") && text.contains("）：1/7（14%）未通过"), "\(run.stdout)")
            #expect(run.stdout.contains("\n  正确    four-way-close/server-after-client-fin [1/1]"), "\(run.stdout)")
            #expect(text.contains("错误four-way-close/client-half-closed[0/1]回答\"LAST_ACK\"，标准答案FIN_WAIT_2（变体practice-"),
                    "\(run.stdout)")
            #expect(run.stdout.contains("\n  未作答  four-way-close/"))
            #expect(!run.stdout.contains("expected") && !run.stdout.contains("(variant"))
            for line in run.stdout.split(separator: "\n") {
                #expect(DisplayColumns.of(String(line)) <= columns, "\(line)")
            }
            // Machine formats keep their words.
            let json = try TwlabBinary.run(words + extra + ["--format", "json"], environment: environment)
            #expect(json.stdout.contains("\"status\"") && !json.stdout.contains("未通过"), "\(json.stdout)")
            let only = try TwlabBinary.run(words + extra + ["--only", "four-way-close/server-after-client-fin"], environment: environment)
            #expect(only.stdout == "李雷 four-way-close/server-after-client-fin：通过 1/1\n", "\(only.stdout)")
        }
        let english = try TwlabBinary.run(words + ["--lang", "en"], environment: ["TWLAB_LANG": "en"])
        #expect(english.stdout.contains("wrong   four-way-close/client-half-closed [0/1] gave \"LAST_ACK\", expected FIN_WAIT_2 (variant"),
                "\(english.stdout)")
    }
}
