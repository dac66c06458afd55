import Testing

@Test func TutorPlaceholderBuilds() { #expect(Bool(true)) }
