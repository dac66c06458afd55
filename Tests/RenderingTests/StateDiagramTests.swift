import Foundation
import Rendering
import TCPModel
import Testing

/// The folder of reviewed renderings.
let diagramGoldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("golden/diagrams")

func golden(_ name: String) throws -> String {
    try String(contentsOf: diagramGoldens.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct StateDiagramTests {
    @Test func textAt80ColumnsMatchesTheReviewedPicture() throws {
        let text = StateDiagramText(graph: StateMachineGraph(profile: .linux), highlighted: [.timeWait], width: 80).render()
        #expect(text == (try golden("states-linux-time-wait.txt")))
    }

    @Test func asciiMatchesTheReviewedPictureAndIsPureASCII() throws {
        let text = StateDiagramText(graph: StateMachineGraph(profile: .rfc9293), highlighted: [.finWait2, .closeWait],
                                    width: 80, charset: .ascii).render()
        #expect(text == (try golden("states-rfc9293-ascii.txt")))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("2xMSL = 240 s"))
    }

    @Test(arguments: [60, 76, 80, 132])
    func everyLineFitsTheWidth(width: Int) {
        for charset in TextCharset.allCases {
            let text = StateDiagramText(highlighted: [.timeWait, .closed], width: width, charset: charset).render()
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(width) columns: \(line)")
            }
        }
    }

    @Test func narrowTerminalsGetTheListWithHighlightsMarked() {
        let text = StateDiagramText(highlighted: [.timeWait], width: 60).render()
        #expect(text.contains("FIN_WAIT_2 ━━▶ [TIME_WAIT]  rcv FIN / snd ACK"))
        #expect(!text.contains("┌"))
    }

    @Test func highlightingRedrawsEveryBoxOfTheStateAndNoOther() {
        let plain = StateDiagramText(width: 80).render()
        let marked = StateDiagramText(highlighted: [.closed], width: 80).render()
        #expect(!plain.contains("╔"))
        #expect(marked.components(separatedBy: "║ CLOSED ║").count + marked.components(separatedBy: "╢ CLOSED ╟").count == 4,
                "both CLOSED boxes, top and bottom")
        #expect(!marked.contains("║ LISTEN"))
    }

    @Test func everyTransitionOfTheGraphIsInThePicture() {
        let picture = StateDiagramText(width: 80).render()
        for state in TCPState.allCases { #expect(picture.contains(state.name)) }
        for label in ["rcv FIN,ACK", "close, snd FIN", "passive open", "rcv SYN,ACK"] { #expect(picture.contains(label)) }
    }

    @Test func mermaidFollowsTheStateDiagramGrammar() {
        for profile in ProfileName.allCases {
            let source = StateDiagramMermaid(graph: StateMachineGraph(profile: profile), highlighted: [.timeWait]).render()
            #expect(MermaidGrammar.checkStateDiagram(source) == [], "\(profile)")
            #expect(source.contains("TIME_WAIT --> CLOSED: "))
            #expect(source.contains("class TIME_WAIT highlighted"))
        }
    }

    @Test func theGrammarCheckerRejectsWhatMermaidWouldNotRead() {
        #expect(!MermaidGrammar.checkStateDiagram("stateDiagram-v2\n    A -> B").isEmpty)
        #expect(!MermaidGrammar.checkStateDiagram("stateDiagram-v2\n    A --> B: x; y").isEmpty)
        #expect(!MermaidGrammar.checkStateDiagram("graph TD\n    A --> B").isEmpty)
        #expect(!MermaidGrammar.checkSequenceDiagram("sequenceDiagram\n    participant C\n    C->>S: hi").isEmpty)
        #expect(!MermaidGrammar.checkSequenceDiagram("sequenceDiagram\n    participant C\n    C->>C hi").isEmpty)
    }

    static var dotPath: String? {
        ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: dotPath != nil, "graphviz's dot is not installed; 'make deps' installs it"))
    func dotIsAcceptedByGraphviz() throws {
        let source = StateDiagramDOT(graph: StateMachineGraph(profile: .rfc9293), highlighted: [.timeWait, .lastAck]).render()
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-states-\(UUID().uuidString).dot")
        try source.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.dotPath ?? "/usr/bin/dot")
        process.arguments = ["-Tsvg", input.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(complaints.isEmpty, "dot warned: \(complaints)")
        #expect(svg.contains("<svg") && svg.contains("TIME_WAIT") && svg.contains("after 2×MSL = 240 s"))
    }
}
