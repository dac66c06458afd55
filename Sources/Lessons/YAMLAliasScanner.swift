/// Finds YAML anchors (`&name`) and aliases (`*name`) in a text before any YAML parser reads it.
///
/// Lessons and answers files never need them, and nested aliases ("billion laughs") make a few hundred
/// bytes expand into billions of values; the composer and every walk over its tree would then run for
/// minutes and use gigabytes. The scan is one pass over the text, linear in its length. It knows just
/// enough YAML to avoid false alarms: quoted text, comments, block scalars (`|`, `>`), and the
/// continuation lines of a plain value (where `*emphasis*` is text) are skipped.
public enum YAMLAliasScanner {
    /// Where an anchor or an alias starts, and which it is.
    public struct Finding: Sendable, Equatable {
        /// 1-based line in the scanned text.
        public var line: Int
        /// 1-based column in the scanned text.
        public var column: Int
        /// True for an alias (`*name`), false for an anchor (`&name`).
        public var isAlias: Bool

        /// One sentence for the user: what was found and what to do.
        public var message: String {
            isAlias
                ? "YAML aliases (*name) are not allowed here; write the value out, or put text that starts with '*' in quotes"
                : "YAML anchors (&name) are not allowed here; write the value out, or put text that starts with '&' in quotes"
        }
    }

    /// The first anchor or alias in `text`, or nil when there is none.
    public static func firstFinding(in text: String) -> Finding? {
        // Most texts hold neither '&' nor '*': one quick pass settles them.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var state = State()
        var lineNumber = 0
        // Every character the scan looks at is ASCII, so it works on UTF-8 bytes; a column counts
        // characters (bytes that do not continue a multi-byte sequence).
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            // Bytes above 0x7F read as Latin-1 letters here: never YAML syntax, which is all ASCII.
            if var finding = state.scan(bytes.map { Unicode.Scalar($0) }, lineNumber: lineNumber) {
                finding.column = bytes.prefix(finding.column - 1).filter { $0 & 0xC0 != 0x80 }.count + 1
                return finding
            }
        }
        return nil
    }

    /// What carries over from one line to the next.
    private struct State {
        /// Inside a block scalar owned by a node at this column: more indented lines are its text.
        var blockScalarParent: Int?
        var quote: Unicode.Scalar?
        var flowDepth = 0
        /// The previous line ended where a new value may start (after `key:`, `- `, `[` or `,`).
        var lineEndsOpen = true

        mutating func scan(_ chars: [Unicode.Scalar], lineNumber: Int) -> Finding? {
            var indent = 0
            while indent < chars.count, chars[indent] == " " || chars[indent] == "\t" { indent += 1 }
            let blank = indent == chars.count
            if let parent = blockScalarParent {
                if blank || indent > parent { return nil }
                blockScalarParent = nil
            }
            if blank && quote == nil { return nil }
            var atNodeStart = quote == nil && (lineEndsOpen || flowDepth == 0 && startsWithIndicator(chars, indent))
            var index = indent
            var tokenStart = indent
            var ownerColumn = indent
            func next(_ offset: Int) -> Unicode.Scalar? {
                index + offset < chars.count ? chars[index + offset] : nil
            }
            func isBreak(_ c: Unicode.Scalar?) -> Bool { c == nil || c == " " || c == "\t" }
            while index < chars.count {
                let c = chars[index]
                if let open = quote {
                    if open == "\"", c == "\\" { index += 2; continue }
                    if c == open {
                        if open == "'", next(1) == "'" { index += 2; continue }
                        quote = nil
                        atNodeStart = false
                    }
                    index += 1
                    continue
                }
                if c == " " || c == "\t" { index += 1; continue }
                if c == "#", index == 0 || chars[index - 1] == " " || chars[index - 1] == "\t" { break }
                if atNodeStart {
                    switch c {
                    case "&", "*":
                        if !isBreak(next(1)) { return Finding(line: lineNumber, column: index + 1, isAlias: c == "*") }
                        atNodeStart = false
                    case "-", "?", ":":
                        if isBreak(next(1)) {
                            if c == "-" { ownerColumn = index }
                        } else {
                            atNodeStart = false
                            tokenStart = index
                        }
                    case "!":
                        while index < chars.count, !isBreak(chars[index]) { index += 1 }
                        continue
                    case "[", "{":
                        flowDepth += 1
                    case "]", "}":
                        flowDepth = max(0, flowDepth - 1)
                        atNodeStart = false
                    case "\"", "'":
                        quote = c
                        tokenStart = index
                    case "|", ">":
                        if flowDepth == 0 {
                            blockScalarParent = ownerColumn
                            lineEndsOpen = false
                            return nil
                        }
                        atNodeStart = false
                    default:
                        atNodeStart = false
                        tokenStart = index
                    }
                    index += 1
                    continue
                }
                // Inside a plain value: only `: `, and in flow context `,` and brackets, end it.
                if c == ":", isBreak(next(1)) || (flowDepth > 0 && (next(1) == "," || next(1) == "]" || next(1) == "}")) {
                    atNodeStart = true
                    ownerColumn = tokenStart
                } else if flowDepth > 0, c == "," || c == "[" || c == "{" {
                    if c != "," { flowDepth += 1 }
                    atNodeStart = true
                } else if flowDepth > 0, c == "]" || c == "}" {
                    flowDepth -= 1
                }
                index += 1
            }
            lineEndsOpen = quote == nil && atNodeStart
            return nil
        }

        /// True when the line starts with a block indicator (`- ` or `? `): a new value starts there.
        private func startsWithIndicator(_ chars: [Unicode.Scalar], _ indent: Int) -> Bool {
            guard indent < chars.count, chars[indent] == "-" || chars[indent] == "?" else { return false }
            return indent + 1 == chars.count || chars[indent + 1] == " " || chars[indent + 1] == "\t"
        }
    }
}
