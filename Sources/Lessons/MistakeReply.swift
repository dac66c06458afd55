import Foundation

/// A targeted reply to one common wrong answer of a question, from its `mistakes:` map.
///
/// The reply says what the wrong answer would mean and which segment or timer rules it out here,
/// without naming the right answer. An answer matches the entry when the shared checker would accept
/// it against `answer` (so `fin wait 2` matches an entry written `FIN_WAIT_2`).
public struct MistakeReply: Sendable, Equatable {
    /// The wrong answer this reply is for, written as an answer of the question's kind.
    public var answer: String
    /// What to tell a learner who gave it.
    public var reply: String
    /// Where the entry starts in the lesson file.
    public var location: SourceLocation?

    /// Creates a reply for one wrong answer.
    public init(answer: String, reply: String, location: SourceLocation? = nil) {
        self.answer = answer; self.reply = reply; self.location = location
    }
}

extension Question {
    /// The targeted reply for `given`, when the question has one for that answer.
    public func mistakeReply(for given: String) -> MistakeReply? {
        mistakes.first { entry in
            var probe = self
            probe.relativeTolerance = nil
            return AnswerChecker.check(given, question: probe, expected: entry.answer) == .correct
        }
    }
}
