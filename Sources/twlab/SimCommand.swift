import ArgumentParser

/// `twlab sim`: Run a TCP close scenario in the simulator.
struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Run a TCP close scenario in the simulator.")
    func run() throws {}
}
