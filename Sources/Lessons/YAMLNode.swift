import Foundation
import Yams

/// A YAML value with the line and column where it starts, as read from a lesson file.
///
/// Yams' own nodes are classes that are not `Sendable`; this small tree keeps only what the lesson
/// parser needs: scalars as text, mappings in order, sequences, and positions.
struct YAMLNode: Sendable {
    enum Value: Sendable {
        case scalar(String)
        case mapping([(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    var value: Value
    /// 1-based line inside the YAML text.
    var line: Int
    /// 1-based column inside the YAML text.
    var column: Int

    /// A YAML syntax problem, with the position inside the YAML text.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Parses one YAML document; nil for an empty document.
    static func parse(_ text: String) throws(SyntaxError) -> YAMLNode? {
        if let deep = tooDeeplyNested(text) { throw deep }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw SyntaxError(line: 1, column: 1, message: "the YAML could not be read: \(error)")
        }
        guard let node else { return nil }
        return convert(node, depth: 0)
    }

    /// Lesson YAML is shallow; refuse absurd bracket nesting before the recursive composer sees it.
    private static func tooDeeplyNested(_ text: String, limit: Int = 64) -> SyntaxError? {
        var depth = 0, line = 1, column = 0
        var quote: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" { line += 1; column = 0; quote = nil; continue }
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            switch scalar {
            case "\"", "'": quote = scalar
            case "[", "{":
                depth += 1
                if depth > limit {
                    return SyntaxError(line: line, column: column, message: "YAML: brackets nested more than \(limit) deep")
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> SyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed bracket or quote is noticed lines later; point at where it was opened.
            if let context, context.text.contains("flow") || context.text.contains("quoted") {
                return SyntaxError(line: context.mark.line, column: context.mark.column,
                                   message: "YAML: \(problem) (\(context.text) that starts here)")
            }
            let advice = problem.contains("mapping values are not allowed")
                ? " (a value that contains ': ' must be put in quotes)" : ""
            return SyntaxError(line: mark.line, column: mark.column, message: "YAML: \(problem)\(advice)")
        case .reader(let problem, _, _, _):
            return SyntaxError(line: 1, column: 1, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SyntaxError(line: context.mark.line, column: context.mark.column,
                               message: "YAML: a key appears twice: \(duplicates.joined(separator: ", "))")
        default:
            return SyntaxError(line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    private static func convert(_ node: Node, depth: Int) -> YAMLNode {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        guard depth < 64 else { return YAMLNode(value: .scalar(""), line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string), line: line, column: column)
        case .mapping(let mapping):
            let pairs = mapping.map { pair in
                (key: pair.key.scalar?.string ?? "", keyLine: pair.key.mark?.line ?? line,
                 keyColumn: pair.key.mark?.column ?? column, value: convert(pair.value, depth: depth + 1))
            }
            return YAMLNode(value: .mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            return YAMLNode(value: .sequence(sequence.map { convert($0, depth: depth + 1) }), line: line, column: column)
        case .alias:
            return YAMLNode(value: .scalar(""), line: line, column: column)
        }
    }

    /// The scalar text, or nil for a mapping or a sequence.
    var string: String? { if case .scalar(let s) = value { s } else { nil } }

    /// The items of a sequence, or nil.
    var items: [YAMLNode]? { if case .sequence(let items) = value { items } else { nil } }

    /// The pairs of a mapping, or nil.
    var pairs: [(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { pairs } else { nil }
    }

    /// What kind of value this is, for error messages.
    var kindName: String {
        switch value {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
