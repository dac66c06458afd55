/// The parts of one help page as swift-argument-parser prints it, read back from its English text
/// (printed unwrapped): the usage, the sections of rows (`ARGUMENTS`, `OPTIONS`, `SUBCOMMANDS`) and the
/// closing "See 'twlab help …'" line. `LocalizedHelp` lays these out again in another language.
struct HelpPageText: Equatable {
    /// One row of a section: the label as printed (`-e, --expression <lines>`) and its English text.
    struct Row: Equatable {
        var label: String
        var text: String
        /// Paragraphs printed under the row (a value list or discussion), English.
        var notes: [String] = []
    }

    /// A titled block of rows, its title in English capitals without the colon (`OPTIONS`).
    struct Section: Equatable {
        var title: String
        var rows: [Row] = []
    }

    /// The usage line without `USAGE: `, its lines joined.
    var usage = ""
    var sections: [Section] = []
    /// The command words of the "See 'twlab help lab <subcommand>' for detailed help." line, or nil.
    var subcommandHelpWords: String?

    /// The column where argument-parser starts a row's text.
    static let textColumn = 26

    /// Reads help text printed by argument-parser at a width wide enough that nothing was wrapped.
    init(parsing text: String) {
        var inUsage = false
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, raw) in all.enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let body = String(raw.dropFirst(indent))
            if raw.hasPrefix("USAGE: ") {
                usage = String(raw.dropFirst(7)); inUsage = true; continue
            }
            if inUsage {
                if raw.isEmpty { inUsage = false } else { usage += " " + body }
                continue
            }
            if raw.isEmpty { continue }
            if indent == 0, raw.hasSuffix(":"), raw.dropLast().allSatisfy({ $0.isUppercase || $0 == " " }) {
                sections.append(Section(title: String(raw.dropLast()))); continue
            }
            guard !sections.isEmpty else { continue }
            if indent == 2, body.hasPrefix("See '"), body.hasSuffix("' for detailed help.") {
                subcommandHelpWords = String(body.dropFirst(5).dropLast(20)); continue
            }
            let last = sections.count - 1
            if indent >= Self.textColumn, let row = sections[last].rows.indices.last {
                if sections[last].rows[row].notes.isEmpty {
                    let joined = sections[last].rows[row].text
                    sections[last].rows[row].text = joined.isEmpty ? body : joined + " " + body
                } else {
                    sections[last].rows[row].notes.append(body)
                }
            } else if indent > 2, let row = sections[last].rows.indices.last {
                sections[last].rows[row].notes.append(body)
            } else if indent == 2 {
                let continued = number + 1 < all.count && all[number + 1].prefix(Self.textColumn).allSatisfy { $0 == " " }
                    && all[number + 1].count > Self.textColumn
                if let gap = body.range(of: "  ") {
                    let label = String(body[..<gap.lowerBound])
                    let rest = body[gap.upperBound...].drop { $0 == " " }
                    sections[last].rows.append(Row(label: label, text: String(rest)))
                } else if !continued, raw.count > Self.textColumn, Array(raw)[Self.textColumn - 1] == " " {
                    // A label of 23 characters: argument-parser leaves one blank before the text.
                    let characters = Array(raw)
                    sections[last].rows.append(Row(label: String(characters[2..<(Self.textColumn - 1)]),
                                                   text: String(characters[Self.textColumn...])))
                } else {
                    sections[last].rows.append(Row(label: body, text: ""))
                }
            }
        }
    }

    /// The name a row's translation is filed under: the long option without dashes (`expression`,
    /// `color` for `--color/--no-color`), else the short one, else the argument (`scenario` for
    /// `<scenario> ...`), else the subcommand's name.
    static func key(ofLabel label: String) -> String {
        let words = label.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let long = words.first(where: { $0.hasPrefix("--") }) {
            return String(long.dropFirst(2).prefix { $0 != "/" && $0 != "=" })
        }
        if let short = words.first(where: { $0.hasPrefix("-") && $0.count > 1 }) { return String(short.dropFirst()) }
        if let argument = words.first(where: { $0.hasPrefix("<") }) {
            return String(argument.dropFirst().prefix { $0 != ">" })
        }
        return words.first ?? label
    }

    /// Splits argument-parser's closing `(values: …; default: …)` or `(default: …)` off a row's text.
    static func splitDefaults(_ text: String) -> (text: String, values: String?, defaultValue: String?) {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return (text, nil, nil) }
        let inside = String(text[open.upperBound...].dropLast())
        var values: String?, defaultValue: String?
        for part in inside.components(separatedBy: "; ") {
            if part.hasPrefix("values: ") { values = String(part.dropFirst(8)) }
            else if part.hasPrefix("default: ") { defaultValue = String(part.dropFirst(9)) }
            else if part.hasPrefix("default as flag: ") { defaultValue = String(part.dropFirst(17)) }
            else { return (text, nil, nil) }
        }
        return (String(text[..<open.lowerBound]), values, defaultValue)
    }
}
