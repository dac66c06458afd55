import Testing
import TCPModel
@testable import SocketLab

@Suite struct SocketFilterTests {
    let table = SocketTable.parse([Fixtures.listener, Fixtures.established, Fixtures.timeWait,
                                   Fixtures.finWait2Minisocket, Fixtures.ipv6].joined(separator: "\n"))

    func filtered(_ filter: SocketFilter) -> [SocketEntry] { table.entries.filter(filter.matches) }

    @Test(arguments: ["time-wait", "TIME_WAIT", "TIME-WAIT", "timewait", "Time_Wait"])
    func stateInAnySpelling(_ spelling: String) throws {
        let filter = try SocketFilterParser.filter(states: [spelling], ports: [], sourcePorts: [], destinationPorts: [])
        let kept = filtered(filter)
        #expect(kept.count == 1)
        #expect(kept.first?.localPort == 43506)
    }

    @Test func repeatedStatesAreAUnion() throws {
        let filter = try SocketFilterParser.filter(states: ["listen", "fin-wait-2"], ports: [], sourcePorts: [], destinationPorts: [])
        #expect(Set(filtered(filter).map(\.state)) == [.listen, .finWait2])
    }

    @Test func portMatchesEitherEnd() throws {
        let filter = try SocketFilterParser.filter(states: [], ports: ["5000"], sourcePorts: [], destinationPorts: [])
        // The listener and the established socket have 5000 locally, the FIN_WAIT_2 one remotely.
        #expect(filtered(filter).count == 3)
        let sport = try SocketFilterParser.filter(states: [], ports: [], sourcePorts: ["5000"], destinationPorts: [])
        #expect(filtered(sport).count == 2)
        let dport = try SocketFilterParser.filter(states: [], ports: [], sourcePorts: [], destinationPorts: ["5000"])
        #expect(filtered(dport).map(\.state) == [.finWait2])
    }

    @Test func badWordsSayWhatIsWrong() {
        #expect(throws: SocketFilterParser.ParseError.self) {
            try SocketFilterParser.filter(states: ["half-open"], ports: [], sourcePorts: [], destinationPorts: [])
        }
        #expect(throws: SocketFilterParser.ParseError.self) {
            try SocketFilterParser.filter(states: [], ports: ["70000"], sourcePorts: [], destinationPorts: [])
        }
    }

    @Test func shellWordsTakeBareStatesAndPorts() throws {
        let parsed = try SocketFilterParser.parseWords(["time-wait", "--port", "5000", "--count"])
        #expect(parsed.filter.states == [.timeWait])
        #expect(parsed.filter.ports == [5000])
        #expect(parsed.rest == ["--count"])
    }
}
