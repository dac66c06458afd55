import Foundation

/// A checker for the subset of Mermaid that twlab writes, following Mermaid's documented grammar
/// (https://mermaid.js.org/syntax/stateDiagram.html and .../sequenceDiagram.html): the diagram
/// keyword on the first line, then one statement per line. Returns the problems, one per bad line.
enum MermaidGrammar {
    private static let id = "[A-Za-z_][A-Za-z0-9_]*"

    /// Label text: `;` ends a statement and `#` starts an entity code, so either may appear only
    /// inside an entity such as `#59;`.
    static func isPlainText(_ text: String) -> Bool {
        let withoutEntities = text.replacingOccurrences(of: "#[0-9]+;", with: "", options: .regularExpression)
        return !withoutEntities.contains(";") && !withoutEntities.contains("#") && !text.isEmpty
    }

    private static func matches(_ line: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$"),
              let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: line).map { String(line[$0]) } ?? ""
        }
    }

    /// Problems in a `stateDiagram-v2`.
    static func checkStateDiagram(_ source: String) -> [String] {
        var lines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.first == "stateDiagram-v2" else { return ["the first line must be stateDiagram-v2"] }
        lines.removeFirst()
        var problems: [String] = []
        let keywords: Set<String> = ["state", "note", "end", "direction", "class", "classDef"]
        for line in lines {
            if line.hasPrefix("%%") { continue }
            if matches(line, "direction (TB|TD|BT|RL|LR)") != nil { continue }
            if matches(line, "classDef \(id) [A-Za-z-]+:[^;\\s]+(,[A-Za-z-]+:[^;\\s]+)*;?") != nil { continue }
            if matches(line, "class \(id)(,\(id))* \(id)") != nil { continue }
            if let parts = matches(line, "(\\[\\*\\]|\(id)) --> (\\[\\*\\]|\(id))(: (.*))?") {
                if keywords.contains(parts[1]) || keywords.contains(parts[2]) { problems.append("a keyword used as a state: \(line)") }
                if !parts[3].isEmpty && !isPlainText(parts[4]) { problems.append("label text Mermaid would misread: \(line)") }
                continue
            }
            problems.append("not a stateDiagram-v2 statement: \(line)")
        }
        return problems
    }

    /// Problems in a `sequenceDiagram`, including messages between undeclared participants.
    static func checkSequenceDiagram(_ source: String) -> [String] {
        var lines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.first == "sequenceDiagram" else { return ["the first line must be sequenceDiagram"] }
        lines.removeFirst()
        var problems: [String] = []
        var participants: Set<String> = []
        for line in lines {
            if line.hasPrefix("%%") || line == "autonumber" { continue }
            if let parts = matches(line, "(participant|actor) (\(id))( as (.+))?") {
                participants.insert(parts[2])
                continue
            }
            if let parts = matches(line, "(\(id))(->>|-->>|->|-->|-x|--x|-\\)|--\\))[+-]?(\(id)): ?(.*)") {
                for who in [parts[1], parts[3]] where !participants.contains(who) { problems.append("undeclared participant \(who): \(line)") }
                if !isPlainText(parts[4]) { problems.append("message text Mermaid would misread: \(line)") }
                continue
            }
            if let parts = matches(line, "Note (left of|right of|over) (\(id))(,(\(id)))?: ?(.*)") {
                for who in [parts[2], parts[4]] where !who.isEmpty && !participants.contains(who) {
                    problems.append("note on an undeclared participant \(who): \(line)")
                }
                if parts[1] != "over" && !parts[3].isEmpty { problems.append("only 'over' spans two participants: \(line)") }
                if !isPlainText(parts[5]) { problems.append("note text Mermaid would misread: \(line)") }
                continue
            }
            problems.append("not a sequenceDiagram statement: \(line)")
        }
        return problems
    }
}
