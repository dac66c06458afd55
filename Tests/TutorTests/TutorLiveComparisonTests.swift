import Testing
import SocketLab
@testable import Tutor

@Suite struct TutorLiveComparisonTests {
    static func report(_ findings: [String: Finding]) -> ExperimentReport {
        ExperimentReport(name: "active-close", isolation: .networkNamespace, findings: findings, steps: [])
    }

    @Test func aTimerThatHasRunALittleStillAgreesWithTheModel() {
        // Linux's TIME_WAIT is 60 s (TCP_TIMEWAIT_LEN); a reading taken 60 ms later shows 59.94 s.
        let lines = LiveComparison(finding: "timer_ms", prediction: "60000", simulated: "60000",
                                   report: Self.report(["timer_ms": .number(59_940)])).lines
        #expect(lines.text.contains("Model and kernel agree"))
    }

    @Test func theRFCTimerDiffersFromLinux() {
        // RFC 9293: 2×MSL with MSL = 2 min is 240 s; Linux holds 60 s.
        let lines = LiveComparison(finding: "timer_ms", prediction: "240000", simulated: "240000",
                                   report: Self.report(["timer_ms": .number(60_000)])).lines
        #expect(lines.text.contains("Model and kernel differ here"))
        #expect(lines.text.contains("4 minutes"))
    }

    @Test func wordsCompareInAnySpelling() {
        let lines = LiveComparison(finding: "state", prediction: nil, simulated: "TIME_WAIT",
                                   report: Self.report(["state": .text("time-wait")])).lines
        #expect(lines.text.contains("Model and kernel agree"))
        #expect(lines.text.contains("your prediction : (none)"))
    }
}
