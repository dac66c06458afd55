import Testing

@Test func TCPModelPlaceholderBuilds() { #expect(Bool(true)) }
