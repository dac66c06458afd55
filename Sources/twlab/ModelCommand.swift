import ArgumentParser

/// `twlab model`: Model a busy client's ports and TIME_WAIT population.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "model", abstract: "Model a busy client's ports and TIME_WAIT population.")
    func run() throws {}
}
