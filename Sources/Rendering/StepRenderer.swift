import Foundation
/// Turns tutor lines into terminal text: wraps prose to the width and renders Markdown lightly
/// (headings bold, `code` cyan, list items indented with their bullet), with ANSI colour only when on.
public struct StepRenderer: Sendable {
    /// Columns to wrap to (at least 20).
    public var width: Int
    /// Whether ANSI colour and bold are used.
    public var useColor: Bool

    public init(width: Int = 80, useColor: Bool = false) {
        self.width = max(20, width)
        self.useColor = useColor
    }

    /// The terminal text of the lines, each ending in a newline.
    public func render(_ lines: [TutorLine]) -> String {
        lines.map(render).joined()
    }

    /// The terminal text of one line, ending in a newline.
    public func render(_ line: TutorLine) -> String {
        switch line {
        case .heading(let text):
            return TextWrapper.wrap(text, width: width, hangingIndent: 2).map { style($0, "1") }.joined(separator: "\n") + "\n"
        case .prose(let text):
            return renderMarkdown(text)
        case .diagram(let text):
            // Preformatted lines keep their layout; one wider than the terminal wraps under itself.
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return body.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { TextWrapper.wrap(String($0), width: width, hangingIndent: 4) }.joined(separator: "\n") + "\n"
        case .question(let text):
            return wrapStyled("? " + text, indent: "  ", color: "1")
        case .success(let text):
            return wrapStyled(text, indent: "  ", color: "32")
        case .failure(let text), .error(let text):
            return wrapStyled(text, indent: "  ", color: "31")
        case .hint(let text):
            return wrapStyled(text, indent: "  ", color: "33")
        case .note(let text):
            return wrapStyled(text, indent: "", color: "2")
        case .plain(let text):
            // Leading spaces indent the line and its continuations (two columns more).
            let indent = String(text.prefix { $0 == " " })
            return wrap(inline(String(text.dropFirst(indent.count))), firstPrefix: indent,
                        restPrefix: indent.isEmpty ? "" : indent + "  ") + "\n"
        }
    }

