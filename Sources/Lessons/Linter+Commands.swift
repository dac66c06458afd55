import Foundation

extension Linter {
    /// Checks that every command written in backticks in `text` (prose or a hint) works when typed at
    /// the shell exactly as shown.
    func checkCommands(in text: String, at location: SourceLocation, into report: inout LintReport) {
        guard let commands else { return }
        for span in CommandVocabulary.codeSpans(in: text) {
            guard let words = commands.commandWords(span), let problem = commands.parse(words) else { continue }
            report.diagnostics.append(Diagnostic(at: location,
                "the command `\(span)` does not work as written (\(problem)); write it the way the shell accepts it"))
        }
    }
}
