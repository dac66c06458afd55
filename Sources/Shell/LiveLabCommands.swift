/// Shell commands for sockets, watch, lab (live lab).
enum LiveLabCommands {
    static func make() -> [ShellCommand] { [] }
}
