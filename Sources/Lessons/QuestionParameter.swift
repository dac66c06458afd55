import Foundation

/// A parameter a quiz question draws per student: a value from `range` in multiples of `step`.
public struct QuestionParameter: Sendable, Equatable {
    /// The name used in the expression and as `{name}` in the question text.
    public var name: String
    /// The lowest and highest value.
    public var range: ClosedRange<Double>
    /// Values are the lowest plus whole multiples of this.
    public var step: Double

    /// Creates a parameter.
    public init(name: String, range: ClosedRange<Double>, step: Double) {
        self.name = name; self.range = range; self.step = step
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
}
