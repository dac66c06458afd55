import Testing

@Test func ShellPlaceholderBuilds() { #expect(Bool(true)) }
