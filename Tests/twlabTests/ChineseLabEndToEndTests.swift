import Foundation
import Testing

/// With `TWLAB_LANG=zh` every live lab narrates in Chinese: each step and note the experiment
/// writes, and the trace view's titles and notes. Runs every lab for real (root, private namespaces).
@Suite(.serialized) struct ChineseLabEndToEndTests {
    static func hasCJK(_ line: String) -> Bool {
        line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    static func labNames() throws -> [String] {
        try TwlabBinary.run(["lab", "list"], environment: ["COLUMNS": "200"]).stdout
            .split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// `lab run NAME --json` in Chinese: the narration (on standard error, one line per sentence at a
    /// wide terminal) has no English sentence left; the JSON report keeps the English steps.
    @Test func everyStepAndNoteOfEveryLabIsInChinese() throws {
        guard LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable) else { return }
        let names = try Self.labNames()
        #expect(names.count >= 14)
        var sentences = 0
        for name in names {
            let result = try TwlabBinary.run(["lab", "run", name, "--json"], environment: ["COLUMNS": "1000", "TWLAB_LANG": "zh"], timeout: 120)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let narration = result.stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            // The first two lines are the experiment's heading and the kernel it ran on.
            for line in narration.dropFirst(2) where !line.hasPrefix(" ") {
                sentences += 1
                #expect(Self.hasCJK(line), "\(name): a sentence left in English: \(line)")
            }
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let steps = report?["steps"] as? [[String: Any]] ?? []
            #expect(!steps.isEmpty, "\(name): the JSON report lists its steps")
            for step in steps {
                let text = step["text"] as? String ?? ""
                #expect(!Self.hasCJK(text), "\(name): the JSON report keeps English: \(text)")
            }
        }
        #expect(sentences >= 60)
    }

    /// The trace view under a lab (kernel beside simulation) in Chinese: titles, notes and verdict.
    @Test(arguments: ["active-close", "port-exhaustion", "lost-final-ack", "wandering-duplicate"])
    func theTraceViewIsInChinese(name: String) throws {
        guard LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable) else { return }
        let result = try TwlabBinary.run(["lab", "run", name, "--yes"], environment: ["COLUMNS": "100", "TWLAB_LANG": "zh"], timeout: 120)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        for english in ["kernel (captured on lo)", "kernel (on the TUN device)", "simulation (", "Compared with", "Only connections",
                        "Scenarios matched", "Kernel-only lab", "kernel and simulation", "The kernel's segments were recorded",
                        "── connection", "note: "] {
            #expect(!result.stdout.contains(english), "\(name): '\(english)' left in English")
        }
        #expect(result.stdout.contains("内核（"), "\(name): the kernel column is titled in Chinese")
        #expect(result.stdout.contains("内核与仿真"), "\(name): the verdict is in Chinese")
    }
}
