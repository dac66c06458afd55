import Foundation
import Testing
@testable import SocketLab

@Suite struct SocketTableJSONTests {
    @Test func shapeIsExactlyTheOneTheIssueAsksFor() throws {
        let table = SocketTable.parse([Fixtures.listener, Fixtures.timeWait, Fixtures.ipv6].joined(separator: "\n"))
        let data = Data(SocketTableJSON.bytes(of: table))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["sockets", "counts"])
        let sockets = try #require(object["sockets"] as? [[String: Any]])
        #expect(sockets.count == 3)
        let keys: Set<String> = ["family", "local", "remote", "local_port", "remote_port", "state", "timer", "timer_ms",
                                 "retransmits", "uid", "inode", "tx_queue", "rx_queue"]
        for socket in sockets { #expect(Set(socket.keys) == keys) }
        let tw = try #require(sockets.first { $0["state"] as? String == "TIME_WAIT" })
        #expect(tw["local"] as? String == "127.0.0.1")
        #expect(tw["local_port"] as? Int == 43506)
        #expect(tw["remote_port"] as? Int == 40555)
        #expect(tw["timer"] as? String == "time-wait")
        #expect(tw["timer_ms"] as? Int == 59_800)
        #expect(tw["family"] as? String == "ipv4")
        let six = try #require(sockets.first { $0["family"] as? String == "ipv6" })
        #expect(six["local"] as? String == "::1")
        #expect(six["retransmits"] as? Int == 2)
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["LISTEN": 1, "TIME_WAIT": 1, "ESTABLISHED": 1])
    }

    @Test func emptyTableIsValidJSON() throws {
        let data = Data(SocketTableJSON.bytes(of: SocketTable()))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["sockets"] as? [Any])?.isEmpty == true)
        #expect((object["counts"] as? [String: Any])?.isEmpty == true)
    }
}
