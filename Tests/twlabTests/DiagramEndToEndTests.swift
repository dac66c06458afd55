import Foundation
import Testing

/// `twlab diagram states` and `twlab sim --format` as a user runs them.
@Suite struct DiagramEndToEndTests {
    static let golden = TwlabBinary.repositoryRoot.appendingPathComponent("Tests/golden/diagrams")

    static func reviewed(_ name: String) throws -> String {
        try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theStateDiagramFollowsTheLocaleUnlessAsciiIsAsked() throws {
        let utf8 = try TwlabBinary.run(["diagram", "states", "--width", "80", "--highlight", "TIME_WAIT"],
                                       environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(utf8.status == 0)
        let expectedUTF8 = try Self.reviewed("states-linux-time-wait.txt")
        #expect(utf8.stdout == expectedUTF8)
        let plain = try TwlabBinary.run(["diagram", "states", "--width", "80"], environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(plain.status == 0 && plain.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "a C locale gets ASCII")
        let asked = try TwlabBinary.run(["diagram", "states", "--ascii", "--width", "80"], environment: ["LANG": "C.UTF-8"])
        #expect(asked.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func svgComesFromGraphvizOrSaysWhyNot() throws {
        let missing = try TwlabBinary.run(["diagram", "states", "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("graphviz") && missing.stderr.contains("--format dot"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
            print("skipped the graphviz half: /usr/bin/dot is not installed ('make deps' installs graphviz)")
            return
        }
        let svg = try TwlabBinary.run(["diagram", "states", "--format", "svg", "--highlight", "CLOSE_WAIT"])
        #expect(svg.status == 0 && svg.stdout.contains("<svg") && svg.stdout.contains("CLOSE_WAIT"))
    }

    @Test func badHighlightsAndFormatsAreUsageErrors() throws {
        let state = try TwlabBinary.run(["diagram", "states", "--highlight", "HALF_OPEN"])
        #expect(state.status == 2 && state.stderr.contains("not a TCP state"))
        let format = try TwlabBinary.run(["sim", "active-close", "--format", "dot"])
        #expect(format.status == 2 && format.stderr.contains("--format takes text, mermaid or svg"))
    }

    @Test func simKeepsItsTextAndAddsMermaidAndSVG() throws {
        let text = try TwlabBinary.run(["sim", "active-close", "--width", "80", "--no-color"])
        let expectedText = try Self.reviewed("sim-active-close.txt")
        #expect(text.stdout == expectedText)
        let mermaid = try TwlabBinary.run(["sim", "lost-final-ack", "--format", "mermaid"])
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("sequenceDiagram\n") && mermaid.stdout.contains("C-xS:"))
        let svg = try TwlabBinary.run(["sim", "lost-final-ack", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg") && svg.stdout.hasSuffix("</svg>\n"))
        let ascii = try TwlabBinary.run(["sim", "lost-final-ack", "--width", "80", "--ascii"])
        let expectedASCII = try Self.reviewed("sim-lost-final-ack-ascii.txt")
        #expect(ascii.stdout == expectedASCII)
    }
}
