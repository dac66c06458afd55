import Testing
import TCPModel

/// The busy-client port arithmetic (facts 13, 16, 20, 31).
@Suite struct PortModelTests {
    @Test func defaultRangeHas28232Ports() {
        #expect(PortModel(rate: 1).ports == 60_999 - 32_768 + 1)
    }

    // Fact 31: 28,232 ÷ 60 s ≈ 470 per second.
    @Test func sustainableRateIsPortsOverTimeWait() {
        let model = PortModel(rate: 600)
        #expect(abs(model.sustainableRate - 28_232.0 / 60.0) < 1e-9)
        #expect(Int(model.sustainableRate) == 470)
    }

    // At 600/s the ports run out after 28,232 ÷ 600 ≈ 47.05 s.
    @Test func connectFirstFailsWhenThePortsRunOut() throws {
        let result = PortModel(rate: 600).run()
        let first = try #require(result.firstFailureMs)
        #expect(abs(Double(first) - 28_232.0 / 600.0 * 1_000) <= 20)
        #expect(result.peakTimeWait == 28_232)
    }

    @Test func aSustainableRateNeverFails() {
        let result = PortModel(rate: 400).run()
        #expect(result.firstFailureMs == nil && result.failed == 0)
        #expect(abs(result.peakTimeWait - 400 * 60) <= 10, "rate × TIME_WAIT sockets at steady state")
    }

    // Fact 16/31: with tcp_tw_reuse and its 1 s delay the cap is ports per second.
    @Test func twReuseRaisesTheCapToPortsPerReuseDelay() {
        let model = PortModel(rate: 5_000, twReuse: true)
        #expect(abs(model.sustainableRate - 28_232) < 1e-9)
        #expect(model.run().failed == 0)
    }

}
