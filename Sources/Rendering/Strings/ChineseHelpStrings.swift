/// 各命令帮助页（`help sim`、`sim --help`）的简体中文版。键的命名见 Commands 模块的 `LocalizedHelp`；
/// 用法行和选项名保持英文原样，只翻译说明。
enum ChineseHelpStrings {
    static let table: [String: String] = sections
        .merging(ChineseHelpCommandStrings.table) { first, _ in first }
        .merging(ChineseHelpQuizStrings.table) { first, _ in first }

    private static let sections: [String: String] = [
        "help.section.overview": "概述：",
        "help.section.usage": "用法：",
        "help.section.arguments": "参数：",
        "help.section.options": "选项：",
        "help.section.subcommands": "子命令：",
        "help.section.see-subcommand": "查看某个子命令的详细帮助：{0}",
        "help.default-subcommand": "{0}（默认）",
        "help.values": "可选值：{0}",
        "help.default": "默认：{0}",
        "help.option.help": "显示帮助信息。",
        "help.option.version": "显示版本号。",
    ]
}
