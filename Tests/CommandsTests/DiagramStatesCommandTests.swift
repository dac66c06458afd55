import Commands
import Testing

@Suite struct DiagramStatesCommandTests {
    @Test func acceptsStatesInAnyUsualSpelling() throws {
        _ = try DiagramStatesCommand.parse(["--highlight", "time-wait", "FIN_WAIT2", "--profile", "rfc9293", "--format", "mermaid"])
    }

    @Test func rejectsWhatIsNotAStateProfileOrFormat() {
        #expect(throws: (any Error).self) { try DiagramStatesCommand.parse(["--highlight", "WAITING"]) }
        #expect(throws: (any Error).self) { try DiagramStatesCommand.parse(["--profile", "bsd"]) }
        #expect(throws: (any Error).self) { try DiagramStatesCommand.parse(["--format", "png"]) }
    }
}
