import Testing
@testable import Shell

@Suite struct CommandSuggesterTests {
    // Textbook Levenshtein distances.
    @Test(arguments: [("kitten", "sitting", 3), ("flaw", "lawn", 2), ("", "abc", 3), ("abc", "abc", 0),
                      ("时间", "时间等待", 2), ("gumbo", "gambol", 2)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(CommandSuggester.editDistance(a, b) == distance)
        #expect(CommandSuggester.editDistance(b, a) == distance)
    }

    @Test func suggestsTheClosestCommand() {
        let names = ["help", "quit", "exit", "version", "sim", "sockets", "lessons"]
        #expect(CommandSuggester.closest(to: "hepl", among: names) == "help")
        #expect(CommandSuggester.closest(to: "verison", among: names) == "version")
        #expect(CommandSuggester.closest(to: "QUIT", among: names) == "quit")
        #expect(CommandSuggester.closest(to: "sokcets", among: names) == "sockets")
        #expect(CommandSuggester.closest(to: "ver", among: names) == "version")
    }

    @Test func staysQuietWhenNothingIsClose() {
        let names = ["help", "quit", "version"]
        #expect(CommandSuggester.closest(to: "xyzzy", among: names) == nil)
        #expect(CommandSuggester.closest(to: "", among: names) == nil)
        #expect(CommandSuggester.closest(to: String(repeating: "h", count: 5000), among: names) == nil)
    }
}
