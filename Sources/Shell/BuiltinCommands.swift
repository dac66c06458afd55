/// Shell commands for help, quit, version (foundation).
enum BuiltinCommands {
    static func make() -> [ShellCommand] { [] }
}
