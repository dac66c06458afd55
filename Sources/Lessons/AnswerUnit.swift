import Foundation

/// A unit of time that a numeric answer may carry (`240 s`, `4 min`), converted to the question's unit.
public enum AnswerUnit: String, Sendable, Equatable, CaseIterable {
    case milliseconds = "ms"
    case seconds = "s"
    case minutes = "min"
    case hours = "h"

    /// How many seconds one of this unit is.
    public var seconds: Double {
        switch self {
        case .milliseconds: return 0.001
        case .seconds: return 1
        case .minutes: return 60
        case .hours: return 3600
        }
    }

    /// Reads a unit word as learners write it: `s`, `sec`, `seconds`, `min`, `minutes`, `ms`, `h`.
    public init?(word: String) {
        let folded = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .\t"))
        switch folded {
        case "ms", "msec", "msecs", "millisecond", "milliseconds": self = .milliseconds
        case "s", "sec", "secs", "second", "seconds": self = .seconds
        case "m", "min", "mins", "minute", "minutes": self = .minutes
        case "h", "hr", "hrs", "hour", "hours": self = .hours
        default: return nil
        }
    }

    /// The unit a question asks for, read from its wording: "how many minutes", "in seconds",
    /// "how many ms". Nil when the question names no unit of time (rates such as "per second" do not count).
    public static func asked(by prompt: String) -> AnswerUnit? {
        let words = prompt.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        for (index, word) in words.enumerated() where index > 0 {
            guard let unit = AnswerUnit(word: word), word.count > 1 else { continue }
            let before = words[index - 1]
            if before == "many" || before == "in" { return unit }
        }
        return nil
    }
}
