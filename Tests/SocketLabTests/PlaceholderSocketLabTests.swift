import Testing

@Test func SocketLabPlaceholderBuilds() { #expect(Bool(true)) }
