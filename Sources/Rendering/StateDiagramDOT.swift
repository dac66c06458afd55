import TCPModel

/// Writes the TCP state machine in graphviz's DOT language: close paths thick and dark red,
/// highlighted states filled. `dot -Tsvg` turns it into a picture for slides.
public struct StateDiagramDOT: Sendable {
    /// The graph to write.
    public var graph: StateMachineGraph
    /// States to fill and outline heavily.
    public var highlighted: Set<TCPState>

    /// Prepares the text.
    public init(graph: StateMachineGraph = StateMachineGraph(), highlighted: Set<TCPState> = []) {
        self.graph = graph; self.highlighted = highlighted
    }

    /// The DOT source, ending in a newline.
    public func render() -> String {
        var lines = [
            "digraph tcp_states {",
            "  label=\(Self.quoted("TCP state machine (profile \(graph.profile.rawValue)); thick arrows close a connection"));",
            "  labelloc=t; fontname=\"Helvetica\"; rankdir=TB; nodesep=0.5;",
            "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=14];",
            "  edge [fontname=\"Helvetica\", fontsize=11];",
        ]
        for state in graph.states {
            var attributes = ["label=\(Self.quoted(state.name))"]
            if highlighted.contains(state) {
                attributes += ["style=\"rounded,filled,bold\"", "fillcolor=\"#ffe680\"", "penwidth=3"]
            } else if graph.isCloseState(state) {
                attributes.append("color=\"#8b0000\"")
            }
            lines.append("  \(state.name) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.transitions {
            var attributes = ["label=\(Self.quoted(edge.label))"]
            if edge.isClosePath { attributes += ["penwidth=3", "color=\"#8b0000\""] }
            lines.append("  \(edge.from.name) -> \(edge.to.name) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT string literal: in double quotes, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
