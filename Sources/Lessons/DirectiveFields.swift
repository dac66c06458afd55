import Foundation

/// Reads the fields of one YAML mapping (a directive body or the front matter), turning every
/// problem into a diagnostic at the field's own line and column.
struct DirectiveFields {
    let what: String
    let node: YAMLNode
    let file: String
    /// The file line of the YAML text's first line.
    let firstLine: Int
    private(set) var used: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(what: String, node: YAMLNode, file: String, firstLine: Int) {
        self.what = what; self.node = node; self.file = file; self.firstLine = firstLine
    }

    /// The file location of a node of this YAML text.
    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + node.line - 1, column: node.column)
    }

    /// The location of the mapping itself (its first key).
    var start: SourceLocation { location(node) }

    func has(_ key: String) -> Bool { node.pairs?.contains { $0.key == key } ?? false }

    mutating func error(_ at: YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(at: location(at), message))
    }

    mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(at: location, message))
    }

    /// The raw node of a field, marking it used.
    mutating func raw(_ key: String, required: Bool = false) -> YAMLNode? {
        used.insert(key)
        if let pair = node.pairs?.first(where: { $0.key == key }) { return pair.value }
        if required { diagnostics.append(Diagnostic(at: start, "\(what) needs the field '\(key)'")) }
        return nil
    }

    /// A text field; an empty value counts as missing.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        guard let text = value.string else {
            error(value, "'\(key)' must be text, not \(value.kindName)")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { error(value, "'\(key)' is empty") }
            return nil
        }
        return trimmed
    }

    /// A number field.
    mutating func number(_ key: String, in range: ClosedRange<Double>? = nil, required: Bool = false) -> Double? {
        guard let value = raw(key, required: required) else { return nil }
        guard let text = value.string, let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            error(value, "'\(key)' must be a number")
            return nil
        }
        if let range, !range.contains(number) {
            error(value, "'\(key)' must be between \(AnswerFormatter.number(range.lowerBound)) and \(AnswerFormatter.number(range.upperBound))")
            return nil
        }
        return number
    }

    /// A whole-number field.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let value = raw(key, required: required) else { return nil }
        guard let text = value.string, let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            error(value, "'\(key)' must be a whole number")
            return nil
        }
        guard range.contains(number) else {
            error(value, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A list of texts; a single value counts as a list of one.
    mutating func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let value = raw(key, required: required) else { return nil }
        if let single = value.string {
            let trimmed = single.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        guard let items = value.items else {
            error(value, "'\(key)' must be a list")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let text = item.string else {
                error(item, "each item of '\(key)' must be text, not \(item.kindName)"
                      + (item.pairs != nil ? " (text that contains ': ' must be put in quotes)" : ""))
                continue
            }
            result.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// Reports fields that are not in `allowed`, suggesting the nearest known one.
    mutating func rejectUnknown(allowed: [String]) {
        for pair in node.pairs ?? [] where !allowed.contains(pair.key) {
            let suggestion = allowed.min { Self.distance($0, pair.key) < Self.distance($1, pair.key) }
            var message = "\(what) has no field '\(pair.key)'"
            if let suggestion, Self.distance(suggestion, pair.key) <= 3 { message += "; did you mean '\(suggestion)'?" }
            else { message += " (fields: \(allowed.joined(separator: ", ")))" }
            diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: firstLine + pair.keyLine - 1, column: pair.keyColumn), message))
        }
    }

    /// Edit distance between two short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
