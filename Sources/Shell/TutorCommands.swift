/// Shell commands for lessons, start, next, back, hint, answer… (tutor).
enum TutorCommands {
    static func make() -> [ShellCommand] { [] }
}
