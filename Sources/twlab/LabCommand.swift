import ArgumentParser

/// `twlab lab`: List and run the live loopback experiments.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lab", abstract: "List and run the live loopback experiments.")
    func run() throws {}
}
