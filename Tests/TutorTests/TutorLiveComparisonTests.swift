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

    @Test func findingsAreNotListedAgainBesideAQuestionAndEveryPredictionGetsItsRow() {
        let report = Self.report(["timer_ms": .number(59_000), "time_wait_side": .text("client"),
                                  "client_after_close": .text("FIN_WAIT_2")])
        let lines = LiveComparison(finding: "time_wait_side", prediction: "server", simulated: "client", report: report,
                                   others: [.init(finding: "client_after_close", prediction: "FIN_WAIT_1", simulated: "FIN_WAIT_2"),
                                            .init(finding: "time_wait_side", prediction: "server", simulated: "client")]).lines
        // The narration printed the findings already; here only the side-by-side rows appear, each once.
        #expect(!lines.text.contains("timer_ms ="))
        #expect(lines.text.components(separatedBy: "Side by side for time_wait_side").count == 2)
        #expect(lines.text.contains("Side by side for client_after_close"))
        #expect(lines.text.components(separatedBy: "Model and kernel agree").count == 3)
        // Without a question there is nothing to set beside the narration's findings: no heading, no
        // second listing, only the note on timers.
        let plain = LiveComparison(finding: nil, prediction: nil, simulated: nil, report: report).lines
        #expect(!plain.text.contains("timer_ms =") && !plain.text.contains("Live kernel"))
        #expect(plain.text.contains("Timers: RFC 9293 keeps TIME_WAIT"))
    }
}
