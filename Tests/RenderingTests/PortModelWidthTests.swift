import Testing
import TCPModel
@testable import Rendering

/// Widths from `COLUMNS` or `--width` are clamped, never trusted: `model ports --width` with an
/// extreme value used to trap (`width - 26` overflowed) or try to allocate exabytes.
@Suite struct PortModelWidthTests {
    @Test("extreme widths are clamped", arguments: [Int.min, -1, 0, 5, 100_000, Int.max])
    func portModelWidths(_ width: Int) {
        let report = PortModel(rate: 600).report(width: width)
        let longest = report.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest <= 1_100)
        #expect(report.contains("TIME_WAIT sockets over time"))
    }
}
