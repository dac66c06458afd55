import TCPModel

/// Writes the TCP state machine as a Mermaid `stateDiagram-v2`, for slides and web pages. Mermaid
/// cannot style single arrows of a state diagram, so the states of the close paths get a class
/// (thick red outline) and the highlighted states another (filled).
public struct StateDiagramMermaid: Sendable {
    /// The graph to write.
    public var graph: StateMachineGraph
    /// States to fill.
    public var highlighted: Set<TCPState>

    /// Prepares the text.
    public init(graph: StateMachineGraph = StateMachineGraph(), highlighted: Set<TCPState> = []) {
        self.graph = graph; self.highlighted = highlighted
    }

    /// The Mermaid source, ending in a newline.
    public func render() -> String {
        var lines = [
            "stateDiagram-v2",
            "    %% TCP state machine, profile \(graph.profile.rawValue); the closing states are outlined in red",
            "    classDef closing stroke:#8b0000,stroke-width:3px",
            "    classDef highlighted fill:#ffe680,stroke:#000000,stroke-width:4px",
            "    [*] --> CLOSED",
        ]
        for edge in graph.transitions {
            lines.append("    \(edge.from.name) --> \(edge.to.name): \(MermaidText.escape(edge.label))")
        }
        let closing = graph.states.filter { graph.isCloseState($0) && !highlighted.contains($0) }
        if !closing.isEmpty { lines.append("    class \(closing.map(\.name).joined(separator: ",")) closing") }
        let marked = graph.states.filter { highlighted.contains($0) }
        if !marked.isEmpty { lines.append("    class \(marked.map(\.name).joined(separator: ",")) highlighted") }
        return lines.joined(separator: "\n") + "\n"
    }
}
