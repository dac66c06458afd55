import Foundation
import TCPModel

/// What a prediction observes in a simulation run.
///
/// In lesson files an observable is written as text: `final client`, `visited server`, `sent server`,
/// `errors client`, `outcome`, `time-wait-side` or `explore 1 reset`.
public enum Observable: Sendable, Equatable, CustomStringConvertible {
    /// The endpoint's state when the scenario ends.
    case final(EndpointRole)
    /// The states the endpoint passed through, in order.
    case visited(EndpointRole)
    /// The flags of the last segment the endpoint sent.
    case sent(EndpointRole)
    /// The errors the endpoint's application saw (`ECONNRESET`…), or `none`.
    case errors(EndpointRole)
    /// How the run ended, as its most serious outcome: `stale-data`, else `reset`, else `timeout`,
    /// else `open`, else `clean`.
    case outcome
    /// `client`, `server`, `both` or `neither`: who passed through TIME_WAIT.
    case timeWaitSide
    /// How many of the explored runs (up to `maxLosses` lost segments) had this outcome.
    case exploreCount(maxLosses: Int, outcome: Outcome)

    /// Reads the lesson-file spelling; nil when the text is not an observable.
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first else { return nil }
        func role(_ index: Int) -> EndpointRole? {
            words.count == index + 1 ? EndpointRole(rawValue: words[index]) : nil
        }
        switch verb {
        case "final": guard let r = role(1) else { return nil }; self = .final(r)
        case "visited": guard let r = role(1) else { return nil }; self = .visited(r)
        case "sent": guard let r = role(1) else { return nil }; self = .sent(r)
        case "errors", "error": guard let r = role(1) else { return nil }; self = .errors(r)
        case "outcome": guard words.count == 1 else { return nil }; self = .outcome
        case "time-wait-side", "time_wait_side", "timewait-side":
            guard words.count == 1 else { return nil }; self = .timeWaitSide
        case "explore":
            guard words.count == 3, let k = Int(words[1]), (1...4).contains(k),
                  let outcome = Outcome(rawValue: words[2]) else { return nil }
            self = .exploreCount(maxLosses: k, outcome: outcome)
        default: return nil
        }
    }

    /// The lesson-file spelling, for example `final client`.
    public var description: String {
        switch self {
        case .final(let r): return "final \(r.rawValue)"
        case .visited(let r): return "visited \(r.rawValue)"
        case .sent(let r): return "sent \(r.rawValue)"
        case .errors(let r): return "errors \(r.rawValue)"
        case .outcome: return "outcome"
        case .timeWaitSide: return "time-wait-side"
        case .exploreCount(let k, let o): return "explore \(k) \(o.rawValue)"
        }
    }

    /// The answer kind a question over this observable takes when the lesson does not say.
    public var defaultAnswerKind: AnswerKind {
        switch self {
        case .final, .visited: return .state
        case .sent: return .flags
        case .errors: return .text
        case .outcome: return .choice(Outcome.allCases.map(\.rawValue))
        case .timeWaitSide: return .choice(["client", "server", "both", "neither"])
        case .exploreCount: return .number(tolerance: 0)
        }
    }

    /// The spellings accepted in lesson files, for error messages.
    public static let syntaxSummary =
        "final client|server, visited client|server, sent client|server, errors client|server, outcome, time-wait-side, explore K OUTCOME"
}
