import Testing
import TCPModel
@testable import SocketLab

/// Fixture lines in the two shapes the kernel prints (net/ipv4/tcp_ipv4.c `get_tcp4_sock`,
/// `get_timewait4_sock`; net/ipv6/tcp_ipv6.c), with expectations taken from the fact sheet (§D).
enum Fixtures {
    /// Fact sheet #28: a TIME_WAIT minisocket, 12 fields.
    static let timeWait = "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000     0        0 0 3 0000000000000000"
    /// An orphaned FIN_WAIT_2 kept as a minisocket: st 05, tr 3 (#15, #28).
    static let finWait2Minisocket = "   7: 0100007F:9C40 0100007F:1388 05 00000000:00000000 03:000001F4 00000000     0        0 0 3 0000000000000000"
    /// A listener with three connections waiting in its accept queue (rx_queue = backlog, #24).
    static let listener = "   0: 0100007F:1388 00000000:0000 0A 00000000:00000003 00:00000000 00000000  1000        0 34567 1 0000000000000000 100 0 0 10 0"
    /// A full IPv4 socket with keepalive timer and data queued both ways.
    static let established = "   1: 0100007F:1388 0100007F:D431 01 0000002A:00000007 02:00001B58 00000000  1000        0 34568 1 0000000000000000 20 4 30 10 -1"
    /// IPv6 ::1 (#25), retransmit timer 20 ticks, two retransmissions, ssthresh −1.
    static let ipv6 = "   0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:A3C2 01 00000010:00000000 01:00000014 00000002  1000        0 45678 2 0000000000000000 20 4 30 10 -1"
    /// IPv4-mapped IPv6 (::ffff:127.0.0.1), zero-window probe timer.
    static let mapped = "   3: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:B0E2 01 00000000:00000000 04:00000064 00000000     0        0 45999 1 0000000000000000 20 4 30 10 -1"
    /// The header line that starts /proc/net/tcp.
    static let header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
}

@Suite struct ProcNetTCPParserTests {
    let parser = ProcNetTCPParser(ticksPerSecond: 100)

    func socket(_ line: String) -> SocketEntry? {
        if case .socket(let entry) = parser.parseLine(line) { return entry }
        return nil
    }

    @Test func timeWaitMinisocketFromTheFactSheet() throws {
        let e = try #require(socket(Fixtures.timeWait))
        #expect(e.local.text == "127.0.0.1")
        #expect(e.localPort == 43506)  // 0xA9F2
        #expect(e.remote.text == "127.0.0.1")
        #expect(e.remotePort == 40555)  // 0x9E6B, as #25 says
        #expect(e.state == .timeWait)
        #expect(e.timer == .timeWait)
        #expect(e.timerMilliseconds == 59_800)  // 0x175C = 5980 ticks at USER_HZ 100
        #expect(e.isMinisocket)
        #expect(e.uid == 0 && e.inode == 0 && e.txQueue == 0 && e.rxQueue == 0 && e.retransmits == 0)
        #expect(e.family == .ipv4)
    }

    @Test func finWait2SubstateReadsAsFinWait2() throws {
        let e = try #require(socket(Fixtures.finWait2Minisocket))
        #expect(e.state == .finWait2)
        #expect(e.stateCode == 5)
        #expect(e.timer == .timeWait)
        #expect(e.timerMilliseconds == 5_000)  // 0x1F4 = 500 ticks
        #expect(e.isMinisocket)
    }

    @Test func listenerBacklogIsTheReceiveQueue() throws {
        let e = try #require(socket(Fixtures.listener))
        #expect(e.state == .listen)
        #expect(e.localPort == 5000)
        #expect(e.remote.isUnspecified && e.remotePort == 0)
        #expect(e.rxQueue == 3)
        #expect(e.uid == 1000 && e.inode == 34567)
        #expect(!e.isMinisocket)
        #expect(e.timer == KernelTimer.none)
    }

    @Test func establishedWithKeepaliveAndQueues() throws {
        let e = try #require(socket(Fixtures.established))
        #expect(e.state == .established)
        #expect(e.txQueue == 42 && e.rxQueue == 7)
        #expect(e.timer == .keepalive)
        #expect(e.timerMilliseconds == 70_000)  // 0x1B58 = 7000 ticks
        #expect(e.remotePort == 54321)
    }

    @Test func ipv6LoopbackRetransmitting() throws {
        let e = try #require(socket(Fixtures.ipv6))
        #expect(e.family == .ipv6)
        #expect(e.local.text == "::1")
        #expect(e.local.isLoopback)
        #expect(e.localPort == 8080 && e.remotePort == 41922)
        #expect(e.timer == .retransmit)
        #expect(e.timerMilliseconds == 200)
        #expect(e.retransmits == 2)
        #expect(e.txQueue == 16)
        #expect(SocketEntry.endpointText(e.local, e.localPort) == "[::1]:8080")
    }

