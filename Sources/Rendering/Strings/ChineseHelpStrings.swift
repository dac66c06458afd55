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
        "help.usage": "用法：{0}",
        // shell 自己的命令（help NAME）的详细说明
        "help.details.help": "不带参数时，列出所有命令，每个一行说明。带上命令名时，说明它的用法。",
        "help.details.quit": "保存命令历史并退出。你的学习进度会保留。",
        "help.details.sleep": "SECONDS 可以带小数，例如 'sleep 0.5'。最多 3600。",
        "help.details.pause": "显示 MESSAGE（或“按回车继续”）并等待回车。输入不是终端时（管道，或无人观看的运行）不等待。",
        "help.details.start": "开始这一课。以前开始过的课从你停下的那一步继续；已学完的课重新开始（想只是重读，用 `review ID`）。",
        "help.details.hint": "提示从笼统到具体，绝不直接给出答案。每条提示都会记入进度。答错时也会显示下一条提示。",
        "help.details.answer": "拿你的回答与仿真（或真实内核）的行为对照。状态名可以写成 time-wait 或 TIME_WAIT；标志位写成 FIN|ACK，顺序不限。",
        "help.details.skip": "不作答，跳过这道题。它记为“跳过”，绝不记为答对，不得分。",
        "help.details.solution": "显示答案以及决定它的仿真过程。记为“已查看答案”，绝不记为答对，不得分。",
        "help.details.replay": "预测题之后，逐个报文段画出决定答案的那次运行的时序图。",
        "help.details.reset": "删除这一课的进度，以及其中记录的每个回答、提示和跳过；其他课程不受影响。",
        "help.details.progress": "显示每一课的进度、得分、提示、跳过和用时。--export FILE 把同样的内容写成 JSON（--export - 输出到标准输出）。进度保存在 $TWLAB_HOME/progress.json，否则 $XDG_DATA_HOME/twlab/progress.json，否则 ~/.local/share/twlab/progress.json。",
        "help.details.quiz": "依次提出这些课（未指定时为全部课程）的每道题，并像 `twlab quiz grade` 那样给每个回答评分。在提示符后直接输入答案（答案看起来像命令时用 `quiz answer TEXT`）；`quiz skip` 留空一道题，`quiz stop` 提前结束。测验最后给出分数；在脚本运行中，分数低于及格线时 shell 以状态 1 退出。变体使用练习种子：老师正式计分的测验可能用别的数字。\n\n教师用的命令在这里与命令行上一样可用：quiz paper、quiz grade、quiz export（见 `twlab quiz --help`）。",
        "help.option.version": "显示版本号。",
    ]
}
