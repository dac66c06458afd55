import Foundation
import Testing

/// `twlab sim` and `twlab model` run as a user would run them.
@Suite struct SimEndToEndTests {
    @Test func builtinNameDrawsADiagramAndExitsZero() throws {
        let result = try TwlabBinary.run(["sim", "lost-final-ack"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("→ TIME_WAIT"))
        #expect(result.stdout.contains("✗ lost"))
        #expect(result.stdout.contains("every expectation held"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func aFailedExpectationExitsOne() throws {
        let result = try TwlabBinary.run(["sim", "-"], stdin: "open\nclose client\nwait 1s\nexpect client CLOSED\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("actually FIN_WAIT_2"))
    }

    @Test func aMalformedScenarioExitsTwoWithOneLine() throws {
        let result = try TwlabBinary.run(["sim", "-"], stdin: "open\nclose sever\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "the run does not start")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("<stdin>:2:7: error:") == true)
    }

    @Test func aFileIsReadAndErrorsNameIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-sim-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.twsim")
        try "open\nwait 5\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try TwlabBinary.run(["sim", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(file.path):2:6: error: bad duration"))
        let junk = dir.appendingPathComponent("junk.twsim")
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: junk)
        let junkResult = try TwlabBinary.run(["sim", junk.path])
        #expect(junkResult.status == 2)
        #expect(junkResult.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownNameExitsTwoAndListsTheBuiltins() throws {
        let result = try TwlabBinary.run(["sim", "no-such-thing"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("active-close"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let result = try TwlabBinary.run(["sim", "abort", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["profile", "passed", "outcome", "final", "visited", "events"])
        #expect(object["outcome"] as? [String] == ["reset"])
    }

    @Test func profileOverrideChangesTheOutcome() throws {
        let result = try TwlabBinary.run(["sim", "lost-final-ack", "--profile", "no-time-wait", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["profile"] as? String == "no-time-wait")
        #expect((object["outcome"] as? [String])?.contains("reset") == true)
        #expect(result.status == 1, "the file's expectations assumed TIME_WAIT")
    }

    @Test func exploreTableAndJSON() throws {
        let table = try TwlabBinary.run(["sim", "active-close", "--explore", "1", "--profile", "no-time-wait"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("reset"))
        #expect(table.stdout.contains("client->server ACK #2"))
        let json = try TwlabBinary.run(["sim", "active-close", "--explore", "2", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["runs", "classes"])
    }

    @Test func modelPortsShowsTheSustainableRate() throws {
        let result = try TwlabBinary.run(["model", "ports", "--range", "32768-60999", "--rate", "600", "--time-wait", "60s"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("28,232 ÷ 60 s ≈ 470.5/s"))
        #expect(result.stdout.contains("EADDRNOTAVAIL at t ≈ 47"))
        let bad = try TwlabBinary.run(["model", "ports", "--rate", "fast"])
        #expect(bad.status != 0)
    }
}

/// The simulator's shell commands, through the shell's script mode.
@Suite struct SimShellEndToEndTests {
    @Test func simExploreAndInlineScenariosRunInTheShell() throws {
        let script = """
            sim active-close --explore 1 --profile no-time-wait
            sim -e 'open; close client; wait 1s; expect client FIN_WAIT_2'
            sim lost-final-ack --json

            """
        let result = try TwlabBinary.run([], stdin: script)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("client->server ACK #2"))
        #expect(result.stdout.contains("✓ line 4: expect client FIN_WAIT_2"))
        #expect(result.stdout.contains("\"outcome\":[\"clean\"]"))
    }

    @Test func aFailingSimFailsTheScriptWithOneErrorLine() throws {
        let result = try TwlabBinary.run([], stdin: "sim -e 'open; close nobody'\nsim no-such-scenario\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("inline:2:7: error:"))
        #expect(result.stdout.contains("no built-in scenario named 'no-such-scenario'"))
    }

    @Test func modelPortsRunsInTheShell() throws {
        let result = try TwlabBinary.run([], stdin: "model ports --rate 300\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("never fails"))
    }
}
