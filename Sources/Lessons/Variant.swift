import Crypto
import Foundation

/// The parameter values one student gets for a question.
public struct Variant: Sendable, Equatable {
    /// A short stable id of this variant, recorded in every report: the first 32 bits of the MAC in
    /// hex, prefixed with `practice-` when the practice seed was used.
    public var id: String
    /// The value of each parameter, by name.
    public var values: [String: Double]

    /// Makes a variant from its parts.
    public init(id: String, values: [String: Double]) {
        self.id = id
        self.values = values
    }
}

/// Derives per-student parameter values from a course secret, so the same student always gets the
/// same variant and nobody without the secret can derive another student's.
///
/// The MAC is HMAC-SHA256(secret, student ‖ 0x00 ‖ question id). Parameter number *i* (in the order the
/// question lists them) reads 64 bits from the MAC (bytes 8i…8i+7 for the first four, and from
/// HMAC-SHA256(secret, MAC ‖ i) beyond that) and maps them onto the parameter's range in whole steps.
///
/// Practice (no secret) is one fixed variant per question, the same for every student id: the one the
/// tutor, `quiz paper` without a secret and `lint --answers` show. A graded variant never takes the
/// practice value of a parameter that has three or more values, so practice answers are no answer key.
public struct VariantGenerator: Sendable {
    /// True when no course secret was given and the fixed practice seed is used.
    public let isPractice: Bool
    private let secret: Data
    /// HMAC keyed with the secret, ready to be copied for each message (keying costs two hash blocks).
    nonisolated(unsafe) private let keyed: HMAC<SHA256>

    /// The seed used when no course secret is given. Anyone can compute practice variants.
    public static let practiceSeed = Data("twlab-practice".utf8)
    /// The student id every practice variant is drawn for.
    public static let practiceStudent = "practice"

    /// Uses the secret, or the practice seed when nil.
    public init(secret: Data?) {
        self.isPractice = secret == nil
        self.secret = secret ?? Self.practiceSeed
        self.keyed = HMAC<SHA256>(key: SymmetricKey(data: self.secret))
    }

    /// The variant of the question for this student.
    public func variant(for question: Question, student: String) -> Variant {
        variant(questionID: question.id, parameters: question.params, student: student)
    }

    /// The variant for a question given by id and parameter list (what `variant(for:student:)` uses).
    public func variant(questionID: String, parameters: [QuestionParameter], student: String) -> Variant {
        let mac = self.mac(questionID: questionID, student: isPractice ? Self.practiceStudent : student)
        let practice = isPractice ? nil : Self.practice.mac(questionID: questionID, student: Self.practiceStudent)
        var values: [String: Double] = [:]
        for (index, parameter) in parameters.enumerated() {
            let bits = index < 4 ? Self.word(mac, at: index * 8) : Self.word(extraBlock(mac, index), at: 0)
            if let practice, parameter.count >= 3 {
                let practiceBits = index < 4 ? Self.word(practice, at: index * 8)
                                             : Self.word(Self.practice.extraBlock(practice, index), at: 0)
                let avoided = UInt64(Self.index(practiceBits, count: parameter.count))
                var drawn = bits % UInt64(parameter.count - 1)
                if drawn >= avoided { drawn += 1 }
                values[parameter.name] = Self.value(at: drawn, of: parameter)
            } else {
                values[parameter.name] = Self.map(bits, into: parameter)
            }
        }
        let hex = mac.prefix(4).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return Variant(id: isPractice ? "practice-" + hex : hex, values: values)
    }

    /// The generator of practice variants.
    static let practice = VariantGenerator(secret: nil)

    /// HMAC-SHA256(secret, student ‖ 0x00 ‖ question id).
    private func mac(questionID: String, student: String) -> [UInt8] {
        var message = Array(student.utf8)
        message.append(0)
        message.append(contentsOf: questionID.utf8)
        var hmac = keyed
        hmac.update(data: message)
        return Array(hmac.finalize())
    }

    /// The index 64 uniform bits pick among `count` values.
    private static func index(_ bits: UInt64, count: Int) -> Int { Int(bits % UInt64(max(count, 1))) }

    /// The parameter's value number `index`, counted from the lowest.
    private static func value(at index: UInt64, of parameter: QuestionParameter) -> Double {
        let value = parameter.range.lowerBound + Double(index) * parameter.step
        return (value * 1e9).rounded() / 1e9
    }

    /// HMAC-SHA256(secret, MAC ‖ index as 32-bit big-endian), for parameters beyond the fourth.
    private func extraBlock(_ mac: [UInt8], _ index: Int) -> [UInt8] {
        var hmac = keyed
        hmac.update(data: Data(mac))
        hmac.update(data: Data(withUnsafeBytes(of: UInt32(index).bigEndian, Array.init)))
        return Array(hmac.finalize())
    }

    /// The 64-bit big-endian word at `offset`.
    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for byte in bytes[offset..<(offset + 8)] { word = word << 8 | UInt64(byte) }
        return word
    }

    /// Maps 64 uniform bits onto the parameter's range: whole steps from the lower bound when the step
    /// is positive, otherwise anywhere in the range.
    static func map(_ bits: UInt64, into parameter: QuestionParameter) -> Double {
        let lower = parameter.range.lowerBound, upper = parameter.range.upperBound
        guard lower.isFinite, upper.isFinite, upper > lower else { return lower }
        let step = parameter.step
        if step > 0, step.isFinite {
            let span = ((upper - lower) / step + 1e-9).rounded(.down)
            guard span.isFinite, span >= 0, span < 1e15 else { return lower }
            let count = UInt64(span) + 1
            let value = lower + Double(bits % count) * step
            return (value * 1e9).rounded() / 1e9
        }
        return lower + Double(bits >> 11) / Double(UInt64(1) << 53) * (upper - lower)
    }
}
