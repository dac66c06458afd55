import Foundation

/// A parameter a question draws per student.
///
/// A *number* parameter takes a value from `range` in multiples of `step` and fills `{name}` with it.
/// A *choice* parameter picks one entry of a list (its value is the entry's index, `0`, `1`, …); every
/// placeholder it defines (`texts`) is filled with that entry. `side: [client, server]` defines `{side}`;
/// `order: {first: [client, server], then: [server, client]}` defines `{first}` and `{then}`, drawn together.
public struct QuestionParameter: Sendable, Equatable {
    /// The name used in expressions and, for a number parameter, as `{name}` in the question text.
    public var name: String
    /// The lowest and highest value (for a choice parameter, `0…count-1`).
    public var range: ClosedRange<Double>
    /// Values are the lowest plus whole multiples of this.
    public var step: Double
    /// For a choice parameter: each placeholder it fills and the text for each index. Empty for numbers.
    public var texts: [String: [String]]

    /// Creates a number parameter.
    public init(name: String, range: ClosedRange<Double>, step: Double) {
        self.name = name; self.range = range; self.step = step; self.texts = [:]
    }

    /// Creates a choice parameter whose placeholders all take their entry at the drawn index. Every
    /// list must have the same, non-zero, number of entries.
    public init(name: String, texts: [String: [String]]) {
        let count = texts.values.map(\.count).min() ?? 1
        self.name = name; self.range = 0...Double(max(count - 1, 0)); self.step = 1; self.texts = texts
    }

    /// True for a choice parameter.
    public var isChoice: Bool { !texts.isEmpty }

    /// The placeholder names this parameter fills.
    public var placeholders: [String] { isChoice ? texts.keys.sorted() : [name] }

    /// The text each placeholder takes for a value of this parameter.
    public func substitutions(for value: Double) -> [String: String] {
        guard isChoice else { return [name: AnswerFormatter.number(value)] }
        var result: [String: String] = [:]
        for (placeholder, list) in texts where !list.isEmpty {
            let index = min(max(Int(value.rounded()), 0), list.count - 1)
            result[placeholder] = list[index]
        }
        return result
    }

    /// Every value the parameter can take, lowest first (at most `limit` of them).
    public func values(limit: Int = 10_000) -> [Double] {
        guard step > 0 else { return [range.lowerBound] }
        var result: [Double] = []
        var index = 0.0
        while result.count < limit {
            let value = range.lowerBound + index * step
            if value > range.upperBound + step * 1e-9 { break }
            result.append(value)
            index += 1
        }
        return result
    }

    /// How many values the parameter can take.
    public var count: Int {
        guard step > 0, range.upperBound > range.lowerBound else { return 1 }
        return Int(((range.upperBound - range.lowerBound) / step + 1e-9).rounded(.down)) + 1
    }
}
