import Foundation
import Testing
@testable import Lessons

/// Lint compares a translated question with its English original: what is graded must not change.
@Suite("Translation comparison")
struct TranslationComparisonTests {
    func lesson(choices: String, key: String, number: String = "4", predictChoices: String = "[clean, reset, timeout, open]") -> String {
        """
        ---
        id: a
        title: T
        summary: S
        minutes: 5
        requires: []
        ---
        ## Step

        ```quiz
        id: pick
        ask: Pick one.
        type: choice
        choices: \(choices)
        key: \(key)
        hints: [Think.]
        explain: E.
        ```

        ```quiz
        id: count
        ask: How many?
        type: number
        key: "\(number)"
        hints: [Count.]
        explain: E.
        ```

        ```predict
        id: end
        ask: How does it end?
        script: |
          open
          close client
          wait 100ms
          drop client->server ACK
          close server
          wait 5s
        profile: no-time-wait
        observe: outcome
        choices: \(predictChoices)
        hints: [Look at the last segment.]
        explain: E.
        ```
        """
    }

    func lint(english: String, chinese: String) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-translation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in ["en/01-a.md": english, "zh-Hans/01-a.md": chinese] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        return Linter(experiments: [:]).lint([root]).errors.map(\.description)
    }

    @Test func aFaithfulTranslationPasses() throws {
        let errors = try lint(english: lesson(choices: "[client, server, nobody]", key: "client"),
                              chinese: lesson(choices: "[客户端, 服务器, 谁也不是]", key: "客户端"))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func anotherKeyPositionNumberOrChoiceCountIsAnError() throws {
        let errors = try lint(english: lesson(choices: "[client, server, nobody]", key: "client"),
                              chinese: lesson(choices: "[客户端, 服务器, 谁也不是]", key: "服务器", number: "5"))
        #expect(errors.contains { $0.contains("'pick' computes '服务器' where the English one computes 'client'") }, "\(errors)")
        #expect(errors.contains { $0.contains("'count' computes '5'") }, "\(errors)")
        let fewer = try lint(english: lesson(choices: "[client, server, nobody]", key: "client"),
                             chinese: lesson(choices: "[客户端, 服务器]", key: "客户端"))
        #expect(fewer.contains { $0.contains("has 2 choices; the English one 3") }, "\(fewer)")
    }
}
