import Testing
import TCPModel

/// `set max-tw-buckets` (Linux `tcp_max_tw_buckets`, fact 19): at the limit no TIME_WAIT mini-socket
/// can be allocated. Both ISNs are 0 so the traces read as tcpdump's relative numbers.
@Suite struct TimeWaitTableTests {
    static let handshake = ["client S 0:0", "server S. 0:0 ack 1", "client . 1:1 ack 1"]
    static let start = ["set isn client 0", "set isn server 0", "open", "close client"]

    // Fact 19 with fact 33: the server's FIN carries the ACK, the client answers it as always and,
    // with the table full, closes at once instead of staying 60 s in TIME_WAIT.
    @Test func aFullTableSkipsTimeWaitButNotTheFinalAck() throws {
        let result = try simulate(["set max-tw-buckets 0"] + Self.start + ["wait 6ms", "close server", "run"])
        #expect(result.trace == Self.handshake + ["client F. 1:1 ack 1", "server F. 1:1 ack 2", "client . 2:2 ack 2"])
        #expect(result.visited[.client] == [.closed, .synSent, .established, .finWait1, .closed])
        #expect(result.outcomes == [.clean])
        #expect(result.timers(.client).allSatisfy { $0.kind != .timeWait })
    }

    // Facts 15, 19 and 40, and the kernel trace of the max-tw-buckets lab on Linux 6.18 when the
    // server's application closed after the ACK tick (connection 6, limit 3):
    //   F. 1:1 ack 1 / . 1:1 ack 2 / F. 1:1 ack 2 / R 2:2
    // The orphaned FIN_WAIT_2 needs a mini-socket too; without one it is destroyed, and the late FIN
    // finds no socket.
    @Test func aFullTableDestroysAnOrphanedFinWait2SoTheLateFinGetsAnRST() throws {
        let result = try simulate(["set max-tw-buckets 0"] + Self.start + ["wait 20ms", "close server", "run"])
        #expect(result.trace == Self.handshake + ["client F. 1:1 ack 1", "server . 1:1 ack 2",
                                                  "server F. 1:1 ack 2", "client R 2:2"])
        #expect(result.visited[.client] == [.closed, .synSent, .established, .finWait1, .finWait2, .closed])
        #expect(result.outcomes == [.reset])
        // With room in the table the same timing ends in TIME_WAIT (fact 2).
        let room = try simulate(["set max-tw-buckets 3"] + Self.start + ["wait 20ms", "close server", "run"])
        #expect(room.trace.suffix(2) == ["server F. 1:1 ack 2", "client . 2:2 ack 2"])
        #expect(room.visited[.client]?.contains(.timeWait) == true)
    }

    // Fact 15: with tcp_fin_timeout above 60 s the orphan first stays a full socket on the keepalive
    // timer, so it is not destroyed when the FIN_WAIT_2 begins.
    @Test func aLongFinTimeoutKeepsTheOrphanOutOfTheTable() throws {
        let result = try simulate(["set max-tw-buckets 0", "set fin-timeout 90s"] + Self.start + ["wait 20ms", "close server", "run"])
        #expect(result.trace.last == "client . 2:2 ack 2")
        #expect(result.visited[.client]?.contains(.timeWait) == false)
    }

    // The limit is a Linux sysctl; RFC 9293 has no such table.
    @Test func rfc9293HasNoTable() throws {
        let result = try simulate(["profile rfc9293", "set max-tw-buckets 0"] + Self.start + ["wait 20ms", "close server", "run"])
        #expect(result.visited[.client]?.contains(.timeWait) == true)
    }

    @Test func aBadCountIsOneClearError() {
        for (line, message) in [("set max-tw-buckets", "expected a bucket count"),
                                ("set max-tw-buckets -1", "expected a bucket count from 0 to 99999999, found '-1'"),
                                ("set max-tw-buckets 123456789", "found '123456789'")] {
            #expect(throws: ScenarioError.self) { try Scenario.parse(line, source: "t") }
            do { _ = try Scenario.parse(line, source: "t") } catch {
                #expect("\(error)".contains(message), "\(line): \(error)")
            }
        }
    }
}
