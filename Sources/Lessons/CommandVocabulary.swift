import Foundation

/// The commands a lesson may tell a learner to type, and a way to check one parses, passed to the
/// linter by the caller (the `Lessons` module does not know the command declarations).
public struct CommandVocabulary: Sendable {
    /// The first words that mark a code span as a command (`sim`, `lab`, `sockets`…).
    public var names: Set<String>
    /// Parses a command's words (the command name first, no `twlab`) without running it: nil when it
    /// parses, else what is wrong with it.
    public var parse: @Sendable ([String]) -> String?

    /// A vocabulary of `names`, checked with `parse`.
    public init(names: Set<String>, parse: @escaping @Sendable ([String]) -> String?) {
        self.names = names; self.parse = parse
    }

    /// The code spans (text between backticks) of a Markdown text, in order, outside fenced blocks.
    public static func codeSpans(in text: String) -> [String] {
        var spans: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            var current: String?
            for character in line {
                if character == "`" {
                    if let span = current { spans.append(span); current = nil } else { current = "" }
                } else if current != nil {
                    current?.append(character)
                }
            }
        }
        return spans
    }

    /// The words of a code span when it is a command of this vocabulary (a leading `twlab` dropped),
    /// else nil. A span that starts with `$ ` is a command for a system shell, not for twlab's.
    public func commandWords(_ span: String) -> [String]? {
        var words = span.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.first == "twlab" { words.removeFirst() }
        guard let first = words.first, names.contains(first) else { return nil }
        return words
    }
}
