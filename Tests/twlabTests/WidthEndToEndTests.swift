import Foundation
import Testing

/// At `COLUMNS=80` and `COLUMNS=60` no line twlab prints is wider than the terminal: help, lab list,
/// every experiment's narration, sockets, the port model, sim diagrams and explorations, and every
/// step of every lesson answered right and wrong, in English and in Chinese (`TWLAB_LANG`). Width is
/// measured with the C library's wcwidth, so a Chinese character counts two columns.
@Suite(.serialized) struct WidthEndToEndTests {
    static func overWide(_ text: String, columns: Int) -> [String] {
        text.split(separator: "\n").map(String.init).filter { DisplayColumns.of($0) > columns }
    }

    @Test(arguments: [80, 60], ["en", "zh-Hans"])
    func shellCommandsFit(columns: Int, language: String) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-width-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let lines = ["help", "help sim", "help lab", "lab list", "sockets", "sockets --count", "model ports --rate 600",
                     "model ports --range 1024-65535 --rate 99999 --tw-reuse", "sim active-close", "sim wandering-duplicate",
                     "sim lost-final-ack --explore 2", "sim nonsense", "lessons", "hepl", "diagram states",
                     "glossary", "glossary 挥手", "quiz interview-questions", "quiz stop"]
        let result = try TwlabBinary.run([], stdin: lines.joined(separator: "\n") + "\n",
                                         environment: ["COLUMNS": String(columns), "TWLAB_HOME": home.path, "TWLAB_LANG": language])
        #expect(Self.overWide(result.stdout, columns: columns).isEmpty, "\(Self.overWide(result.stdout, columns: columns))")
    }

    @Test(arguments: [80, 60], ["en", "zh-Hans"])
    func everyLessonStepFits(columns: Int, language: String) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-width-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["COLUMNS": String(columns), "TWLAB_HOME": home.path, "TWLAB_LANG": language]
        let ids = try TwlabBinary.run([], stdin: "lessons\n", environment: environment).stdout
            .split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                return words.count >= 2 && ["✓", "▸", "·"].contains(String(words[0])) ? String(words[1]) : nil
            }
        #expect(ids.count >= 8, "the shipped lessons are listed")
        for id in ids {
            for wrong in [false, true] {
                let script = try TwlabBinary.run([], stdin: "_tutor script \(id)\(wrong ? " --wrong" : "")\n", environment: environment)
                let commands = script.stdout.split(separator: "\n").dropFirst().map(String.init)
                #expect(!commands.isEmpty, "\(id): no script")
                let fresh = home.appendingPathComponent("\(id)-\(wrong)")
                let run = try TwlabBinary.run([], stdin: commands.joined(separator: "\n") + "\n",
                                              environment: ["COLUMNS": String(columns), "TWLAB_HOME": fresh.path,
                                                            "TWLAB_LANG": language], timeout: 120)
                let wide = Self.overWide(run.stdout, columns: columns)
                #expect(wide.isEmpty, "\(language) \(id)\(wrong ? " (wrong answers)" : ""): \(wide)")
            }
        }
    }

    @Test(arguments: [80, 60], ["en", "zh-Hans"])
    func everyExperimentsNarrationFits(columns: Int, language: String) throws {
        guard LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable) else { return }
        let names = try TwlabBinary.run(["lab", "list"], environment: ["COLUMNS": "200"]).stdout
            .split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.count >= 8)
        for name in names {
            let result = try TwlabBinary.run(["lab", "run", name, "--yes"], environment: ["COLUMNS": String(columns), "TWLAB_LANG": language],
                                             timeout: 120)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let wide = Self.overWide(result.stdout + result.stderr, columns: columns)
            #expect(wide.isEmpty, "\(language) \(name): \(wide)")
        }
    }
}
