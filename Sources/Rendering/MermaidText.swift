/// Text that Mermaid shows as written, in a message, note or transition label.
enum MermaidText {
    /// Escapes what Mermaid would read as syntax: `;` ends a statement and `#` starts an entity
    /// code, so both become entity codes (`#59;`, `#35;`); a line break becomes a space.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "#": out += "#35;"
            case ";": out += "#59;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
