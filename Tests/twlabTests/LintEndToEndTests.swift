import Foundation
import Testing

/// `twlab lint` run as a user would run it, on the shipped lessons and on a folder of broken ones.
@Suite("twlab lint end to end")
struct LintEndToEndTests {
    /// A lessons root (`en/`, `scenarios/`) in a fresh temporary folder.
    private struct Fixture {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-lint-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("en"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
            let shipped = TwlabBinary.repositoryRoot.appendingPathComponent("Lessons/scenarios/active-close.twsim")
            try FileManager.default.copyItem(at: shipped, to: root.appendingPathComponent("scenarios/active-close.twsim"))
        }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        func write(_ name: String, bytes: [UInt8]) throws {
            try Data(bytes).write(to: root.appendingPathComponent(name))
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private static func frontMatter(_ id: String) -> String {
        "---\nid: \(id)\ntitle: T\nsummary: S\nminutes: 5\nrequires: []\n---\n"
    }

    /// A predict block that is valid apart from what the caller changes.
    private static func predict(id: String = "q", extra: String = "", scenarioLines: String = "scenario: active-close",
                                observe: String = "time-wait-side") -> String {
        "```predict\nid: \(id)\nask: Who waits?\n\(scenarioLines)\nobserve: \(observe)\n\(extra)explain: The active closer.\n```\n"
    }

    @Test func shippedLessonsPass() throws {
        let result = try TwlabBinary.run(["lint", "Lessons"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("checked 20 lessons"), "ten in en/, ten in zh-Hans/: \(result.stdout)")
        #expect(!result.stderr.contains("error:"))
    }

    @Test func brokenLessonsAreEachReportedAtTheirLine() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let head = Self.frontMatter
        // Line numbers below count from the top of each file: the front matter takes lines 1–7.
        try fixture.write("en/01-bad-yaml.md", head("bad-yaml") + "## Step\n" + Self.predict(scenarioLines: "scenario: [active-close"))
        try fixture.write("en/02-missing.md", "---\nid: missing\nminutes: 5\n---\n## Step\n```quiz\nid: q\nask: What?\n```\n")
        try fixture.write("en/03-unknown-directive.md", head("unknown-directive") + "## Step\n\nText.\n\n```predikt\nid: q\n```\n")
        try fixture.write("en/04-dup-a.md", head("dup") + "## Step\n" + Self.predict(id: "same") + Self.predict(id: "same"))
        try fixture.write("en/05-dup-b.md", head("dup") + "## Step\n" + Self.predict())
        try fixture.write("en/06-bad-scenario.md", head("bad-scenario") + "## Step\n"
                          + Self.predict(scenarioLines: "script: |\n  open\n  clsoe client\n  run"))
        try fixture.write("en/07-wrong-choices.md", head("wrong-choices") + "## Step\n"
                          + Self.predict(extra: "choices: [server, neither]\n"))
        try fixture.write("en/08-bad-utf8.md", bytes: Array(head("bad-utf8").utf8) + Array("## Step\nca".utf8) + [0xC3, 0x28] + [0x0A])
        try fixture.write("en/09-huge.md", head("huge") + String(repeating: "x", count: 2 << 20))
        try fixture.write("en/10-unknown-experiment.md", head("unknown-experiment") + "## Step\n```lab\nexperiment: warp-drive\n```\n")
        try fixture.write("en/11-bad-expression.md", head("bad-expression")
                          + "## Step\n```quiz\nid: q\nask: Rate for {ports}?\nparams:\n  ports: [100, 200, 10]\nanswer: ports / (60\nexplain: x\n```\n")
        try fixture.write("en/12-bad-observable.md", head("bad-observable") + "## Step\n" + Self.predict(observe: "final router"))
        // RFC 9293 Fig. 5: after an active close the client is never back in LISTEN, so this expect fails.
        try fixture.write("en/13-failing-expect.md", head("failing-expect") + "## Step\n"
                          + "```sim\nscript: |\n  open\n  close client\n  expect client LISTEN\n```\n")

        let result = try TwlabBinary.run(["lint", fixture.root.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func reported(_ file: String, line: Int, _ words: String) {
            let prefix = fixture.root.appendingPathComponent("en/\(file)").path + ":\(line):"
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains("error:") && $0.lowercased().contains(words) },
                    "expected \(file):\(line) mentioning '\(words)' in:\n\(result.stderr)")
        }
        reported("01-bad-yaml.md", line: 12, "yaml")             // the line with the unclosed '['
        reported("02-missing.md", line: 2, "'title'")            // front matter without title/summary
        reported("02-missing.md", line: 7, "'explain'")          // the quiz block lacks explain
        reported("03-unknown-directive.md", line: 12, "unknown directive")
        reported("04-dup-a.md", line: 17, "already used at line 10")
        reported("05-dup-b.md", line: 2, "lesson id 'dup' is already used")
        reported("06-bad-scenario.md", line: 14, "clsoe")        // the script's second line
        reported("07-wrong-choices.md", line: 10, "do not contain the computed answer 'client'")
        reported("08-bad-utf8.md", line: 9, "utf-8")
        reported("09-huge.md", line: 1, "bytes")
        reported("10-unknown-experiment.md", line: 10, "warp-drive")
        reported("11-bad-expression.md", line: 14, "expression")
        reported("12-bad-observable.md", line: 10, "final router")
        reported("13-failing-expect.md", line: 10, "expect client listen")
    }

    @Test func hintsThatNameTheAnswerAreErrorsAtTheirLine() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let head = Self.frontMatter
        // RFC 9293 §3.6: in an active close the client, which closes first, is the side in TIME-WAIT.
        try fixture.write("en/01-role.md", head("role") + "## Step\n"
                          + Self.predict(extra: "hints:\n  - Who sent the first FIN?\n  - It is the client, of course.\n"))
        // After TIME-WAIT runs out the client is CLOSED (RFC 9293 Fig. 5); "closed" names it in another spelling.
        try fixture.write("en/02-state.md", head("state") + "## Step\n"
                          + Self.predict(extra: "hints:\n  - By then it is closed.\n", observe: "final client"))
        let result = try TwlabBinary.run(["lint", fixture.root.path])
        #expect(result.status == 1)
        let role = fixture.root.appendingPathComponent("en/01-role.md").path
        let state = fixture.root.appendingPathComponent("en/02-state.md").path
        // Lines: front matter 1–7, '## Step' 8, the fence 9, id/ask/scenario/observe 10–13, 'hints:' 14.
        #expect(result.stderr.contains("\(role):16:5: error: hint 2 gives away the answer 'client'"), "\(result.stderr)")
        #expect(!result.stderr.contains("\(role):15:"), "\(result.stderr)")
        #expect(result.stderr.contains("\(state):15:5: error: hint 1 gives away the answer 'CLOSED'"), "\(result.stderr)")
    }

    @Test func translationsMustHaveTheSameIDs() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let head = Self.frontMatter
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("zh"), withIntermediateDirectories: true)
        try fixture.write("en/01-a.md", head("a") + "## Step\n" + Self.predict(id: "one") + Self.predict(id: "two"))
        try fixture.write("zh/01-a.md", head("a") + "## 步骤\n" + Self.predict(id: "one") + Self.predict(id: "three"))
        let result = try TwlabBinary.run(["lint", fixture.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("question 'a/two' of the English lesson is missing from the zh translation"))
        #expect(result.stderr.contains("zh/01-a.md:17:1: error: question 'a/three' is not in the English lesson"), "\(result.stderr)")
    }

    @Test func aSingleGoodFileAndAMissingPath() throws {
        let good = try TwlabBinary.run(["lint", "Lessons/en/01-four-way-close.md"])
        #expect(good.status == 0, "\(good.stderr)")
        let missing = try TwlabBinary.run(["lint", "/nonexistent/lessons"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/lessons:1:1: error: no such file or folder"))
    }
}
