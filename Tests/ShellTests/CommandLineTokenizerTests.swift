import Testing
@testable import Shell

@Suite struct CommandLineTokenizerTests {
    @Test func splitsOnBlanksAndIgnoresRuns() throws {
        #expect(try CommandLineTokenizer.words("  sim   close-simultaneous\t--json ") == ["sim", "close-simultaneous", "--json"])
    }

    @Test func emptyLineHasNoWords() throws {
        #expect(try CommandLineTokenizer.words("") == [])
        #expect(try CommandLineTokenizer.words("   \t ") == [])
    }

    @Test func singleQuotesKeepEverythingLiterally() throws {
        #expect(try CommandLineTokenizer.words(#"answer 'it is \ TIME_WAIT'"#) == ["answer", #"it is \ TIME_WAIT"#])
    }

    @Test func doubleQuotesAllowEscapedQuoteAndBackslash() throws {
        #expect(try CommandLineTokenizer.words(#"say "a \"b\" c\\d""#) == ["say", #"a "b" c\d"#])
        // Other backslashes inside double quotes stay, as in a POSIX shell.
        #expect(try CommandLineTokenizer.words(#"say "a\nb""#) == ["say", #"a\nb"#])
    }

    @Test func backslashEscapesABlankOutsideQuotes() throws {
        #expect(try CommandLineTokenizer.words(#"open my\ file.twsim"#) == ["open", "my file.twsim"])
    }

    @Test func quotesJoinAdjacentText() throws {
        #expect(try CommandLineTokenizer.words(#"x=" y "z"#) == ["x= y z"])
        #expect(try CommandLineTokenizer.words("a '' b") == ["a", "", "b"])
    }

    @Test func unicodeWordsComeThroughWhole() throws {
        #expect(try CommandLineTokenizer.words("answer 时间等待 café") == ["answer", "时间等待", "café"])
    }

    @Test func unterminatedQuotesAreErrors() {
        #expect(throws: CommandLineTokenizer.Failure.unterminatedQuote("\"")) { try CommandLineTokenizer.words(#"say "open"#) }
        #expect(throws: CommandLineTokenizer.Failure.unterminatedQuote("'")) { try CommandLineTokenizer.words("it's") }
        #expect(throws: CommandLineTokenizer.Failure.trailingBackslash) { try CommandLineTokenizer.words(#"a \"#) }
    }

    @Test func completionWordsSeparateThePartialWord() {
        let typing = CommandLineTokenizer.completionWords("help ver")
        #expect(typing.words == ["help"])
        #expect(typing.partial == "ver")
        let afterBlank = CommandLineTokenizer.completionWords("help ")
        #expect(afterBlank.words == ["help"])
        #expect(afterBlank.partial == "")
        let first = CommandLineTokenizer.completionWords("he")
        #expect(first.words.isEmpty)
        #expect(first.partial == "he")
    }
}
