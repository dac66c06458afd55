import Foundation

extension DirectiveDecoder {
    /// Reads `mistakes:`, a mapping from a common wrong answer to the reply it gets. Each answer must
    /// be an answer of the question's kind (lint also checks that none of them is the right answer).
    func mistakes(_ fields: inout DirectiveFields, kind: AnswerKind?) -> [MistakeReply] {
        guard let node = fields.raw("mistakes") else { return [] }
        guard let pairs = node.pairs else {
            fields.error(node, "'mistakes' must map each common wrong answer to its reply, e.g. 'FIN_WAIT_2: That is where …'")
            return []
        }
        var result: [MistakeReply] = []
        for pair in pairs {
            guard let reply = pair.value.string?.trimmingCharacters(in: .whitespacesAndNewlines), !reply.isEmpty else {
                fields.error(pair.value, "the reply to the mistake '\(pair.key)' must be text"
                             + (pair.value.pairs != nil ? " (text that contains ': ' must be put in quotes)" : ""))
                continue
            }
            if let kind, case .invalid(let why) = AnswerChecker.check(pair.key, against: pair.key, kind: kind) {
                fields.error(pair.value, "the mistake '\(pair.key)' is not a \(kind.name) answer: \(why)")
                continue
            }
            result.append(MistakeReply(answer: pair.key, reply: reply, location: fields.location(pair.value)))
        }
        return result
    }

    /// Reads `tolerance: 5%` as a relative tolerance (0.05); nil when the tolerance is absolute or absent.
    func relativeTolerance(_ fields: inout DirectiveFields) -> Double? {
        guard let node = fields.node.pairs?.first(where: { $0.key == "tolerance" })?.value,
              let text = node.string?.trimmingCharacters(in: .whitespaces), text.hasSuffix("%") else { return nil }
        guard let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), percent > 0, percent <= 100 else {
            fields.error(node, "a relative 'tolerance' is a percentage between 0 and 100, e.g. '5%'")
            return nil
        }
        return percent / 100
    }
}
