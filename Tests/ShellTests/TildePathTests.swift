import Testing
@testable import Shell

@Suite struct TildePathTests {
    @Test func aLeadingTildeIsHome() {
        let environment = ["HOME": "/tmp/class/alice"]
        #expect(TildePath.expand("~/progress.json", environment: environment) == "/tmp/class/alice/progress.json")
        #expect(TildePath.expand("~", environment: environment) == "/tmp/class/alice")
        #expect(TildePath.expand("out/~x.json", environment: environment) == "out/~x.json")
        #expect(TildePath.expand("/abs/~/x", environment: environment) == "/abs/~/x")
    }
}
