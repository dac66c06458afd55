import Rendering
import TCPModel

/// The non-text forms of `twlab sim`: a run as Mermaid or SVG.
enum SequencePicture {
    /// The run in `format` (`mermaid` or `svg`), titled with the scenario's name.
    static func render(_ result: SimulationResult, format: DiagramFormat, title: String) -> String {
        switch format {
        case .mermaid: return SequenceDiagramMermaid(title: title).render(result)
        case .svg: return SequenceDiagramSVG(title: title).render(result)
        case .text, .dot: return SequenceDiagram(width: 80).render(result)
        }
    }
}
