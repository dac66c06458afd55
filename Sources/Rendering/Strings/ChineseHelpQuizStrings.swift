/// `quiz` 及其子命令（paper、grade、kit、export）帮助页的简体中文版。
enum ChineseHelpQuizStrings {
    static let table: [String: String] = common.merging(options) { first, _ in first }

    private static let common: [String: String] = [
        "help.page.quiz.abstract": "供教师使用的测验：试卷、评分和导出题目。",
        "help.page.quiz.paper.abstract": "打印一名学生的题目，或一份待填写的答卷文件。",
        "help.page.quiz.paper.discussion": "id 是评分方用来识别学生的那个：在 Gradescope 上是名册里的 SID，否则是电子邮箱。用 --students ROSTER --output-dir DIR 时，每名学生的试卷（加 --template 时是答卷文件）写到 DIR/ID.txt（或 DIR/ID.yaml），供教师分发；名册每行一个 id，或是带 SID 或 Email 列的 CSV（Gradescope 导出的名册）。",
        "help.page.quiz.grade.abstract": "给答卷文件评分，生成报告或成绩册。",
        "help.page.quiz.grade.discussion": "每份文件都按整门课评分：--course 的题目，或 --lesson 选项的题目，或全部自带的题目。答卷文件自己的 `lessons:` 不会改变这一点；没有作答的题得 0 分。\n\n除非给出 --show-expected，报告里绝不包含标准答案；--feedback 会附上每道题的第一条提示或它的讲解。\n\n退出状态：每份文件都达到及格线为 0，有一份没达到为 1，输入无法使用为 2。\n\n用 --only QUESTION 时只评一道题，每份文件一行输出到标准输出（通过或未通过，以及得分），标准错误不输出任何内容；只有每个回答都正确时退出状态才是 0。\n\n在 Gradescope 自动评分环境（存在 /autograder）中用 --format gradescope，或在 PrairieLearn 评分环境（存在 /grade）中用 --format prairielearn，且没有 --output 时：答卷取自提交的文件夹，结果写到平台读取的位置，（Gradescope）学生 id 取自提交的元数据。",
        "help.page.quiz.kit.abstract": "写出在某个平台上评分所需的文件：gradescope、prairielearn、classroom50 或 ci。",
        "help.page.quiz.kit.discussion": "课程密钥绝不会写进评分包；每个评分包的 README 会说明它该放在哪里。",
        "help.page.quiz.export.abstract": "为学习平台导出题目（Moodle GIFT）。",
        // 各子命令共用的选项
        "help.option.quiz.paper.lang": lang, "help.option.quiz.grade.lang": lang,
        "help.option.quiz.kit.lang": lang, "help.option.quiz.export.lang": lang,
        "help.option.quiz.paper.lesson": lesson, "help.option.quiz.grade.lesson": lesson,
        "help.option.quiz.kit.lesson": lesson, "help.option.quiz.export.lesson": lesson,
        "help.option.quiz.paper.lessons": lessons, "help.option.quiz.grade.lessons": lessons,
        "help.option.quiz.kit.lessons": lessons, "help.option.quiz.export.lessons": lessons,
    ]

    private static let lang = "题目和选项的语言：en 或 zh-Hans（默认：$TWLAB_LANG，否则按 locale）。中文或英文的回答只要指的是同一个状态或选项，两种都接受。"
    private static let lesson = "要包含的一课（可重复以包含多课；默认：全部）。"
    private static let lessons = "课程文件夹（默认：$TWLAB_LESSONS、./Lessons，或 twlab 旁边的那个）。"

    private static let options: [String: String] = [
        // paper
        "help.option.quiz.paper.output-dir": "与 --students 或 --pool 一起用：试卷写入的文件夹（不存在时会创建）。",
        "help.option.quiz.paper.pool": "以新的随机 id（pl-…）写出 N 份试卷到 --output-dir，每份为 ID.txt 和 ID.yaml，供给每名学生发一份的平台使用（PrairieLearn 评分包）。",
        "help.option.quiz.paper.secret-file": "课程密钥（没有它就是练习变体）。",
        "help.option.quiz.paper.student": "为哪个学生 id 生成变体（在 Gradescope 上是名册里的 SID，否则是电子邮箱）。",
        "help.option.quiz.paper.students": "名册（每行一个 id，或带 SID 或 Email 列的 CSV）：为每名学生写出试卷。",
        "help.option.quiz.paper.template": "打印一份待填写的答卷文件（YAML，题目写在注释里）。",
        // grade
        "help.option.quiz.grade.answers": "答卷文件（YAML），或存放它们的文件夹。在自动评分环境中默认为提交的 .yaml 文件。",
        "help.option.quiz.grade.course": "课程文件：要评分的课和题目，以及及格线。",
        "help.option.quiz.grade.secret-file": "课程密钥（没有它就用练习变体，报告里也会注明）。",
        "help.option.quiz.grade.format": "报告格式：text、json、junit、tap、gradescope、prairielearn、csv 或 score。",
        "help.option.quiz.grade.output": "把报告写入这个文件，而不是标准输出（- 表示标准输出）。",
        "help.option.quiz.grade.pass-mark": "及格需要得到的分数比例（默认 0.6，或课程文件里的值）。",
        "help.option.quiz.grade.only": "只评这一道题；输出通过或未通过及得分；只有答对时退出状态才是 0。",
        "help.option.quiz.grade.feedback": "对没答对的题，报告附上什么：none、hints（它的第一条提示）或 explain（它的讲解）。",
        "help.option.quiz.grade.show-expected": "在报告里显示每道题的标准答案（供教师使用；大多数报告学生都能看到）。",
        "help.option.quiz.grade.tap-version": "TAP 版本行：13（默认，prove 读取的版本）或 14。",
        "help.option.quiz.grade.visibility": "Gradescope 测试的可见性：visible、hidden、after_due_date 或 after_published（默认 visible；有 --show-expected 时为 after_published）。",
        // kit
        "help.option.quiz.kit.directory": "评分包写入的文件夹（不存在时会创建）。",
        "help.option.quiz.kit.force": "覆盖已存在的评分包文件（默认保留，因为你可能改过它们）。",
        "help.option.quiz.kit.pass-mark": "写入 course.yaml 的及格线。",
        "help.option.quiz.kit.platform": "gradescope、prairielearn、classroom50 或 ci。",
        // export
        "help.option.quiz.export.format": "导出格式。",
        "help.option.quiz.export.output": "写入这个文件，而不是标准输出。",
    ]
}
