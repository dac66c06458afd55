import Foundation
import Testing
import TCPModel

/// The JSON shapes and the text diagram, read back with independent tools (Foundation's JSON parser).
@Suite struct OutputFormatTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func runJSONHasTheDocumentedShape() throws {
        let result = Simulator.run(try builtins.load("lost-final-ack"))
        let json = try object(SimulationJSON.encode(result))
        #expect(Set(json.keys) == ["profile", "passed", "outcome", "final", "visited", "events"])
        #expect(json["profile"] as? String == "linux")
        #expect(json["passed"] as? Bool == true)
        #expect(json["outcome"] as? [String] == ["clean"])
        #expect((json["final"] as? [String: String]) == ["client": "CLOSED", "server": "CLOSED"])
        let visited = try #require(json["visited"] as? [String: [String]])
        #expect(visited["client"]?.contains("TIME_WAIT") == true)
        let events = try #require(json["events"] as? [[String: Any]])
        let types = Set(events.compactMap { $0["type"] as? String })
        #expect(types.isSubset(of: ["send", "receive", "drop", "state", "timer", "error", "expect"]))
        #expect(types.isSuperset(of: ["send", "receive", "drop", "state", "timer", "expect"]))
        for event in events {
            #expect(event["t_ms"] is Int)
            switch event["type"] as? String {
            case "send", "receive", "drop":
                for key in ["from", "to", "flags"] { #expect(event[key] is String, "\(key)") }
                for key in ["seq", "ack", "len"] { #expect(event[key] is Int, "\(key)") }
            case "state":
                for key in ["endpoint", "from", "to"] { #expect(event[key] is String) }
            case "timer":
                #expect(["retransmit", "time-wait", "fin-wait-2", "delayed-ack"].contains(event["timer"] as? String ?? ""))
                #expect(["start", "restart", "cancel", "expire"].contains(event["action"] as? String ?? ""))
                #expect(event["ms"] is Int && event["endpoint"] is String)
            case "expect":
                #expect(event["line"] is Int && event["text"] is String && event["passed"] is Bool && event["actual"] is String)
            default: break
            }
        }
        #expect(events.contains { $0["type"] as? String == "timer" && $0["timer"] as? String == "time-wait"
            && $0["action"] as? String == "restart" })
    }

    @Test func errorEventsCarryTheErrno() throws {
        let json = try object(SimulationJSON.encode(Simulator.run(try builtins.load("abort"))))
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.contains { $0["type"] as? String == "error" && $0["errno"] as? String == "ECONNRESET"
            && $0["endpoint"] as? String == "server" })
    }

    @Test func explorationJSONHasTheDocumentedShape() throws {
        let exploration = Explorer.explore(try builtins.load("active-close"), maxLosses: 1, profile: .noTimeWait)
        let json = try object(SimulationJSON.encode(exploration))
        #expect(Set(json.keys) == ["runs", "classes"])
        let classes = try #require(json["classes"] as? [[String: Any]])
        #expect(classes.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == json["runs"] as? Int)
        for item in classes {
            #expect(item["outcome"] is [String])
            let example = try #require(item["example"] as? [String: Any])
            #expect(example["dropped"] is [String])
            #expect(example["final"] is [String: String])
        }
    }

    @Test func jsonStringsAreEscaped() throws {
        let result = try simulate("open", "expect client \"CLOSED\"".replacingOccurrences(of: "\"", with: ""))
        _ = try object(SimulationJSON.encode(result))
    }

}
