import Foundation
import Rendering
import TCPModel
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SequencePictureTests {
    static let scenarios = ["active-close", "lost-final-ack", "simultaneous-close"]

    @Test(arguments: scenarios)
    func textAt80ColumnsMatchesTheReviewedRendering(name: String) throws {
        let result = Simulator.run(try builtins.load(name))
        let text = SequenceDiagram(color: false, width: 80).render(result)
        #expect(text == (try golden("sim-\(name).txt")))
        let ascii = TextCharset.ascii.apply(text)
        #expect(ascii == (try golden("sim-\(name)-ascii.txt")))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        for line in ascii.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test func mermaidMatchesTheReviewedTextAndTheGrammar() throws {
        let result = Simulator.run(try builtins.load("lost-final-ack"))
        let source = SequenceDiagramMermaid(title: "lost-final-ack").render(result)
        #expect(source == (try golden("sim-lost-final-ack.mmd")))
        #expect(source.contains("C-xS: ACK seq=1002 ack=6252 (70ms) lost"))
    }

    @Test(arguments: ["active-close", "lost-final-ack", "simultaneous-close", "wandering-duplicate", "time-wait-assassination",
                      "abort", "orphan-fin-wait-2", "half-close"])
    func mermaidOfEveryKindOfRunFollowsTheGrammar(name: String) throws {
        let source = SequenceDiagramMermaid(title: name).render(Simulator.run(try builtins.load(name)))
        #expect(MermaidGrammar.checkSequenceDiagram(source) == [], "\(name)")
    }

    @Test(arguments: ["lost-final-ack", "wandering-duplicate", "abort"])
    func svgIsWellFormedAndDrawsLossesAndTimers(name: String) throws {
        let svg = SequenceDiagramSVG(title: name).render(Simulator.run(try builtins.load(name)))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        if name == "lost-final-ack" {
            #expect(svg.contains(">✗</text>"), "the lost ACK is crossed out")
            #expect(svg.contains("class=\"timer time-wait\""), "TIME_WAIT is a bar along the lifeline")
            #expect(svg.contains("class=\"segment lost\""))
        }
    }

    @Test func svgSegmentsSlantFromSendingToArrival() throws {
        let svg = SequenceDiagramSVG().render(Simulator.run(try builtins.load("active-close")))
        let lines = svg.split(separator: "\n").filter { $0.hasPrefix("<line class=\"segment\"") }
        #expect(!lines.isEmpty)
        for line in lines {
            let numbers = ["y1", "y2"].map { key -> Int in
                let part = line.components(separatedBy: "\(key)=\"")[1]
                return Int(part.prefix { $0.isNumber }) ?? 0
            }
            #expect(numbers[1] > numbers[0], "arrives later than it left: \(line)")
        }
    }

    @Test(arguments: [60, 80])
    func animationFramesGrowSegmentBySegmentAndOnlyTheLastSumsUp(width: Int) throws {
        let animation = SequenceAnimation(result: Simulator.run(try builtins.load("lost-final-ack")), width: width)
        #expect(animation.frameCount > 5)
        var previous = 0
        for index in 0..<animation.frameCount {
            let frame = animation.frame(index)
            let isLast = index == animation.frameCount - 1
            #expect(frame.lines.contains { $0.hasPrefix("outcome: ") } == isLast, "frame \(index + 1)")
            #expect(frame.lines.count >= previous)
            previous = frame.lines.count
            for line in frame.lines { #expect(DisplayWidth.of(line) <= width, "frame \(index + 1): \(line)") }
        }
        let last = animation.frame(animation.frameCount - 1)
        #expect(last.client == .closed && last.server == .closed)
        let first = animation.frame(0)
        #expect(first.client == .synSent && first.server == .listen)
    }
}
