import ArgumentParser

/// `twlab lint`: Check lesson files and their scenarios.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check lesson files and their scenarios.")
    func run() throws {}
}
