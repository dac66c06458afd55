import ArgumentParser

/// The forms a picture can be written in.
public enum DiagramFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Terminal text: box drawing, or ASCII.
    case text
    /// graphviz's DOT language.
    case dot
    /// Mermaid, for slides and web pages.
    case mermaid
    /// An SVG picture.
    case svg
}
