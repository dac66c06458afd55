import Testing

@Test func LessonsPlaceholderBuilds() { #expect(Bool(true)) }
