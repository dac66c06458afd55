/// Shell commands for sim, sim explore, model (simulator).
enum SimulatorCommands {
    static func make() -> [ShellCommand] { [] }
}
