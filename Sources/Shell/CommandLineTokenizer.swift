/// Splits a command line into words, the way a small shell does.
///
/// Words are separated by blanks. `'single quotes'` keep everything literally; `"double quotes"` keep
/// blanks and allow `\"` and `\\` inside; outside quotes a backslash makes the next character
/// literal. Nothing is expanded: no variables, globs or substitutions.
public enum CommandLineTokenizer {
    /// Why a line could not be split.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A quote was opened and never closed.
        case unterminatedQuote(Character)
        /// The line ended right after a backslash.
        case trailingBackslash

        /// One line saying what is wrong and how to fix it.
        public var description: String {
            switch self {
            case .unterminatedQuote(let quote):
                "the \(quote) quote is never closed; close it or escape it with a backslash"
            case .trailingBackslash:
                "the line ends with a lone backslash; remove it or write \\\\ for a backslash"
            }
        }
    }

    /// Splits `line` into words, or throws when a quote is left open.
    public static func words(_ line: String) throws(Failure) -> [String] {
        let scan = scan(line)
        if let failure = scan.failure { throw failure }
        return scan.words + (scan.partial.map { [$0] } ?? [])
    }

    /// Splits the text before the cursor for completion: the finished words, and the word being
    /// typed (empty when the cursor follows a blank). Never fails: an open quote just stays open.
    public static func completionWords(_ lineBeforeCursor: String) -> (words: [String], partial: String) {
        let scan = scan(lineBeforeCursor)
        return (scan.words, scan.partial ?? "")
    }

    private struct Scan {
        var words: [String] = []
        /// The last word when the line does not end in a blank.
        var partial: String?
        var failure: Failure?
    }

    private static func scan(_ line: String) -> Scan {
        enum Mode { case blank, word, single, double }
        var result = Scan()
        var mode = Mode.blank
        var current = ""
        var escaping = false
        for character in line {
            if escaping {
                if mode == .double && character != "\"" && character != "\\" { current.append("\\") }
                current.append(character)
                escaping = false
                if mode == .blank { mode = .word }
                continue
            }
            switch mode {
            case .blank, .word:
                if character == " " || character == "\t" {
                    if mode == .word { result.words.append(current); current = "" }
                    mode = .blank
                } else if character == "\\" {
                    escaping = true
                    if mode == .blank { mode = .word }
                } else if character == "'" {
                    mode = .single
                } else if character == "\"" {
                    mode = .double
                } else {
                    current.append(character)
                    mode = .word
                }
            case .single:
                if character == "'" { mode = .word } else { current.append(character) }
            case .double:
                if character == "\"" {
                    mode = .word
                } else if character == "\\" {
                    escaping = true
                } else {
                    current.append(character)
                }
            }
        }
        switch mode {
        case .blank: break
        case .word: result.partial = current
        case .single: result.partial = current; result.failure = .unterminatedQuote("'")
        case .double: result.partial = current; result.failure = .unterminatedQuote("\"")
        }
        if escaping {
            result.failure = result.failure ?? .trailingBackslash
            result.partial = result.partial ?? current
        }
        return result
    }
}
