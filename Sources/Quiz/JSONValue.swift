import TCPModel

/// A JSON value whose objects keep their keys in the order written, so reports read the same on every
/// run and in every golden file.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Two values are equal when they render the same.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// A string, or null when nil.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The value as JSON text, indented by two spaces per level.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value.isFinite ? QuizText.number(value) : "null"
        case .string(let text): return Self.quoted(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and every control character escaped.
    /// Bidirectional controls and other invisible characters are written as `\\u` escapes too, so a
    /// student id cannot reorder what a reader of the raw file sees.
    public static func quoted(_ text: String) -> String {
        let plain = JSONText.quoted(text)
        guard plain.unicodeScalars.contains(where: { $0.value >= 0x80 && StudentID.isHidden($0) }) else { return plain }
        var out = ""
        for scalar in plain.unicodeScalars {
            guard scalar.value >= 0x80, StudentID.isHidden(scalar) else { out.unicodeScalars.append(scalar); continue }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return out
    }
}
