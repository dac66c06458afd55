import Foundation
import Testing
@testable import SocketLab

/// The in-process half of `make fuzz` for the /proc/net/tcp parser: when `TWLAB_FUZZ_PROC_DIR` names a
/// folder, every file in it is parsed as a table. Before each file its name is written to
/// `current`, so that when the parser traps, the fuzz driver knows which input did it. Without the
/// variable the test parses the shipped seed, so it also runs (and must pass) in `make test`.
@Suite("/proc/net/tcp fuzz replay")
struct ProcNetTCPFuzzReplayTests {
    @Test func everyInputParsesWithoutTrapping() throws {
        let parser = ProcNetTCPParser(ticksPerSecond: 100)
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fuzz/seeds")
        let fuzzing = ProcessInfo.processInfo.environment["TWLAB_FUZZ_PROC_DIR"]
        let folder = fuzzing.map { URL(fileURLWithPath: $0) } ?? seeds
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "current" }.sorted()
        #expect(!names.isEmpty)
        var parsed = 0
        for name in names {
            if fuzzing != nil { try Data(name.utf8).write(to: folder.appendingPathComponent("current")) }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            var entries: [SocketEntry] = []
            data.withUnsafeBytes { raw in
                _ = parser.parse(raw.bindMemory(to: UInt8.self), filter: .all, into: &entries)
            }
            parsed += entries.count
        }
        if fuzzing == nil {
            #expect(parsed == 4, "the seed table holds four sockets")
        }
    }
}
