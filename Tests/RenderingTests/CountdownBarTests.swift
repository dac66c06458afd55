import Rendering
import Testing

@Suite struct CountdownBarTests {
    @Test func countdownBarEmptiesOverSixtySeconds() {
        let bar = CountdownBar(fullMilliseconds: 60_000, width: 10)
        #expect(bar.render(60_000).hasPrefix("[##########]"))
        #expect(bar.render(30_000).hasPrefix("[#####.....]"))
        #expect(bar.render(0).hasPrefix("[..........]"))
        #expect(bar.render(90_000).hasPrefix("[##########]"))
    }
}
