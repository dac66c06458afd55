import ArgumentParser
import Foundation
import Rendering

/// `twlab glossary [TERM]`: the lab's terms in English and Chinese.
public struct GlossaryCommand: ParsableCommand {
    /// Creates the command (ArgumentParser fills it from the command line).
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "The terms of TCP's close in English and Chinese (术语表).",
        discussion: """
            With no TERM, lists every entry; with one, the entries whose English or Chinese name \
            contains it (time_wait, 挥手, reuse). The meanings are in the interface language \
            (--lang, $TWLAB_LANG or the locale).
            """)

    @Argument(help: "Part of a term in either language, for example TIME_WAIT or 四次挥手.")
    var term: [String] = []

    @Option(help: ArgumentHelp("en or zh-Hans (default: the interface language).", valueName: "lang"))
    var lang: String?

    public func validate() throws {
        if let lang, UILanguage.parse(lang) == nil {
            throw ValidationError("--lang must be en or zh-Hans, not '\(lang)'.")
        }
    }

    public func run() throws {
        let io = CommandIO.current
        let language = lang.flatMap(UILanguage.parse) ?? .current
        let query = term.joined(separator: " ")
        let found = Glossary.lookUp(query)
        guard !found.isEmpty else {
            io.errorLine(UIText.text("glossary.unknown", query, language: language))
            throw ExitCode.failure
        }
        if query.isEmpty { io.line(UIText.text("glossary.heading", language: language)); io.line() }
        for line in Glossary.render(found, language: language, width: io.width) { io.line(line) }
    }
}
