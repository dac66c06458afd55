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
        if let alias = YAMLAliasScanner.firstFinding(in: text) {
            throw SyntaxError(line: alias.line, column: alias.column, message: alias.message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw SyntaxError(line: 1, column: 1, message: "the YAML could not be read: \(error)")
        }
        guard let node else { return nil }
        var budget = maximumNodes
        return try convert(node, depth: 0, budget: &budget)
    }

    /// The most values one YAML document may hold (a lesson block holds a few dozen).
    static let maximumNodes = 100_000

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

    /// Copies Yams' tree into ours. Depth is capped (deeper values read as empty), and so is the
    /// number of values, so an alias the scanner missed still cannot expand without bound.
    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(SyntaxError) -> YAMLNode {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        budget -= 1
        if budget < 0 {
            throw SyntaxError(line: line, column: column, message: "YAML: more than \(maximumNodes) values; a lesson block holds a few dozen")
        }
        if node.anchor != nil {
            throw SyntaxError(line: line, column: column, message: "YAML anchors (&name) and aliases (*name) are not allowed here; write the value out")
        }
        guard depth < 64 else { return YAMLNode(value: .scalar(""), line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            // A double-quoted "\e[2J" is an escape sequence too: values are made visible like the text.
            return YAMLNode(value: .scalar(VisibleText.escaped(scalar.string, keepLineBreaks: true)), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode)] = []
            for pair in mapping {
                pairs.append((key: pair.key.scalar?.string ?? "", keyLine: pair.key.mark?.line ?? line,
                              keyColumn: pair.key.mark?.column ?? column,
                              value: try convert(pair.value, depth: depth + 1, budget: &budget)))
            }
            return YAMLNode(value: .mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return YAMLNode(value: .sequence(items), line: line, column: column)
        case .alias:
            throw SyntaxError(line: line, column: column, message: "YAML aliases (*name) are not allowed here; write the value out")
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
