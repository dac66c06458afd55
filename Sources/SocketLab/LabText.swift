/// One sentence of lab narration that the interface can translate: a stable key, the English
/// template with `{0}`, `{1}`… placeholders, and its arguments.
///
/// SocketLab knows no languages: it says what happened in English, and names the sentence with a
/// key (`lab.active-close.listen`) that Rendering looks up in its string catalog, falling back to
/// this English template. An argument is itself a `LabText`, so that a reason given by another
/// sentence can be translated too; numbers, ports and addresses are verbatim texts (no key).
/// Reports (`lab --json`, `ExperimentReport.steps`, `notes`, `trace_notes`) keep the English text;
/// a report read back from JSON (a user-namespace child's) has verbatim trace notes, shown in English.
public struct LabText: Sendable, Codable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The catalog key; empty for a text whose template is never translated (its arguments still are).
    public var key: String
    /// The English template, `{0}`, `{1}`… standing for the arguments.
    public var english: String
    /// The arguments, in order.
    public var arguments: [LabText]

    /// A translatable sentence. An argument that is a `LabText` stays translatable; any other value
    /// is shown as it describes itself (`40555`, `127.0.0.1`, `EADDRINUSE`).
    public init(_ key: String, _ english: String, _ arguments: any CustomStringConvertible...) {
        self.key = key
        self.english = english
        self.arguments = arguments.map { $0 as? LabText ?? LabText(verbatim: $0.description) }
    }

    /// Text shown as it is, in every language (an address, an errno name, a message from the system).
    public init(verbatim text: String) {
        key = ""
        english = text
        arguments = []
    }

    /// A literal is verbatim text: it has no key and is never translated.
    public init(stringLiteral value: String) { self.init(verbatim: value) }

    /// Whether the template is shown as it is in every language.
    public var isVerbatim: Bool { key.isEmpty }

    /// The English text, arguments filled in.
    public var text: String { LabText.fill(english, arguments.map(\.text)) }

    public var description: String { text }

    /// `template` with `{0}`, `{1}`… replaced by `arguments`, each placeholder once, left to right,
    /// so that an argument containing braces is never filled in again.
    public static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), arguments.indices.contains(index) {
                out += arguments[index]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
