import Foundation


/// Wraps text to a number of terminal columns, counting display width (so Chinese text, two columns
/// a character, wraps at the right place) and never splitting an ANSI colour sequence.
public enum TextWrapper {
    /// Wraps every line of `text` to `width` columns. Words move to the next line whole; a word
    /// longer than a line is split; text in wide scripts may break between any two characters.
    /// Continuation lines keep the indentation of the line they continue, plus `hangingIndent`.
    public static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
        let width = max(width, 10)
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            output.append(contentsOf: wrapLine(String(line), width: width, hangingIndent: hangingIndent))
        }
        return output
    }

    private enum Piece {
        case blank(String)
        case word(String, width: Int)
    }

    private static func wrapLine(_ line: String, width: Int, hangingIndent: Int) -> [String] {
        if DisplayWidth.of(line) <= width { return [line] }
        let indentText = String(line.prefix { $0 == " " })
        let continuation = String(repeating: " ", count: min(indentText.count + hangingIndent, width / 2))
        let pieces = split(String(line.dropFirst(indentText.count)))

        var lines: [String] = []
        var current = indentText
        var currentWidth = indentText.count
        var lineHasWord = false
        var pendingBlank = ""

        func finishLine() {
            lines.append(current)
            current = continuation
            currentWidth = continuation.count
            lineHasWord = false
            pendingBlank = ""
        }

        for piece in pieces {
            switch piece {
            case .blank(let blank):
                if lineHasWord { pendingBlank = blank }
            case .word(let word, let wordWidth):
                let blankWidth = lineHasWord ? pendingBlank.count : 0
                if lineHasWord, currentWidth + blankWidth + wordWidth > width {
                    finishLine()
                }
                if lineHasWord {
                    current += pendingBlank
                    currentWidth += pendingBlank.count
                }
                pendingBlank = ""
                if currentWidth + wordWidth <= width {
                    current += word
                    currentWidth += wordWidth
                    lineHasWord = true
                    continue
                }
                // A word longer than a whole line: split it character by character.
                var inEscape = false
                for character in word {
                    let characterWidth = inEscape || character == "\u{1B}" ? 0 : DisplayWidth.of(character)
                    if character == "\u{1B}" { inEscape = true }
                    else if inEscape, let value = character.unicodeScalars.first?.value,
                            (0x40...0x7E).contains(value), character != "[" { inEscape = false }
                    if lineHasWord, currentWidth + characterWidth > width { finishLine() }
                    current.append(character)
                    currentWidth += characterWidth
                    lineHasWord = true
                }
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Splits a line into blanks and words; each wide character is a word of its own so that
    /// Chinese or Japanese text can break anywhere, except where line-breaking rules forbid it
    /// (kinsoku, see `LineBreakRule`): closing punctuation joins the word before it and opening
    /// punctuation the word after it, so that neither is left at the edge of a line.
    private static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var word = ""
        var blank = ""
        var inEscape = false
        func flushWord() {
            if !word.isEmpty { pieces.append(.word(word, width: DisplayWidth.of(word))); word = "" }
        }
        func flushBlank() {
            if !blank.isEmpty { pieces.append(.blank(blank)); blank = "" }
        }
        for character in text {
            if inEscape {
                word.append(character)
                if let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value),
                   character != "[" { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                flushBlank()
                inEscape = true
                word.append(character)
            } else if character == " " {
                flushWord()
                blank.append(character)
            } else if blank.isEmpty, word.isEmpty, LineBreakRule.cannotStartLine(character),
                      case .word(let previous, _)? = pieces.last {
                // Closing punctuation right after a word: never let it begin the next line.
                pieces.removeLast()
                word = previous
                word.append(character)
                flushWord()
            } else if DisplayWidth.of(character) == 2 {
                flushBlank()
                // A closing mark stays on the word before it; a word of opening marks waits for this one.
                if !LineBreakRule.cannotStartLine(character), !word.allSatisfy(LineBreakRule.cannotEndLine) { flushWord() }
                word.append(character)
                if !LineBreakRule.cannotEndLine(character) { flushWord() }
            } else {
                flushBlank()
                word.append(character)
            }
        }
        flushWord()
        flushBlank()
        return pieces
    }
}
