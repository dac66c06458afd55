/// Reads front matter written the plain way every shipped lesson writes it: one `key: value` per line,
/// values plain or double-quoted without escapes, lists as `[a, b]`. The lesson list reads headers this
/// way without starting the YAML parser; anything else (block scalars, escapes, anchors…) returns nil
/// and the full YAML parser reads it instead.
enum PlainFrontMatter {
    /// The fields by key (a list value as its items), or nil when the text is not this plain form.
    static func fields(_ text: String) -> [String: PlainValue]? {
        var fields: [String: PlainValue] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard raw.first != " ", raw.first != "\t", let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }), fields[key] == nil else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") {
                guard value.hasSuffix("]") else { return nil }
                let inner = value.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                var items: [String] = []
                if !inner.isEmpty {
                    for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
                        guard let scalar = scalar(item.trimmingCharacters(in: .whitespaces)), !scalar.isEmpty else { return nil }
                        items.append(scalar)
                    }
                }
                fields[key] = .list(items)
            } else {
                guard let scalar = scalar(value) else { return nil }
                fields[key] = .scalar(scalar)
            }
        }
        return fields
    }

    /// A plain or double-quoted scalar without escapes; nil for anything YAML would read differently.
    private static func scalar(_ text: String) -> String? {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\""), !text.dropFirst().dropLast().contains(where: { $0 == "\"" || $0 == "\\" })
            else { return nil }
            return String(text.dropFirst().dropLast())
        }
        let special: Set<Character> = ["'", "&", "*", "!", "|", ">", "%", "@", "`", "{", "}", "[", "]", "#", "\\", "\""]
        if let first = text.first, special.contains(first) { return nil }
        if text.contains(" #") || text.contains(": ") { return nil }
        return text
    }

    /// A value of plain front matter.
    enum PlainValue: Equatable {
        case scalar(String)
        case list([String])
    }
}
