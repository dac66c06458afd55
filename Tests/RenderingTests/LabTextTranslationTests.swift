import Foundation
import Testing
@testable import Rendering
import SocketLab

/// Lab narration (`LabText`) in the interface language: every sentence SocketLab writes has a
/// Chinese translation with the same arguments, English stays exactly what SocketLab wrote, and
/// arguments that are sentences themselves are translated too.
@Suite struct LabTextTranslationTests {
    /// Every `LabText("key", "English…"` in Sources/SocketLab, read from the source (the sentences
    /// carry their English with them, so the catalog cannot list them).
    static func labSentences() throws -> [(key: String, english: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/SocketLab")
        let pattern = try NSRegularExpression(pattern: #"LabText\(\s*"([^"]+)",\s*"((?:[^"\\]|\\.)*)""#)
        var found: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let key = Range(match.range(at: 1), in: text), let english = Range(match.range(at: 2), in: text) else { continue }
                found.append((String(text[key]), String(text[english]).replacingOccurrences(of: "\\\"", with: "\"")))
            }
        }
        return found
    }

    @Test func everyLabSentenceHasAChineseTranslationWithTheSameArguments() throws {
        let sentences = try Self.labSentences()
        #expect(sentences.count >= 75, "the experiments' sentences are found")
        let keys = sentences.map(\.key)
        #expect(Set(keys).count == keys.count, "keys are unique: \(keys.sorted())")
        for (key, english) in sentences {
            #expect(key.hasPrefix("lab."), "\(key)")
            #expect(UIText.translatesLabText(key: key, english: english, language: .simplifiedChinese), "\(key): \(english)")
            // No experiment sentence is keyed like an interface string: English comes from the sentence itself.
            #expect(EnglishStrings.table[key] == nil, "\(key)")
        }
        for name in ExperimentCatalog.names {
            let summary = ExperimentCatalog.summaryText(of: name)
            #expect(UIText.translatesLabText(key: summary.key, english: summary.english, language: .simplifiedChinese), "\(name)")
        }
        let unused = Set(ChineseLabStrings.table.keys).subtracting(keys + ExperimentCatalog.names.map { "lab.\($0).summary" })
        #expect(unused.isEmpty, "translations of sentences no lab writes: \(unused.sorted())")
    }

    @Test func englishIsTheSentenceAsWritten() {
        let text = LabText("lab.active-close.connect", "A server listens on 127.0.0.1:{0} and a client connects from port {1}.", 5000, 40555)
        #expect(text.text == "A server listens on 127.0.0.1:5000 and a client connects from port 40555.")
        #expect(UIText.text(text, language: .english) == text.text)
        #expect(UIText.text(text, language: .simplifiedChinese) == "服务器在 127.0.0.1:5000 上监听，客户端从端口 40555 发起连接。")
        // An unknown key falls back to its English template; a verbatim text is never translated.
        #expect(UIText.text(LabText("lab.no-such-sentence", "Only {0}.", 1), language: .simplifiedChinese) == "Only 1.")
        #expect(UIText.text("SO_LINGER {on, 0 s}", language: .simplifiedChinese) == "SO_LINGER {on, 0 s}")
    }

    @Test func sentencesGivenAsArgumentsAreTranslatedToo() {
        let reason = LabText("lab.trace.no-scenario", "it has no matching scenario")
        let note = LabText("lab.trace.kernel-only", "Kernel-only lab: {0}.", reason)
        #expect(note.text == "Kernel-only lab: it has no matching scenario.")
        #expect(UIText.text(note, language: .simplifiedChinese) == "仅内核的实验：它没有对应的场景。")
        // Braces inside an argument are not filled in again.
        #expect(LabText.fill("{0} and {1}", ["{1}", "x"]) == "{1} and x")
    }

    @Test func theSummaryLineStartsTheSameWayInBothLanguages() {
        for language in UILanguage.allCases {
            let line = UIText.text("sim.summary", "clean", "client CLOSED, server CLOSED", "ok", language: language)
            #expect(line.hasPrefix(SequenceDiagram.summaryPrefix(in: language)), "\(language)")
            #expect(!SequenceDiagram.summaryPrefix(in: language).isEmpty)
        }
        #expect(SequenceDiagram.summaryPrefix(in: .english) == "outcome: ")
        #expect(SequenceDiagram.summaryPrefix(in: .simplifiedChinese) == "结果：")
        // The presenter's animation finds the line whichever language drew it.
        #expect(SequenceDiagram.isSummaryLine("结果：clean · 最终状态：client CLOSED, server CLOSED · 所有预期均成立"))
        #expect(SequenceDiagram.isSummaryLine("outcome: clean · final: client CLOSED, server CLOSED · every expectation held"))
        #expect(!SequenceDiagram.isSummaryLine("  · client: close()"))
    }

    @Test func traceNotesKeepTheirEnglishAndGainAKeyedForm() {
        var report = ExperimentReport(name: "active-close", isolation: .networkNamespace, findings: [:], steps: [])
        report.traceTexts = [LabText("lab.trace.compared", "Compared with the scenario {0} (profile {1}).", "lab-active-close", "linux"),
                             LabText("lab.trace.capture-full", "The capture kept the first {0} packets; {1} more were not kept.", 10, 2)]
        #expect(report.traceNotes == ["Compared with the scenario lab-active-close (profile linux).",
                                      "The capture kept the first 10 packets; 2 more were not kept."])
        #expect(report.jsonText().contains("\"The capture kept the first 10 packets; 2 more were not kept.\""))
        #expect(TraceDiagramText(width: 80).notes(of: report) == ["The capture kept the first 10 packets; 2 more were not kept."]
                || UILanguage.current != .english)
    }
}
