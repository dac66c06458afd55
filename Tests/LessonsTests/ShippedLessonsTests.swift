import Foundation
import Testing
import TCPModel
@testable import Lessons

/// The lessons shipped in `Lessons/`: their shape, and that the simulator's answers to their
/// predictions are what the fact sheet (`time-wait-facts.md`) says.
@Suite("Shipped lessons")
struct ShippedLessonsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons")
    static let catalog = LessonCatalog.load(directory: root)
    static let library = ScenarioLibrary(directory: root.appendingPathComponent("scenarios"))

    /// The computed answer of the variant whose placeholders read as given (the first such variant).
    private func answer(_ id: String, _ reading: [String: String] = [:]) throws -> String {
        let question = try #require(Self.catalog.question(id), "no question \(id)")
        let values = try #require(question.parameterSpace().first { values in
            let texts = question.substitutions(for: values)
            return reading.allSatisfy { texts[$0.key] == $0.value }
        }, "no variant of \(id) reads \(reading)")
        return try AnswerOracle.expected(for: question, parameters: values, scenarios: Self.library)
    }

    @Test func eightLessonsLoadWithoutErrors() {
        #expect(Self.catalog.errors.isEmpty, "\(Self.catalog.errors.map(\.description))")
        #expect(Self.catalog.lessons.map(\.id) == [
            "four-way-close", "lost-final-ack", "wandering-duplicates", "seeing-it-on-linux",
            "the-harm", "what-helps", "myths", "edge-cases", "interview-questions", "glossary",
        ])
    }

    @Test func everyLessonHasTheRequiredShape() {
        var allIDs: Set<String> = []
        for lesson in Self.catalog.lessons {
            #expect((5...15).contains(lesson.minutes), "\(lesson.id)")
            let simulated = lesson.questions.filter {
                guard $0.kind == .predict else { return false }
                switch $0.source {
                case .simulation: return true
                case .experiment(_, _, let fallback): return fallback != nil
                default: return false
                }
            }
            #expect(simulated.count >= 2, "\(lesson.id) has \(simulated.count) simulated predictions")
            for question in lesson.questions {
                #expect(allIDs.insert(question.id).inserted, "duplicate \(question.id)")
                #expect(!question.explain.isEmpty)
            }
            // Each lesson ends in a summary of three points.
            let last = lesson.steps.last
            #expect(last?.title == "Summary", "\(lesson.id)")
            if case .text(let text)? = last?.blocks.first {
                #expect(text.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == 3, "\(lesson.id)")
                #expect(text.contains("Free play"), "\(lesson.id)")
            }
        }
        #expect(Self.catalog.questions.contains { !$0.params.isEmpty })
        #expect(Self.catalog.questions.filter { $0.kind == .quiz }.count >= 8)
    }

    @Test func everyNamedExperimentAppearsInALesson() {
        var named: Set<String> = []
        for lesson in Self.catalog.lessons {
            for step in lesson.steps {
                for block in step.blocks { if case .lab(let lab) = block { named.insert(lab.experiment) } }
            }
        }
        #expect(named == ["active-close", "passive-close", "linger-abort", "rebind", "port-exhaustion",
                          "tw-reuse", "fin-timeout", "max-tw-buckets", "lost-final-ack", "no-time-wait-world",
                          "assassination", "old-syn", "wandering-duplicate", "lost-fin-retransmission"])
    }

    @Test func quizKeysMatchTheFactSheet() throws {
        #expect(try answer("wandering-duplicates/rfc-time-wait", ["msl": "2"]) == "4")       // §6: 2 × 2 min
        #expect(try answer("wandering-duplicates/rfc-vs-linux", ["msl": "120"]) == "4")      // §6, §13: 240 s vs 60 s
        #expect(try answer("the-harm/range-size", ["low": "32024", "high": "60000"]) == "27977")
        #expect(try answer("myths/recycle") == "4.12")                                       // §18
        #expect(try answer("seeing-it-on-linux/st-code", ["state": "TIME_WAIT"]) == "06")    // §26
        #expect(try answer("seeing-it-on-linux/st-code", ["state": "CLOSE_WAIT"]) == "08")   // §26
        #expect(try answer("seeing-it-on-linux/loopback-hex", ["address": "127.0.0.1"]) == "0100007F") // §25
        #expect(try answer("seeing-it-on-linux/port-hex", ["hex": "9E6B"]) == "40555")       // §25
        #expect(try answer("myths/buckets", ["buckets": "3", "closes": "12"]) == "9")        // §19: 12 − 3 closes get no bucket
        #expect(try answer("four-way-close/last-sender", ["first": "server"]) == "server")   // the active closer's ACK ends it
        #expect(try answer("edge-cases/closing", ["next": "CLOSING"]) == "CLOSING")
        let ceiling = try #require(Self.catalog.question("the-harm/ceiling"))
        let at28232 = try AnswerOracle.expected(for: ceiling, parameters: ["ports": 28232], scenarios: Self.library)
        #expect(AnswerChecker.check("470", question: ceiling, expected: at28232) == .correct) // §31: ≈470/s
    }

    @Test func predictionsAgreeWithTheFactSheet() throws {
        // §A2: the passive closer waits in CLOSE_WAIT, the active closer in FIN_WAIT_2, then TIME_WAIT.
        #expect(try answer("four-way-close/server-after-client-fin", ["first": "client", "pause": "1s"]) == "CLOSE_WAIT")
        #expect(try answer("four-way-close/server-after-client-fin", ["first": "server", "pause": "1s"]) == "FIN_WAIT_2")
        #expect(try answer("four-way-close/server-after-client-fin", ["first": "client", "pause": "2ms"]) == "ESTABLISHED")
        #expect(try answer("four-way-close/client-half-closed", ["first": "client", "pause": "1s"]) == "FIN_WAIT_2")
        #expect(try answer("four-way-close/client-half-closed", ["first": "client", "pause": "2ms"]) == "FIN_WAIT_1")
        #expect(try answer("four-way-close/server-after-own-fin", ["first": "client", "pause": "0ms"]) == "LAST_ACK")
        #expect(try answer("four-way-close/client-after-both", ["first": "client", "profile": "linux", "after": "5"]) == "TIME_WAIT")
        #expect(try answer("four-way-close/client-after-both", ["first": "client", "profile": "linux", "after": "90"]) == "CLOSED")
        #expect(try answer("four-way-close/client-after-both", ["first": "client", "profile": "rfc9293", "after": "200"]) == "TIME_WAIT")
        #expect(try answer("four-way-close/server-closes-first") == "server")
        // §F38: SO_REUSEADDR without timestamps: connect() on one's own TIME_WAIT fails with EADDRNOTAVAIL.
        #expect(try answer("edge-cases/own-time-wait") == "EADDRNOTAVAIL")
        // §F33: after data the server delays the ACK of the FIN, so the client is still in FIN_WAIT_1.
        #expect(try answer("four-way-close/delayed-ack-close") == "FIN_WAIT_1")
        // §A4: a lost final ACK makes the passive side retransmit its FIN; TIME_WAIT re-ACKs it.
        #expect(try answer("lost-final-ack/server-resends", ["first": "client"]) == "FIN|ACK")
        #expect(try answer("lost-final-ack/server-ends-clean", ["first": "client"]) == "CLOSED")
        #expect(try answer("lost-final-ack/server-ends-clean", ["first": "server"]) == "TIME_WAIT")
        // §A5: without TIME_WAIT the closed client answers the FIN (which carries ACK) with a bare RST.
        #expect(try answer("lost-final-ack/closed-client-answers", ["first": "client"]) == "RST")
        #expect(try answer("lost-final-ack/outcome-without-tw", ["profile": "no-time-wait"]) == "reset")
        #expect(try answer("lost-final-ack/outcome-without-tw", ["profile": "linux"]) == "clean")
        #expect(try answer("lost-final-ack/explore-linux", ["profile": "linux"]) == "0")
        #expect(try answer("lost-final-ack/explore-no-tw", ["profile": "no-time-wait", "first": "client"]) == "1")
        // §A6, §C13: RFC TIME_WAIT is 4 min, Linux 60 s.
        #expect(try answer("wandering-duplicates/linux-after-61s", ["profile": "linux", "after": "61"]) == "CLOSED")
        #expect(try answer("wandering-duplicates/linux-after-61s", ["profile": "rfc9293", "after": "61"]) == "TIME_WAIT")
        #expect(try answer("wandering-duplicates/rfc-after-61s", ["first": "client", "after": "61"]) == "TIME_WAIT")
        #expect(try answer("wandering-duplicates/stale-with-tw", ["msl": "30", "late": "45"]) == "clean")
        #expect(try answer("wandering-duplicates/stale-with-tw", ["msl": "120", "late": "90"]) == "stale-data")
        #expect(try answer("wandering-duplicates/stale-without-tw", ["name": "wandering-duplicate-without-time-wait"]) == "stale-data") // RFC 1337 hazard H1
        // §C15: fin_timeout ends an orphan FIN_WAIT_2 but not TIME_WAIT; a late FIN then gets RST.
        #expect(try answer("myths/orphan-gone", ["fin": "5", "after": "8"]) == "CLOSED")
        #expect(try answer("myths/orphan-gone", ["fin": "15", "after": "8"]) == "FIN_WAIT_2")
        #expect(try answer("myths/tw-unchanged", ["fin": "5", "after": "30"]) == "TIME_WAIT")
        #expect(try answer("myths/late-fin", ["fin": "5", "after": "10"]) == "RST")
        // §C22: SO_LINGER 0 sends a reset, the peer sees ECONNRESET.
        #expect(try TCPFlags(parsing: answer("what-helps/abort-sends", ["action": "abort"]))?.contains(.rst) == true)
        #expect(try answer("what-helps/abort-peer-error") == "ECONNRESET")
        // §A3: simultaneous close leaves both in TIME_WAIT. §C12: assassination. §C11: reopening SYN.
        #expect(try answer("edge-cases/simultaneous-side", ["pause": "wait 0ms"]) == "both")
        #expect(try answer("seeing-it-on-linux/holder-client-closes", ["pause": "wait 0ms"]) == "both")
        #expect(try answer("seeing-it-on-linux/holder-client-closes", ["first": "server"]) == "server")
        #expect(try answer("the-harm/server-side", ["pause": "wait 0ms"]) == "both")
        #expect(try answer("the-harm/server-side", ["first": "client", "pause": "wait 100ms"]) == "client")
        #expect(try answer("edge-cases/assassination", ["value": "0"]) == "CLOSED")
        #expect(try answer("edge-cases/assassination", ["value": "1"]) == "TIME_WAIT")
        #expect(try answer("edge-cases/reopen") == "ESTABLISHED")
    }

    @Test func everyComputedAnswerIsGradedCorrectAndAWrongOneIsNot() throws {
        for question in Self.catalog.questions {
            let values = Dictionary(uniqueKeysWithValues: question.params.map { ($0.name, $0.range.upperBound) })
            let expected = try AnswerOracle.expected(for: question, parameters: values, scenarios: Self.library)
            #expect(AnswerChecker.check(expected, question: question, expected: expected) == .correct, "\(question.id)")
            let wrong: String
            switch question.answerKind {
            case .state: wrong = expected == "LISTEN" ? "CLOSING" : "LISTEN"
            case .flags: wrong = expected == "SYN" ? "PSH" : "SYN"
            case .number(let tolerance):
                let value = Double(expected) ?? 0
                wrong = AnswerFormatter.number(value + max(tolerance, abs(value) * (question.relativeTolerance ?? 0)) + 1000)
            case .choice(let choices): wrong = choices.first { AnswerChecker.fold($0) != AnswerChecker.fold(expected) } ?? "x"
            case .text: wrong = "certainly not this"
            }
            #expect(AnswerChecker.check(wrong, question: question, expected: expected) == .wrong, "\(question.id): \(wrong)")
        }
    }

    @Test func linterFindsNoErrorsInTheShippedLessons() {
        let experiments = ["active-close", "passive-close", "linger-abort", "rebind", "port-exhaustion", "tw-reuse",
                           "fin-timeout", "max-tw-buckets", "lost-final-ack", "no-time-wait-world", "assassination",
                           "old-syn", "wandering-duplicate", "lost-fin-retransmission"].reduce(into: [String: [String]]()) { $0[$1] = [] }
        var linter = Linter(experiments: experiments)
        linter.experiments["passive-close"] = ["time_wait_side", "client_after_server_close"]
        linter.experiments["linger-abort"] = ["peer_errno", "time_wait_side"]
        linter.experiments["active-close"] = ["time_wait_side", "client_after_close", "server_after_client_close"]
        linter.experiments["port-exhaustion"] = ["first_error", "time_wait_side"]
        linter.experiments["fin-timeout"] = ["orphan_state_after_limit", "time_wait_state_after_limit"]
        linter.experiments["lost-final-ack"] = ["answer_to_retransmitted_fin"]
        linter.experiments["no-time-wait-world"] = ["answer_to_retransmitted_fin"]
        linter.experiments["wandering-duplicate"] = ["timestamps_round_outcome", "quiet_round_outcome"]
        linter.experiments["max-tw-buckets"] = ["client_state_beyond_limit"]
        linter.experiments["old-syn"] = ["old_syn_answer", "server_after_newer_syn"]
        let report = linter.lint([Self.root])
        #expect(report.errors.isEmpty, "\(report.errors.map(\.description))")
        #expect(report.lessonCount == 20, "ten lessons in en/ and their ten translations in zh-Hans/")
    }
}
