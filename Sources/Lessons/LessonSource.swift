import Foundation

/// A lesson file cut into its parts before any YAML is read: the front matter, and the steps with
/// their prose and fenced blocks, each with the line it starts on.
struct LessonSource {
    /// A run of prose, or a fenced block.
    enum Chunk {
        case prose(String, line: Int)
        /// `info` is the word after the opening fence; `bodyLine` is the file line of the body's first line.
        case fence(info: String, body: String, line: Int, bodyLine: Int)
    }

    /// The text under one `## ` heading.
    struct Step {
        var title: String
        var line: Int
        var chunks: [Chunk]
    }

    var file: String
    /// The YAML between the `---` lines, and the file line of its first line.
    var frontMatter: String?
    var frontMatterLine: Int
    /// Prose or blocks that come before the first `## ` heading (other than a `# ` title).
    var preamble: [Chunk]
    var steps: [Step]
    var diagnostics: [Diagnostic]
    /// Fenced blocks whose word is neither a directive nor a known plain language (probably a typo).
    var unknownFences: [(info: String, line: Int)] = []

    /// Cuts the text of a lesson file into parts.
    init(text: String, file: String) {
        self.file = file
        self.frontMatter = nil
        self.frontMatterLine = 2
        self.preamble = []
        self.steps = []
        self.diagnostics = []

        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        var index = 0
        // Skip a byte-order mark and blank lines before the front matter.
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        if index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) == "---" {
            let start = index + 1
            var end = start
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "---" { end += 1 }
            if end >= lines.count {
                diagnostics.append(Diagnostic(at: location(1), "the front matter opened on line 1 is never closed; add a line '---' after it"))
                frontMatter = lines[start...].joined(separator: "\n")
                index = lines.count
            } else {
                frontMatter = lines[start..<end].joined(separator: "\n")
                index = end + 1
            }
            frontMatterLine = start + 1
        } else {
            diagnostics.append(Diagnostic(at: location(1), "a lesson starts with YAML front matter between two '---' lines (id, title, summary, minutes, requires)"))
        }

        var chunks: [Chunk] = []
        var prose: [String] = []
        var proseLine = index + 1
        var currentStep: Step?

        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { chunks.append(.prose(text, line: proseLine)) }
            prose = []
        }
        func finishStep() {
            flushProse()
            if var step = currentStep { step.chunks = chunks; steps.append(step) } else { preamble = chunks }
            chunks = []
        }

        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if let fence = Self.openingFence(line) {
                // Find the closing fence: the same character, at least as many, nothing after.
                var end = index + 1
                while end < lines.count, !Self.closes(lines[end], fence: fence.marker) { end += 1 }
                let body = lines[(index + 1)..<min(end, lines.count)].joined(separator: "\n")
                let info = fence.info.lowercased()
                if end >= lines.count {
                    diagnostics.append(Diagnostic(at: location(lineNumber), "the code block opened here is never closed; add a line '\(fence.marker)'"))
                }
                if DirectiveName(rawValue: info) != nil || info == DirectiveName.notes {
                    flushProse()
                    chunks.append(.fence(info: info, body: body, line: lineNumber, bodyLine: lineNumber + 1))
                } else {
                    if prose.isEmpty { proseLine = lineNumber }
                    prose.append(contentsOf: lines[index..<min(end + 1, lines.count)])
                    if !DirectiveName.plainLanguages.contains(info) {
                        unknownFences.append((info: fence.info, line: lineNumber))
                    }
                }
                index = end + 1
                continue
            }
            if line.hasPrefix("## ") {
                finishStep()
                currentStep = Step(title: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces),
                                   line: lineNumber, chunks: [])
                proseLine = lineNumber + 1
                index += 1
                continue
            }
            if currentStep == nil, line.hasPrefix("# ") {
                index += 1
                continue
            }
            if prose.isEmpty {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { index += 1; proseLine = index + 1; continue }
                proseLine = lineNumber
            }
            prose.append(line)
            index += 1
        }
        finishStep()
    }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The fence marker (three or more backticks or tildes) and the info word, if the line opens a block.
    static func openingFence(_ line: String) -> (marker: String, info: String)? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let marker = rest.prefix(while: { $0 == first })
        guard marker.count >= 3 else { return nil }
        let info = rest.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        if first == "`", info.contains("`") { return nil }
        let word = info.split(whereSeparator: { $0 == " " || $0 == "{" }).first.map(String.init) ?? ""
        return (String(marker), word)
    }

    static func closes(_ line: String, fence marker: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let char = marker.first, trimmed.count >= marker.count else { return false }
        return trimmed.allSatisfy { $0 == char }
    }
}

/// The fenced blocks that are directives rather than code to show.
enum DirectiveName: String, CaseIterable {
    case sim, predict, lab, quiz

    /// The info word of speaker notes: Markdown for the presenter, not YAML and not shown to learners.
    static let notes = "notes"

    /// Info words of fenced blocks that are shown as they are. Any other word is a misspelt directive.
    static let plainLanguages: Set<String> = [
        "", "text", "txt", "plain", "console", "sh", "shell", "bash", "sh-session", "yaml", "yml", "json", "c",
        "python", "swift", "twsim", "diff", "markdown", "md", "ini", "conf", "toml", "output", "sysctl",
    ]
}
