import ArgumentParser

/// `twlab quiz`: Quiz papers, grading and question export for instructors.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quiz", abstract: "Quiz papers, grading and question export for instructors.")
    func run() throws {}
}
