import Foundation
import Lessons

// CONTRACT STUB — the quiz work replaces the body with HMAC-SHA256 (swift-crypto) and keeps the API.

/// The parameter values one student gets for a question.
public struct Variant: Sendable, Equatable {
    /// A short stable id of this variant, recorded in every report.
    public var id: String
    public var values: [String: Double]
}

/// Derives per-student parameter values from a course secret, so the same student always gets the
/// same variant and nobody without the secret can derive another student's.
public struct VariantGenerator: Sendable {
    /// True when no course secret was given and the fixed practice seed is used.
    public let isPractice: Bool
    private let secret: Data

    /// Uses the secret, or the practice seed when nil.
    public init(secret: Data?) {
        self.isPractice = secret == nil
        self.secret = secret ?? Data("twlab-practice".utf8)
    }

    public func variant(for question: Question, student: String) -> Variant {
        Variant(id: "practice", values: Dictionary(uniqueKeysWithValues: question.params.map { ($0.name, $0.range.lowerBound) }))
    }
}
