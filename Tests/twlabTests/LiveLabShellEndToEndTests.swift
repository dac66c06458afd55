import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The live lab's shell commands (`sockets`, `watch`, `lab`) in a piped script, as a class demo runs them.
@Suite struct LiveLabShellEndToEndTests {
    @Test func socketsAndWatchFilterByPortAndState() throws {
        // A listener of our own, so the table has a row we know about.
        let (fd, port) = try SocketsAgreesWithSSTests.listener(ipv6: false)
        defer { close(fd) }
        let script = "sockets --port \(port) --count\nsockets listen --port \(port)\nwatch --port \(port)\nsockets --json --port \(port)\n"
        let result = try TwlabBinary.run([], stdin: script)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("twlab> sockets --port \(port) --count\nLISTEN 1\ntotal 1\n"))
        #expect(result.stdout.contains("127.0.0.1:\(port)"))
        #expect(result.stdout.contains("q or Ctrl-C to stop"))
        #expect(result.stdout.contains("\"local_port\": \(port)"))
    }

    @Test func labListAndABadNameInAScript() throws {
        let result = try TwlabBinary.run([], stdin: "lab list\nlab tw-recycle\n")
        #expect(result.stdout.contains("max-tw-buckets"))
        #expect(result.stdout.contains("there is no experiment 'tw-recycle'"))
        #expect(result.status != 0, "a failed command makes a script run fail")
    }

    @Test(.enabled(if: LiveLabEndToEndTests.reportSkip(LiveLabEndToEndTests.rootNamespaceUnavailable)))
    func labRunsWithoutAskingInAScript() throws {
        let result = try TwlabBinary.run([], stdin: "lab linger-abort --json\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("[y/N]"))
        #expect(result.stdout.contains("\"peer_errno\" : \"ECONNRESET\""))  // fact #22
    }
}
