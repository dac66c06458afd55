import Foundation

/// Whether a question is a prediction checked by simulation or a conceptual quiz question.
public enum QuestionKind: String, Sendable, Codable { case predict, quiz }
