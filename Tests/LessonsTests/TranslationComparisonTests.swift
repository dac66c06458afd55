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

    func parameterLesson(params: String, ask: String, key: String = "{first}",
                         choices: String = "[client, server, nobody]") -> String {
        """
        ---
        id: a
        title: T
        summary: S
        minutes: 5
        requires: []
        ---
        ## Step

        ```predict
        id: state
        ask: "\(ask)"
        params:
        \(params)
        script: |
          open
          close {first}
          wait {pause}
        observe: final server
        hints: [Think.]
        explain: E.
        ```

        ```quiz
        id: last
        ask: Who speaks last?
        params:
          order: {first: \(key == "{first}" ? "[client, server]" : key), second: [server, client]}
        type: choice
        choices: \(choices)
        key: "{first}"
        hints: [Think.]
        explain: E.
        ```
        """
    }

    static let englishParams = """
          order: {first: [client, server], second: [server, client]}
          later: {when: [One second, 2 ms], pause: [1s, 2ms]}
        """

    @Test func translatedDisplayWordsAndPlaceholdersOfItsOwnPass() throws {
        let english = parameterLesson(params: Self.englishParams, ask: "The {first} closes. {when} later?")
        let chinese = parameterLesson(params: """
              order: {first: [client, server], second: [server, client], firstZh: [客户端, 服务器]}
              later: {when: [一秒, 2 毫秒], pause: [1s, 2ms]}
            """, ask: "{firstZh}关闭。{when}后？", key: "[客户端, 服务器]", choices: "[客户端, 服务器, 谁也不是]")
        let errors = try lint(english: english, chinese: chinese)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func aValueTheScenarioReadsMustNotChange() throws {
        let english = parameterLesson(params: Self.englishParams, ask: "The {first} closes. {when} later?")
        let chinese = parameterLesson(params: """
              order: {first: [client, server], second: [server, client]}
              later: {when: [一秒, 2 毫秒], pause: [1s, 20ms]}
            """, ask: "{first}关闭。{when}后？")
        let errors = try lint(english: english, chinese: chinese)
        #expect(errors.contains { $0.contains("{pause} reaches the scenario") }, "\(errors)")
    }

    @Test func renamedOrMissingParametersAreErrors() throws {
        let english = parameterLesson(params: Self.englishParams, ask: "The {first} closes. {when} later?")
        let chinese = parameterLesson(params: """
              order: {first: [client, server], second: [server, client]}
              delay: {when: [一秒, 2 毫秒], pause: [1s, 2ms]}
            """, ask: "{first}关闭。{when}后？")
        let errors = try lint(english: english, chinese: chinese)
        #expect(errors.contains { $0.contains("lacks the parameter(s) later") }, "\(errors)")
        #expect(errors.contains { $0.contains("has parameter(s) delay") }, "\(errors)")
    }

    @Test func everyVariantIsCompared() throws {
        // The lowest variant agrees (client); the second does not (服务器 is second in English, first here).
        let english = parameterLesson(params: Self.englishParams, ask: "The {first} closes. {when} later?")
        let chinese = parameterLesson(params: Self.englishParams, ask: "{first}关闭。{when}后？",
                                      key: "[客户端, 服务器]", choices: "[客户端, 谁也不是, 服务器]")
        let errors = try lint(english: english, chinese: chinese)
        #expect(errors.contains { $0.contains("'last' computes") && $0.contains("order = 1") }, "\(errors)")
    }
}
