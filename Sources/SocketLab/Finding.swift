import Foundation

/// One value an experiment found: a number, a word, a list of words or a yes/no.
///
/// In JSON a finding is the plain value: a number, a string, an array of strings or a boolean.
public enum Finding: Sendable, Equatable, Codable {
    case number(Double)
    case text(String)
    case list([String])
    case flag(Bool)

    /// The value as a learner would type it: `60000`, `client`, `EADDRNOTAVAIL`, `FIN_WAIT_2 TIME_WAIT`, `yes`.
    public var display: String {
        switch self {
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .text(let s): return s
        case .list(let l): return l.joined(separator: " ")
        case .flag(let b): return b ? "yes" : "no"
        }
    }

    /// The number, when the finding is one.
    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// Decodes the plain JSON value.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .flag(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .text(s)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    /// Encodes the plain JSON value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n):
            if n == n.rounded() && abs(n) < 1e15 { try container.encode(Int64(n)) } else { try container.encode(n) }
        case .text(let s): try container.encode(s)
        case .list(let l): try container.encode(l)
        case .flag(let b): try container.encode(b)
        }
    }
}
