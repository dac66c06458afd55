import ArgumentParser
import Foundation
import Rendering

/// A command's help page in the interface language. English is argument-parser's own page, byte for
/// byte. In another language the page keeps argument-parser's layout, usage line and option names, and
/// each sentence comes from the string catalog: `help.page.PATH.abstract` and `.discussion` for the
/// command (`PATH` its names joined by dots, `twlab` for the root), `help.option.PATH.NAME` for a row
/// (`NAME` as `HelpPageText.key(ofLabel:)` gives it), `help.option.help` and `help.option.version`
/// for the flags every command has. A sentence without a translation shows in English.
public enum LocalizedHelp {
    /// The help of the command at `path` (empty for `root` itself) at `width` columns in `language`;
    /// nil for no such command.
    public static func page(for path: [String], root: ParsableCommand.Type, width: Int,
                            language: UILanguage = .current) -> String? {
        let type: ParsableCommand.Type
        if path.isEmpty { type = root } else {
            guard let found = CommandRunner.command(at: path, root: root) else { return nil }
            type = found
        }
        let english = root.helpMessage(for: type, columns: width)
        guard language != .english else { return english }
        let parsed = HelpPageText(parsing: root.helpMessage(for: type, columns: 100_000))
        return render(parsed, type: type, path: path, width: width, language: language)
    }