    /// Renders Markdown prose paragraph by paragraph.
    public func renderMarkdown(_ text: String) -> String {
        var out = ""
        var paragraph: [String] = []
        var inFence = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            // Lines of CJK text join without a space, and so does a line that ends or starts with
            // Chinese punctuation (，“）…); other lines join with one.
            var joined = ""
            for line in paragraph {
                if let last = joined.last, let first = line.first, Self.columns(last) == 1 || Self.columns(first) == 1,
                   !LineBreakRule.isFullWidthPunctuation(last), !LineBreakRule.isFullWidthPunctuation(first) {
                    joined += " "
                }
                joined += line
            }
            out += wrap(inline(joined), firstPrefix: "", restPrefix: "") + "\n"
            paragraph = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                // Preformatted text keeps its columns; a line wider than the terminal is cut with `…`.
                out += style(Truncation.fit(line, width: width), "36") + "\n"
                continue
            }
            if trimmed.isEmpty {
                flush()
                if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
                continue
            }
            if trimmed.hasPrefix("#") {
                flush()
                let title = trimmed.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                out += style(inlinePlain(title), "1") + "\n"
                continue
            }
            if let item = listItem(trimmed) {
                flush()
                let indent = String(repeating: " ", count: item.marker.count + 1)
                out += wrap(inline(item.body), firstPrefix: "  " + item.marker + " ", restPrefix: "  " + indent) + "\n"
                continue
            }
            paragraph.append(trimmed)
        }
        flush()
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out.isEmpty ? "" : out
    }

    private func listItem(_ line: String) -> (marker: String, body: String)? {
        for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) {
            return ("•", String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return (digits + ".", String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// A run of text with its visible width (ANSI codes take no columns; CJK characters take two).
    /// A glued word follows the previous one without a space (CJK text breaks between characters).
    private struct Word { var text: String; var visible: Int; var glued = false }

    /// Columns a character takes in a terminal: two for wide characters (by `DisplayWidth`), else one.
    static func columns(_ c: Character) -> Int {
        DisplayWidth.of(c) == 2 ? 2 : 1
    }

    /// Splits inline Markdown into styled words: `code` cyan, **bold** and *emphasis* bold (plain
    /// without colour); the markers themselves are never shown. A `*` with spaces around it (a
    /// product written out) stays as it is.
    private func inline(_ text: String, base: String? = nil) -> [Word] {
        var words: [Word] = []
        var current = ""
        var run = ""
        var runStyle: String?
        var visible = 0
        var code = false
        var bold = false
        var emphasis = false
        var previous: Character?
        var glueNext = false
        var chars = Array(text)[...]
        func flushRun() {
            guard !run.isEmpty else { return }
            if let runStyle, runStyle != base {
                // A code or bold run inside a styled line: style it, then reopen the line's style.
                current += style(run, runStyle) + (useColor ? base.map { "\u{1B}[\($0)m" } ?? "" : "")
            } else {
                current += run
            }
            run = ""
        }
        func emit() {
            flushRun()
            if visible > 0 {
                words.append(Word(text: current, visible: visible, glued: glueNext))
                glueNext = true
            }
            current = ""; visible = 0
        }
        // Kinsoku: closing punctuation stays with the word before it, an opening bracket with the
        // word after it (see `LineBreakRule`).
        var onlyOpeners = false
        func add(_ c: Character) {
            let wanted = code ? "36" : (bold || emphasis ? "1" : base)
            let width = Self.columns(c)
            if LineBreakRule.cannotStartLine(c), visible == 0, run.isEmpty, glueNext, let last = words.last {
                words.removeLast()
                current = last.text; visible = last.visible; glueNext = last.glued
            } else if width == 2, !onlyOpeners, !LineBreakRule.cannotStartLine(c) {
                emit()
            }
            if wanted != runStyle { flushRun(); runStyle = wanted }
            run.append(c)
            visible += width
            onlyOpeners = LineBreakRule.cannotEndLine(c) && (onlyOpeners || visible == width)
            if width == 2, !onlyOpeners { emit() }
        }
        // A code span stays on one line unless it is wider than a line: then it breaks at its blanks.
        var breakableCode = false
        while let c = chars.first {
            chars = chars.dropFirst()
            defer { previous = c }
            if c == "`" {
                code.toggle()
                if code {
                    let span = chars.prefix { $0 != "`" }
                    breakableCode = DisplayWidth.of(String(span)) > width - 2
                }
                continue
            }
            if !code && c == "*" && chars.first == "*" {
                chars = chars.dropFirst()
                bold.toggle()
                continue
            }
            if !code && c == "*" {
                // Chinese has no spaces: after a wide character an emphasis marker may open too.
                let opens = !emphasis && chars.first.map { !$0.isWhitespace } == true
                    && (previous.map { $0.isWhitespace || "([\"'".contains($0) || Self.columns($0) == 2 } ?? true)
                let closes = emphasis && previous.map { !$0.isWhitespace } == true
                if opens || closes { emphasis.toggle(); continue }
            }
            if c == " " && (!code || breakableCode) { emit(); glueNext = false; onlyOpeners = false; continue }
            add(c)
        }
        emit()
        return words
    }

    private func inlinePlain(_ text: String) -> String {
        let chars = Array(text.filter { $0 != "`" }.replacingOccurrences(of: "**", with: ""))
        // A single `*` touching a word on one side is an emphasis marker; one between spaces stays.
        return String(chars.indices.compactMap { i -> Character? in
            guard chars[i] == "*" else { return chars[i] }
            let before = i > 0 ? chars[i - 1] : " ", after = i + 1 < chars.count ? chars[i + 1] : " "
            return before.isWhitespace && after.isWhitespace ? "*" : nil
        })
    }

    /// A word wider than a whole line (a long command in a code span) cut into pieces that fit,
    /// never inside an ANSI sequence; other words as they are.
    private func split(_ word: Word, toFit room: Int) -> [Word] {
        let room = max(room, 10)
        guard word.visible > room else { return [word] }
        var pieces: [Word] = []
        var text = "", visible = 0, inEscape = false
        for c in word.text {
            if inEscape || c == "\u{1B}" {
                text.append(c)
                if c == "\u{1B}" { inEscape = true } else if c.isLetter { inEscape = false }
                continue
            }
            let width = Self.columns(c)
            if visible + width > room {
                pieces.append(Word(text: text, visible: visible, glued: pieces.isEmpty ? word.glued : true))
                text = ""; visible = 0
            }
            text.append(c); visible += width
        }
        pieces.append(Word(text: text, visible: visible, glued: pieces.isEmpty ? word.glued : true))
        return pieces
    }

    private func wrap(_ words: [Word], firstPrefix: String, restPrefix: String) -> String {
        var lines: [String] = []
        var line = firstPrefix
        var column = firstPrefix.count
        var lineHasWord = false
        for word in words.flatMap({ split($0, toFit: width - restPrefix.count) }) {
            let gap = word.glued ? 0 : 1
            if lineHasWord && column + gap + word.visible > width {
                lines.append(line)
                line = restPrefix
                column = restPrefix.count
                lineHasWord = false
            }
            if lineHasWord && gap == 1 { line += " "; column += 1 }
            line += word.text
            column += word.visible
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    private func wrapStyled(_ text: String, indent: String, color: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            wrap(inline(String(paragraph), base: color), firstPrefix: "", restPrefix: indent)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { style(String($0), color) }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    private func style(_ text: String, _ code: String) -> String {
        useColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
