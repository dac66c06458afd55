import Testing

@Test func versionFlagPrintsTheVersion() throws {
    let result = try TwlabBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}
