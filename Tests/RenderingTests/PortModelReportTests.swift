import Rendering
import TCPModel
import Testing

@Suite struct PortModelReportTests {
    @Test func reportShowsTheArithmeticAndAChart() {
        let text = PortModel(rate: 600).report(width: 80)
        #expect(text.contains("28,232 ÷ 60 s ≈ 470.5/s"))
        #expect(text.contains("EADDRNOTAVAIL"))
        #expect(text.contains("█"))
    }

    // Fact 42: `model ports` says loopback reuses TIME_WAIT ports by default (tcp_tw_reuse 2).
    @Test func reportSaysLoopbackReusesTimeWaitPortsByDefault() {
        let text = PortModel(rate: 600).report()
        #expect(text.contains("tcp_tw_reuse 2"))
        #expect(text.contains("loopback"))
    }
}