    @Test func ipv4MappedAddress() throws {
        let e = try #require(socket(Fixtures.mapped))
        #expect(e.local.text == "::ffff:127.0.0.1")
        #expect(e.local.isLoopback)
        #expect(e.timer == .probe)
        #expect(e.timerMilliseconds == 1_000)
    }

    @Test func ticksFollowTheClockRate() throws {
        let fast = ProcNetTCPParser(ticksPerSecond: 250)
        guard case .socket(let e) = fast.parseLine(Fixtures.timeWait) else {
            Issue.record("fixture did not parse")
            return
        }
        #expect(e.timerMilliseconds == 5980 * 1000 / 250)
    }

    @Test(arguments: TCPState.allCases)
    func everyStateCodeOfTheKernelHeader(_ state: TCPState) {
        // include/net/tcp_states.h: 01 ESTABLISHED … 0B CLOSING (#26).
        let codes: [TCPState: String] = [
            .established: "01", .synSent: "02", .synReceived: "03", .finWait1: "04", .finWait2: "05",
            .timeWait: "06", .closed: "07", .closeWait: "08", .lastAck: "09", .listen: "0A", .closing: "0B",
        ]
        guard let code = codes[state] else { Issue.record("no code for \(state)"); return }
        let line = Fixtures.established.replacingOccurrences(of: " 01 0000002A", with: " \(code) 0000002A")
        #expect(socket(line)?.state == state)
        // The JSON spells each state the way TCPState names it.
        #expect(SocketTableJSON.string(of: SocketTable.parse(line)).contains("\"state\": \"\(state.rawValue)\""))
    }

    @Test func headerAndBlankLinesAreNotSockets() {
        #expect(parser.parseLine(Fixtures.header) == .header)
        #expect(parser.parseLine("") == .header)
        #expect(parser.parseLine("    ") == .header)
    }

    @Test(arguments: [
        "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C",        // cut after the timer
        "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 ptr extra", // 13 fields
        "   5: 0100007F:A9F2 0100007F:9E6B 0C 00000000:00000000 03:0000175C 00000000 0 0 0 3 0",        // st 0C unknown
        "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 07:0000175C 00000000 0 0 0 3 0",        // tr 7 unknown
        "   5: 0100007G:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 0",        // G is not hex
        "   5: 0100007F0:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 0",       // 9-digit address
        "   5: 0100007F:A9F2 00000000000000000000000001000000:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 0", // mixed families
        "   5: 0100007F:A9F2F 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 0",      // 5-digit port
        "   x: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 0 0 0 3 0",       // bad sl
        "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000:00000000 03:0000175C 00000000 -1 0 0 3 0",      // negative uid
        "   5: 0100007F:A9F2 0100007F:9E6B 06 00000000 03:0000175C 00000000 0 0 0 3 0",                // queues without ':'
        "\u{0}\u{1}\u{2}garbage \u{FF}",
    ])
    func garbledLinesAreMalformed(_ line: String) {
        #expect(parser.parseLine(line) == .malformed)
    }

    @Test func everyCutOfARealLineIsHandled() {
        // Cutting a real line anywhere must give a socket or a malformed line, never a trap; cuts inside
        // the fixed fields must be rejected.
        for line in [Fixtures.timeWait, Fixtures.listener, Fixtures.ipv6, Fixtures.mapped] {
            let bytes = Array(line.utf8)
            for cut in 0..<bytes.count {
                let prefix = String(decoding: bytes[0..<cut], as: UTF8.self)
                let result = parser.parseLine(prefix)
                let fieldsBefore = prefix.split(separator: " ").count
                if fieldsBefore < 10 && !prefix.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(result == .malformed, "cut at \(cut): \(prefix)")
                }
            }
        }
    }

    @Test func randomBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...200, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Bias towards the line's alphabet so the parser gets deep.
            for k in bytes.indices where k % 3 == 0 { bytes[k] = Array("0123456789ABCDEF: ".utf8)[Int(bytes[k]) % 18] }
            let result = bytes.withUnsafeBufferPointer { buffer -> ProcNetTCPParser.LineResult? in
                guard let base = buffer.baseAddress else { return nil }
                return parser.parseLine(base, count: buffer.count)
            }
            _ = result
        }
    }

    @Test func aTableCountsItsSkippedLines() {
        let text = [Fixtures.header, Fixtures.listener, String(Fixtures.timeWait.prefix(40)), Fixtures.timeWait,
                    "garbage", Fixtures.ipv6].joined(separator: "\n") + "\n"
        let table = SocketTable.parse(text)
        #expect(table.entries.count == 3)
        #expect(table.skippedLines == 2)
        #expect(table.counts[.listen] == 1 && table.counts[.timeWait] == 1 && table.counts[.established] == 1)
    }

    @Test func aLastLineWithoutNewlineStillCounts() {
        let table = SocketTable.parse(Fixtures.header + "\n" + Fixtures.timeWait)
        #expect(table.entries.count == 1)
    }
}
