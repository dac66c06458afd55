import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Quiz

/// Every report format is read back by a real consumer: libxml2 through XMLParser and Python's
/// ElementTree for JUnit, Perl's `prove` for TAP, JSONSerialization and `python3 -m json.tool` for
/// JSON, Python's csv module for the gradebook.
@Suite struct QuizReportConsumerTests {
    static let pythonPath = "/usr/bin/python3"
    static let provePath = "/usr/bin/prove"

    /// The golden submissions plus one whose every field is hostile.
    static func hostileRun() -> GradingRun {
        QuizFixtures.run(QuizFixtures.goldenSubmissions() + [("evil, \"file\".yaml", """
            student: "=cmd|' /C calc'!A0 ]]> <x> & # \\\\ \\""
            answers:
              01-close/who-waits: "</failure><![CDATA[ \\u0000 \\u000b"
              01-close/rate: "# not a number\\n---\\n...\\nnot ok 99"
              01-close/last-flags: "**FIN** | `ACK` <script>alert(1)</script>"
              01-close/recycle: "\\ttrue\\r\\n"
            """)])
    }

    final class JUnitCounter: NSObject, XMLParserDelegate {
        var testcases: [String: [String]] = [:]
        var suite = ""
        var failures = 0, skipped = 0, errors = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "testsuite": suite = attributes["name"] ?? ""
            case "testcase": testcases[suite, default: []].append(attributes["name"] ?? "")
            case "failure": failures += 1
            case "skipped": skipped += 1
            case "error": errors += 1
            default: break
            }
        }
    }

    @Test func junitIsValidXMLWithUniqueNames() throws {
        let run = Self.hostileRun()
        let xml = ReportFormat.junit.render(run)
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = JUnitCounter()
        parser.delegate = counter
        #expect(parser.parse(), "XMLParser: \(String(describing: parser.parserError))")
        #expect(counter.testcases.count == run.submissions.count)
        for (_, names) in counter.testcases { #expect(Set(names).count == names.count) }
        // Unanswered is a failure too (a blank submission must not pass CI); only ungradable is skipped.
        let notRight = run.submissions.flatMap(\.questions).filter { [.wrong, .invalid, .missing].contains($0.status) }.count
        #expect(counter.failures == notRight)
        #expect(counter.skipped == run.submissions.flatMap(\.questions).filter { $0.status == .ungradable }.count)
        #expect(counter.errors == run.submissions.filter { !$0.isUsable }.count)
    }

    @Test(.enabled(if: QuizFixtures.toolExists(pythonPath), "needs python3 for ElementTree"))
    func junitReadsInPythonElementTree() throws {
        let xml = ReportFormat.junit.render(Self.hostileRun())
        let script = """
        import sys, xml.etree.ElementTree as ET
        root = ET.fromstring(sys.stdin.buffer.read())
        suites = root.findall('testsuite')
        assert root.tag == 'testsuites'
        assert int(root.get('tests')) == sum(len(s.findall('testcase')) for s in suites)
        assert int(root.get('failures')) == sum(len(s.findall('testcase/failure')) for s in suites)
        print(len(suites))
        """
        let result = try QuizFixtures.runTool(Self.pythonPath, ["-c", script], input: xml)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    }

    func prove(_ tap: String) throws -> (status: Int32, output: String) {
        let url = try QuizFixtures.temporaryFile("report.tap", Data(tap.utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try QuizFixtures.runTool(Self.provePath, ["-e", "cat", url.path])
    }

    @Test(.enabled(if: QuizFixtures.toolExists(provePath), "needs Perl's prove"))
    func tapParsesInProve() throws {
        let run = Self.hostileRun()
        let result = try prove(ReportFormat.tap.render(run))
        #expect(!result.output.contains("Parse errors"), "\(result.output)")
        #expect(result.status != 0)  // some answers are wrong
        let total = run.submissions.reduce(0) { $0 + $1.questions.count + ($1.isUsable ? 0 : 1) }
        #expect(result.output.contains("Tests=\(total)"), "\(result.output)")
    }

    @Test(.enabled(if: QuizFixtures.toolExists(provePath), "needs Perl's prove"))
    func allRightTapPassesProve() throws {
        let run = QuizFixtures.run([QuizFixtures.goldenSubmissions()[0]])
        let result = try prove(ReportFormat.tap.render(run))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("All tests successful"))
    }

    /// Why version 13 is the default: this prove reports a version 14 line as a parse error.
    @Test(.enabled(if: QuizFixtures.toolExists(provePath), "needs Perl's prove"))
    func tapVersion14IsWrittenWhenAsked() throws {
        let run = QuizFixtures.run([QuizFixtures.goldenSubmissions()[0]])
        let tap = ReportFormat.tap.render(run, tapVersion: 14)
        #expect(tap.hasPrefix("TAP version 14\n1..4\n"))
        #expect(try prove(tap).output.contains("Parse errors"))
        #expect(!(try prove(ReportFormat.tap.render(run)).output.contains("Parse errors")))
    }

    @Test(.enabled(if: QuizFixtures.toolExists(pythonPath), "needs python3 with PyYAML"))
    func tapDiagnosticsAreYAMLWithStatusGotVariant() throws {
        let run = Self.hostileRun()
        let tap = ReportFormat.tap.render(run)
        let script = """
        import sys, yaml
        blocks, current = [], None
        for line in sys.stdin.read().split('\\n'):
            if line == '  ---': current = []
            elif line == '  ...': blocks.append(yaml.safe_load('\\n'.join(current))); current = None
            elif current is not None: current.append(line[2:])
        assert all({'status', 'got', 'variant', 'points'} <= set(b) for b in blocks if 'status' in b)
        assert not any('expected' in b for b in blocks)
        print(len(blocks))
        """
        let result = try QuizFixtures.runTool(Self.pythonPath, ["-c", script], input: tap)
        #expect(result.status == 0, "\(result.output)")
        // One block per question of every file, and one per unusable file.
        let points = run.submissions.reduce(0) { $0 + $1.questions.count + ($1.isUsable ? 0 : 1) }
        #expect(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) == points)
    }

    @Test func jsonParsesWithTheIssuesShape() throws {
        let run = Self.hostileRun()
        let text = ReportFormat.json.render(run)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(list.count == run.submissions.count)
        for (student, grade) in zip(list, run.submissions) {
            #expect(student["student"] as? String == grade.student)
            let questions = try #require(student["questions"] as? [[String: Any]])
            #expect(questions.count == grade.questions.count)
            for question in questions {
                for key in ["id", "points", "max_points", "status", "given", "variant"] {
                    #expect(question[key] != nil, "missing \(key)")
                }
                #expect(question["expected"] == nil, "no expected answer without --show-expected")
                #expect(["correct", "wrong", "missing", "invalid"].contains(question["status"] as? String ?? ""))
            }
        }
        let single = ReportFormat.json.render(QuizFixtures.run([QuizFixtures.goldenSubmissions()[0]]))
        #expect(try JSONSerialization.jsonObject(with: Data(single.utf8)) is [String: Any])
    }

    @Test(.enabled(if: QuizFixtures.toolExists(pythonPath), "needs python3"))
    func jsonAndGradescopeReadInPython() throws {
        let run = Self.hostileRun()
        for text in [ReportFormat.json.render(run), ReportFormat.gradescope.render(run)] {
            let result = try QuizFixtures.runTool(Self.pythonPath, ["-m", "json.tool"], input: text)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func gradescopeHasTheResultsShape() throws {
        let run = QuizFixtures.run([QuizFixtures.goldenSubmissions()[2]])
        let text = ReportFormat.gradescope.render(run)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["score"] as? Double == run.submissions.first?.score)
        #expect(object["execution_time"] != nil)
        #expect(object["output"] is String)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count == 4)
        for test in tests {
            #expect(test["output_format"] as? String == "md")
            #expect(["visible", "hidden", "after_due_date", "after_published"].contains(test["visibility"] as? String ?? ""))
            #expect(["passed", "failed"].contains(test["status"] as? String ?? ""))
            #expect((test["extra_data"] as? [String: Any])?["variant"] is String)
            for key in ["name", "number", "score", "max_score", "output"] { #expect(test[key] != nil) }
        }
    }

    @Test func brokenSubmissionStillGetsAGradescopeResult() throws {
        let run = QuizFixtures.run([("broken.yaml", "\u{0}\u{1}not: [yaml")])
        let text = ReportFormat.gradescope.render(run)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["score"] as? Double == 0)
        #expect((object["output"] as? String)?.contains("could not be used") == true)
    }

    @Test(.enabled(if: QuizFixtures.toolExists(pythonPath), "needs python3"))
    func csvReadsInPythonsCSVModule() throws {
        let run = Self.hostileRun()
        let csv = ReportFormat.csv.render(run)
        let script = """
        import sys, csv, io
        rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))
        assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
        print(len(rows)); print(rows[0][0]); print(rows[-1][0]); print(rows[-1][-3])
        """
        let result = try QuizFixtures.runTool(Self.pythonPath, ["-c", script], input: csv)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == "6")
        #expect(lines.dropFirst().first == "student")
        // The formula-like student id is defused with a leading apostrophe; the comma file name survives.
        #expect(lines.dropFirst(2).first?.hasPrefix("'=cmd|") == true)
        #expect(lines.last == "evil, \"file\".yaml")
    }
}
