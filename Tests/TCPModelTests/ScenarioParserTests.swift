import Foundation
import Testing
import TCPModel

/// The scenario language: what parses, and the one-line errors for what does not.
@Suite struct ScenarioParserTests {
    @Test func parsesEveryVerbCaseInsensitively() throws {
        let text = """
            PROFILE rfc9293   # comment
            set time-wait 30s
            set msl 1m
            set rto 250ms
            set latency 1.5s
            set fin-timeout 5s
            set rfc1337 on
            set retries 3
            set isn client 42
            set timestamps off
            Open
            send client 100
            drop server->client fin+ack #2
            duplicate client->server PSH,ACK after 2msl
            shutdown client
            close server
            abort client
            wait 250ms
            run
            reconnect
            expect client time-wait
            expect server FIN_WAIT2
            expect client sent ACK|FIN
            expect outcome stale-data
            """
        let scenario = try Scenario.parse(text, source: "all")
        #expect(scenario.profile == .rfc9293)
        let actions = scenario.steps.map(\.action)
        #expect(actions.contains(.set(.timeWait(.milliseconds(30_000)))))
        #expect(actions.contains(.set(.msl(.milliseconds(60_000)))))
        #expect(actions.contains(.set(.latency(.milliseconds(1_500)))))
        #expect(actions.contains(.set(.isn(.client, 42))))
        #expect(actions.contains(.drop(SegmentMatch(from: .server, flags: [.fin, .ack]), nth: 2)))
        #expect(actions.contains(.duplicate(SegmentMatch(from: .client, flags: [.psh, .ack]), after: .msl(2))))
        #expect(actions.contains(.expectState(.client, .timeWait)))
        #expect(actions.contains(.expectState(.server, .finWait2)))
        #expect(actions.contains(.expectSent(.client, [.fin, .ack])))
        #expect(actions.contains(.expectOutcome(.staleData)))
        #expect(scenario.steps.first { $0.action == .open }?.line == 11)
    }

    @Test func twoMslFollowsTheCurrentMsl() {
        var settings = ProfileSettings(.rfc9293)
        settings.msl = 30_000
        #expect(ScenarioDuration.msl(2).milliseconds(under: settings) == 60_000)
    }

    /// (text, line, column, a word the message must contain)
    static let malformed: [(String, Int, Int, String)] = [
        ("open\nfrobnicate client", 2, 1, "unknown command"),
        ("open\nclose clinet", 2, 7, "client or server"),
        ("wait 5", 1, 6, "bad duration"),
        ("wait 5s parsecs", 1, 9, "unexpected"),
        ("wait fives", 1, 6, "bad duration"),
        ("close client", 1, 1, "add an 'open'"),
        ("send client 10", 1, 1, "add an 'open'"),
        ("open\ndrop client->client", 2, 6, "direction"),
        ("open\ndrop client->server FUN", 2, 21, "flags"),
        ("open\ndrop client->server #0", 2, 21, "#N"),
        ("open\nexpect client SLEEPING", 2, 15, "unknown state"),
        ("open\nprofile linux", 2, 1, "before any action"),
        ("profile bsd", 1, 9, "unknown profile"),
        ("set colour blue", 1, 5, "unknown setting"),
        ("set rfc1337 maybe", 1, 13, "on or off"),
        ("open\nopen", 2, 1, "already open"),
        ("open\nsend client", 2, 12, "byte count"),
        ("   open extra", 1, 9, "unexpected"),
        ("duplicate client->server ACK 5s", 1, 30, "after"),
        // RTO: 1 ms to 120 s (TCP_RTO_MAX); the message also names Linux's 200 ms floor (TCP_RTO_MIN).
        ("set rto 0ms", 1, 9, "use 1 ms to 120 s"),
        ("set rto 0.4ms", 1, 9, "out of range"),
        ("set rto 121s", 1, 9, "200 ms"),
        ("set rto 2msl", 1, 9, "not in MSLs"),
        ("set rto -200ms", 1, 9, "negative"),
        ("set latency -5ms", 1, 13, "negative"),
        ("set latency 61s", 1, 13, "use 0 ms to 60 s"),
        ("wait -1s", 1, 6, "negative"),
    ]

    /// The ends of the allowed ranges are accepted.
    @Test func rtoAndLatencyAcceptTheEndsOfTheirRanges() throws {
        let scenario = try Scenario.parse("set rto 1ms\nset rto 120s\nset latency 0ms\nset latency 1m", source: "ok.twsim")
        #expect(scenario.steps.map(\.action) == [.set(.rto(.milliseconds(1))), .set(.rto(.milliseconds(120_000))),
                                                 .set(.latency(.milliseconds(0))), .set(.latency(.milliseconds(60_000)))])
    }

    @Test(arguments: malformed)
    func malformedLinesGiveOneLineErrorsWithLineAndColumn(_ item: (String, Int, Int, String)) {
        let (text, line, column, needle) = item
        do {
            _ = try Scenario.parse(text, source: "bad.twsim")
            Issue.record("'\(text)' parsed")
        } catch let error as ScenarioError {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(needle), "\(error)")
            #expect(error.description.hasPrefix("bad.twsim:\(line):\(column): error: "))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aOneMebibyteLineIsAnErrorNotACrash() {
        let long = String(repeating: "x", count: 1 << 20)
        #expect(throws: ScenarioError.self) { try Scenario.parse("open\n" + long, source: "big") }
        do { _ = try Scenario.parse("open\n" + long, source: "big") } catch let error as ScenarioError {
            #expect(error.line == 2 && error.column == 1)
            #expect(error.description.count < 400, "the message quotes only the start of the word")
        } catch { Issue.record("\(error)") }
        let longDuration = "wait " + String(repeating: "9", count: 1 << 20) + "s"
        #expect(throws: ScenarioError.self) { try Scenario.parse(longDuration, source: "big") }
    }

    @Test func binaryJunkIsAnErrorNotACrash() {
        var bytes = [UInt8](repeating: 0, count: 4096)
        var state: UInt32 = 12345
        for i in bytes.indices {
            state = state &* 1_103_515_245 &+ 12_345
            bytes[i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        bytes[0] = 0xFF
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try Scenario.parse(text, source: "junk.bin")
            Issue.record("junk parsed")
        } catch let error as ScenarioError {
            #expect(error.line >= 1 && error.column >= 1)
            #expect(!error.description.contains("\n"))
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "control characters are not echoed")
        } catch { Issue.record("\(error)") }
    }

    @Test func hashCountsSurviveButCommentsAreDropped() throws {
        let scenario = try Scenario.parse("open # a comment\ndrop client->server ACK #3 # third ACK", source: "c")
        #expect(scenario.steps.map(\.action) == [.open, .drop(SegmentMatch(from: .client, flags: .ack), nth: 3)])
    }
}
