import Foundation
import Testing
@testable import Shell

/// Feeds bytes to a PlainLineReader through a real file, as a pipe or script would.
private func readAll(_ bytes: [UInt8], maxLineBytes: Int = 64 * 1024) throws -> [LineInput] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-reader-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try PlainLineReader(path: url.path, maxLineBytes: maxLineBytes)
    var inputs: [LineInput] = []
    while true {
        let input = reader.read(prompt: "")
        if input == .end { return inputs }
        inputs.append(input)
        if inputs.count > 10_000 { Issue.record("the reader never reached the end"); return inputs }
    }
}

private func lines(_ inputs: [LineInput]) -> [String] {
    inputs.compactMap { if case .line(let text, _) = $0 { text } else { nil } }
}

@Suite struct PlainLineReaderTests {
    @Test func readsLinesAndTheLastOneWithoutNewline() throws {
        let inputs = try readAll(Array("help\nversion\nquit".utf8))
        #expect(lines(inputs) == ["help", "version", "quit"])
    }

    @Test func emptyInputEndsAtOnce() throws {
        #expect(try readAll([]).isEmpty)
    }

    @Test func keepsEmptyLinesAndStripsWindowsLineEndings() throws {
        #expect(lines(try readAll(Array("a\r\n\r\n\nb\r\n".utf8))) == ["a", "", "", "b"])
    }

    @Test func invalidUTF8IsReplacedWithANote() throws {
        let inputs = try readAll([0x68, 0x65, 0xFF, 0xFE, 0x6C, 0x70, 0x0A])
        guard case .line(let text, let notes) = inputs.first else { Issue.record("no line: \(inputs)"); return }
        #expect(text.hasPrefix("he") && text.hasSuffix("lp"))
        #expect(text.contains("\u{FFFD}"))
        #expect(notes.count == 1)
        #expect(notes.first?.contains("line 1") == true)
    }

    @Test func controlCharactersAndNULAreRemovedWithANote() throws {
        let inputs = try readAll([0x68, 0x00, 0x65, 0x1B, 0x6C, 0x07, 0x70, 0x09, 0x78, 0x0A])
        guard case .line(let text, let notes) = inputs.first else { Issue.record("no line: \(inputs)"); return }
        #expect(text == "help x")   // the tab became a blank
        #expect(notes.count == 1)
        #expect(notes.first?.contains("3 control characters") == true)
    }

    @Test func chineseComesThroughWhole() throws {
        #expect(lines(try readAll(Array("answer 时间等待\n".utf8))) == ["answer 时间等待"])
    }

    @Test func aOneMebibyteLineIsSkippedAndReadingGoesOn() throws {
        let huge = [UInt8](repeating: 0x61, count: 1 << 20)
        let inputs = try readAll(Array("help\n".utf8) + huge + Array("\nversion\n".utf8))
        #expect(inputs.count == 3)
        #expect(inputs.first == .line("help", notes: []))
        guard case .rejected(let message) = inputs.dropFirst().first else { Issue.record("not rejected: \(inputs.count)"); return }
        #expect(message.contains("line 2"))
        #expect(message.contains("\(1 << 20) bytes"))
        #expect(inputs.last == .line("version", notes: []))
    }

    @Test func aHugeLastLineWithoutNewlineIsSkipped() throws {
        let inputs = try readAll([UInt8](repeating: 0x62, count: 300_000))
        #expect(inputs.count == 1)
        if case .rejected(let message) = inputs.first { #expect(message.contains("300000 bytes")) }
        else { Issue.record("expected a rejection") }
    }

    @Test func aLineJustAtTheLimitIsKept() throws {
        let inputs = try readAll([UInt8](repeating: 0x63, count: 100) + [0x0A], maxLineBytes: 100)
        #expect(lines(inputs) == [String(repeating: "c", count: 100)])
    }

    @Test func aMissingScriptFileIsAClearError() {
        #expect(throws: ScriptOpenError.self) { try PlainLineReader(path: "/nonexistent/twlab/script.txt") }
        #expect(throws: ScriptOpenError.self) { try PlainLineReader(path: "/tmp") }
    }
}
