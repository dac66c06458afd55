import Testing
import Rendering


@Suite struct TextWrapperTests {
    @Test func shortLinesStayAsTheyAre() {
        #expect(TextWrapper.wrap("hello world", width: 40) == ["hello world"])
        #expect(TextWrapper.wrap("a\n\nb", width: 40) == ["a", "", "b"])
    }

    @Test func wrapsAtWordBoundaries() {
        let text = "the quick brown fox jumps over the lazy dog"
        let lines = TextWrapper.wrap(text, width: 15)
        #expect(lines == ["the quick brown", "fox jumps over", "the lazy dog"])
    }

    @Test func neverExceedsTheWidthAndLosesNoWords() {
        let text = "TIME_WAIT keeps the four-tuple reserved for twice the maximum segment lifetime so that "
            + "old duplicates die out and the last ACK can be sent again if the peer repeats its FIN."
        for width in [10, 17, 23, 40, 80] {
            let lines = TextWrapper.wrap(text, width: width)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "width \(width): '\(line)'") }
            #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
        }
    }

    @Test func wrapsChineseByDisplayWidth() {
        let text = String(repeating: "时间等待", count: 10)   // 40 characters, 80 columns
        let lines = TextWrapper.wrap(text, width: 20)
        #expect(lines.count == 4)
        for line in lines { #expect(DisplayWidth.of(line) == 20) }
        #expect(lines.joined() == text)
    }

    @Test func splitsWordsLongerThanALine() {
        let lines = TextWrapper.wrap(String(repeating: "x", count: 25), width: 10)
        #expect(lines == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }

    @Test func keepsIndentationOnContinuationLines() {
        let lines = TextWrapper.wrap("    one two three four five six", width: 16)
        #expect(lines.allSatisfy { $0.hasPrefix("    ") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
    }

    @Test func colourSequencesDoNotCountTowardsTheWidth() {
        let red = "\u{1B}[31mred\u{1B}[0m"
        let lines = TextWrapper.wrap("\(red) \(red) \(red)", width: 11)
        #expect(lines.count == 1)
    }
}