    /// Replaces argument-parser's English help `message`, printed for `words` (the command's words as
    /// typed), by the page in the interface language (or the `--lang` among `words`). Any other message
    /// comes back as it is.
    public static func translated(_ message: String, words: [String], root: ParsableCommand.Type, width: Int) -> String {
        let language = requestedLanguage(words)
        guard language != .english else { return message }
        var path: [String] = []
        var children = root.configuration.subcommands
        for word in words {
            if word == "help", path.isEmpty || !children.isEmpty { continue }
            guard let next = children.first(where: { CommandRunner.names(of: $0).contains(word) }) else { break }
            path.append(next._commandName)
            children = next.configuration.subcommands
        }
        // A help request may name its command after `help` (`help quiz grade`); only the exact page is replaced.
        let type = path.isEmpty ? root : CommandRunner.command(at: path, root: root)
        func trimmed(_ text: String) -> Substring {
            var text = Substring(text)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        guard let type, trimmed(root.helpMessage(for: type, columns: width)) == trimmed(message) else { return message }
        return page(for: path, root: root, width: width, language: language) ?? message
    }

    /// Every help key of `root` and its commands that `language` does not translate yet, sorted.
    public static func untranslatedKeys(root: ParsableCommand.Type, language: UILanguage) -> [String] {
        var missing: Set<String> = []
        func visit(_ type: ParsableCommand.Type, _ path: [String]) {
            for key in keys(of: type, path: path) where UIText.template(key, language: language) == key { missing.insert(key) }
            for child in type.configuration.subcommands where !child._commandName.hasPrefix("_") {
                visit(child, path + [child._commandName])
            }
        }
        visit(root, [])
        return missing.sorted()
    }

    /// The catalog keys a command's page uses.
    static func keys(of type: ParsableCommand.Type, path: [String]) -> [String] {
        let page = HelpPageText(parsing: type.helpMessage(columns: 100_000))
        var keys = type.configuration.abstract.isEmpty ? [] : ["help.page.\(pathKey(path)).abstract"]
        if !type.configuration.discussion.isEmpty { keys.append("help.page.\(pathKey(path)).discussion") }
        for section in page.sections where section.title != "SUBCOMMANDS" {
            keys += section.rows.map { optionKey(path, HelpPageText.key(ofLabel: $0.label)) }
        }
        return keys
    }

    static func pathKey(_ path: [String]) -> String { path.isEmpty ? "twlab" : path.joined(separator: ".") }

    static func optionKey(_ path: [String], _ name: String) -> String {
        name == "help" || name == "version" ? "help.option.\(name)" : "help.option.\(pathKey(path)).\(name)"
    }

    static func requestedLanguage(_ words: [String]) -> UILanguage {
        for (index, word) in words.enumerated() {
            if word == "--lang", index + 1 < words.count { return UILanguage.resolve(flag: words[index + 1]) }
            if word.hasPrefix("--lang=") { return UILanguage.resolve(flag: String(word.dropFirst(7))) }
        }
        return .current
    }

    /// The translation of `key`, else `english`.
    static func text(_ key: String, _ english: String, _ language: UILanguage) -> String {
        let text = UIText.template(key, language: language)
        return text == key ? english : text
    }

    static func render(_ page: HelpPageText, type: ParsableCommand.Type, path: [String], width: Int,
                       language: UILanguage) -> String {
        let label = { (name: String) in UIText.template("help.section." + name, language: language) }
        var lines: [String] = []
        let abstract = text("help.page.\(pathKey(path)).abstract", type.configuration.abstract, language)
        if !abstract.isEmpty { lines += TextWrapper.wrap(label("overview") + abstract, width: width) + [""] }
        if !type.configuration.discussion.isEmpty {
            lines += TextWrapper.wrap(text("help.page.\(pathKey(path)).discussion", type.configuration.discussion, language),
                                      width: width) + [""]
        }
        let usageHead = label("usage")
        let usageIndent = DisplayWidth.of(usageHead)
        lines += usageLines(page.usage, width: width - usageIndent).enumerated().map { index, line in
            (index == 0 ? usageHead : String(repeating: " ", count: usageIndent)) + line
        }
        lines.append("")
        for section in page.sections {
            let title = section.title.lowercased()
            lines.append(UIText.template("help.section." + title, language: language) == "help.section." + title
                         ? section.title + ":" : label(title))
            for row in section.rows {
                lines += rowLines(row, section: section.title, parent: type, path: path, width: width, language: language)
            }
            lines.append("")
        }
        if let words = page.subcommandHelpWords {
            lines += TextWrapper.wrap("  " + UIText.text("help.section.see-subcommand", words, language: language),
                                      width: width, hangingIndent: 2)
        } else if lines.last == "" {
            lines.removeLast()
        }
        return lines.joined(separator: "\n")
    }

    /// The usage words wrapped at blanks outside brackets, so `[--profile <profile>]` stays whole.
    static func usageLines(_ usage: String, width: Int) -> [String] {
        var pieces: [String] = [], current = "", depth = 0
        for character in usage {
            if character == "[" || character == "<" || character == "(" { depth += 1 }
            if character == "]" || character == ">" || character == ")" { depth = max(depth - 1, 0) }
            if character == " " && depth == 0 { pieces.append(current); current = "" } else { current.append(character) }
        }
        pieces.append(current)
        var lines: [String] = [], line = ""
        for piece in pieces where !piece.isEmpty {
            if line.isEmpty { line = piece } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(piece) <= width {
                line += " " + piece
            } else { lines.append(line); line = piece }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func rowLines(_ row: HelpPageText.Row, section: String, parent: ParsableCommand.Type, path: [String], width: Int,
                         language: UILanguage) -> [String] {
        let name = HelpPageText.key(ofLabel: row.label)
        var body: String
        if section == "SUBCOMMANDS" {
            let child = parent.configuration.subcommands.first { $0._commandName == name }
            body = child == nil ? row.text : text("help.page.\(pathKey(path + [name])).abstract", row.text, language)
        } else {
            let split = HelpPageText.splitDefaults(row.text)
            body = text(optionKey(path, name), split.text, language)
            if body == split.text { body = row.text } else {
                var extras: [String] = []
                if let values = split.values { extras.append(UIText.text("help.values", values, language: language)) }
                if let value = split.defaultValue { extras.append(UIText.text("help.default", value, language: language)) }
                if !extras.isEmpty { body += "（" + extras.joined(separator: "；") + "）" }
            }
        }
        var label = row.label
        if section == "SUBCOMMANDS", label.hasSuffix(" (default)") {
            label = UIText.text("help.default-subcommand", String(label.dropLast(10)), language: language)
        }
        let column = HelpPageText.textColumn
        let pad = String(repeating: " ", count: column)
        var lines: [String] = []
        let wrapped = body.isEmpty ? [] : TextWrapper.wrap(body, width: max(width - column, 10))
        if 2 + DisplayWidth.of(label) < column, let first = wrapped.first {
            lines.append("  " + label + String(repeating: " ", count: column - 2 - DisplayWidth.of(label)) + first)
            lines += wrapped.dropFirst().map { pad + $0 }
        } else {
            lines += TextWrapper.wrap("  " + label, width: width, hangingIndent: 4)
            lines += wrapped.map { pad + $0 }
        }
        for note in row.notes {
            lines += TextWrapper.wrap("        " + note, width: width)
        }
        return lines
    }
}

extension LocalizedHelp {
    /// The root whose commands `twlab lint` checks for untranslated help: the catalog's by default; the
    /// program sets its own root (with the shell's commands) at start-up.
    public static var lintRoot: ParsableCommand.Type {
        get { LintRootBox.shared.lock.withLock { LintRootBox.shared.root } }
        set { LintRootBox.shared.lock.withLock { LintRootBox.shared.root = newValue } }
    }
}

/// The lint root behind a lock, so that any thread may read it.
private final class LintRootBox: @unchecked Sendable {
    static let shared = LintRootBox()
    let lock = NSLock()
    var root: ParsableCommand.Type = TwlabCommands.self
}
