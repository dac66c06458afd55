import Foundation

/// Reads one lesson file into a `Lesson`. Every problem becomes a diagnostic with the file, line and
/// column; the parser never stops at the first one and never traps on bad input.
public enum LessonParser {
    /// Lessons larger than this are refused (a lesson is a few pages of text).
    public static let maximumBytes = 1 << 20

    static let frontMatterFields = ["id", "title", "summary", "minutes", "requires"]

    /// Reads a lesson file from disk.
    public static func parse(fileAt url: URL, language: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        switch readText(fileAt: url) {
        case .success(let text): return parse(text: text, file: url.path, language: language)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// A lesson file's text, or the one diagnostic saying why it cannot be read (missing, too large,
    /// not UTF-8).
    static func readText(fileAt url: URL) -> Result<String, Diagnostic> {
        let file = url.path
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Diagnostic(at: start, "cannot read the file; check that it exists and is readable"))
        }
        guard data.count <= maximumBytes else {
            return .failure(Diagnostic(at: start, "the file is \(data.count) bytes; a lesson may be at most \(maximumBytes) bytes, so split it into several lessons"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(Diagnostic(at: invalidUTF8Location(data, file: file), "the file is not valid UTF-8 here; save it as UTF-8"))
        }
        return .success(text)
    }

    /// Reads only a lesson file's front matter (no directive blocks), for the lesson list.
    public static func parseHeader(fileAt url: URL) -> (header: LessonHeader?, diagnostics: [Diagnostic]) {
        let file = url.path
        let start = SourceLocation(file: file, line: 1, column: 1)
        let text: String
        switch readText(fileAt: url) {
        case .success(let read): text = read
        case .failure(let problem): return (nil, [problem])
        }
        // The front matter is the text between the first two '---' lines.
        var lines = text.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false)[...]
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            return (nil, [Diagnostic(at: start, "the lesson must start with front matter between '---' lines")])
        }
        lines = lines.dropFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return (nil, [Diagnostic(at: start, "the front matter has no closing '---' line")])
        }
        let yaml = lines[lines.startIndex..<end].joined(separator: "\n")
        if let plain = PlainFrontMatter.fields(yaml), let header = plainHeader(plain, file: file) { return (header, []) }
        do {
            guard let node = try YAMLNode.parse(yaml), node.pairs != nil else {
                return (nil, [Diagnostic(at: SourceLocation(file: file, line: 2, column: 1),
                                         "the front matter must be YAML fields: id, title, summary, minutes, requires")])
            }
            var fields = DirectiveFields(what: "the front matter", node: node, file: file, firstLine: 2)
            let id = fields.string("id", required: true)
            let title = fields.string("title", required: true)
            let summary = fields.string("summary", required: true)
            let minutes = fields.integer("minutes", in: 1...120, required: true)
            let requires = fields.strings("requires") ?? []
            guard let id, DirectiveDecoder.isSlug(id), let title, let summary, let minutes else {
                return (nil, fields.diagnostics.isEmpty
                    ? [Diagnostic(at: SourceLocation(file: file, line: 2, column: 1), "the front matter's id must be lower-case letters, digits and '-'")]
                    : fields.diagnostics)
            }
            return (LessonHeader(id: id, title: title, summary: summary, minutes: minutes, requires: requires, file: file), [])
        } catch {
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: 1 + error.line, column: error.column),
                                     "in the front matter: \(error.message)")])
        }
    }

    /// A header from plain front matter when every field is there and valid; nil sends the text to the
    /// YAML parser, which then names the problem.
    private static func plainHeader(_ fields: [String: PlainFrontMatter.PlainValue], file: String) -> LessonHeader? {
        guard Set(fields.keys).isSubset(of: frontMatterFields),
              case .scalar(let id)? = fields["id"], DirectiveDecoder.isSlug(id),
              case .scalar(let title)? = fields["title"], !title.isEmpty,
              case .scalar(let summary)? = fields["summary"], !summary.isEmpty,
              case .scalar(let minutesText)? = fields["minutes"], let minutes = Int(minutesText), (1...120).contains(minutes)
        else { return nil }
        var requires: [String] = []
        switch fields["requires"] {
        case .list(let items)?: requires = items
        case nil: break
        case .scalar?: return nil
        }
        return LessonHeader(id: id, title: title, summary: summary, minutes: minutes, requires: requires, file: file)
    }

    /// Reads lesson text. `file` names it in diagnostics.
    public static func parse(text: String, file: String, language: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        if text.utf8.count > maximumBytes {
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the text is \(text.utf8.count) bytes; a lesson may be at most \(maximumBytes) bytes")])
        }
        if let nul = text.firstIndex(of: "\0") {
            let before = text[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: line, column: column), "the file contains a NUL byte; is it a binary file?")])
        }
        let (visibleText, controlWarnings) = LessonControlCharacters.madeVisible(text, file: file)
        let source = LessonSource(text: visibleText, file: file)
        var diagnostics = controlWarnings + source.diagnostics
        let start = SourceLocation(file: file, line: 1, column: 1)

        // Front matter.
        var id: String?, title: String?, summary: String?, minutes: Int?, requires: [String] = []
        if let yaml = source.frontMatter {
            do {
                if let node = try YAMLNode.parse(yaml), node.pairs != nil {
                    var fields = DirectiveFields(what: "the front matter", node: node, file: file, firstLine: source.frontMatterLine)
                    id = fields.string("id", required: true)
                    title = fields.string("title", required: true)
                    summary = fields.string("summary", required: true)
                    minutes = fields.integer("minutes", in: 1...120, required: true)
                    requires = fields.strings("requires") ?? []
                    fields.rejectUnknown(allowed: frontMatterFields)
                    if let lessonID = id, !DirectiveDecoder.isSlug(lessonID) {
                        fields.error(at: fields.start, "lesson id '\(lessonID)' must be lower-case letters, digits and '-'")
                        id = nil
                    }
                    diagnostics += fields.diagnostics
                } else {
                    diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: source.frontMatterLine, column: 1),
                                                  "the front matter must be YAML fields: id, title, summary, minutes, requires"))
                }
            } catch {
                diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: source.frontMatterLine + error.line - 1, column: error.column),
                                              "in the front matter: \(error.message)"))
            }
        }

        // Steps.
        let lessonID = id ?? "unknown"
        let decoder = DirectiveDecoder(file: file, lessonID: lessonID)
        for fence in source.unknownFences {
            diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: fence.line, column: 4),
                                          "unknown directive '\(fence.info)' (directives: sim, predict, lab, quiz; for code shown as it is, use ```text)"))
        }
        var notes: [String] = []
        func blocks(of chunks: [LessonSource.Chunk]) -> [LessonBlock] {
            var result: [LessonBlock] = []
            notes = []
            for chunk in chunks {
                switch chunk {
                case .prose(let text, _): result.append(.text(text))
                case .fence(let info, let body, let line, let bodyLine):
                    if info == DirectiveName.notes {
                        notes.append(body.trimmingCharacters(in: .whitespacesAndNewlines))
                        continue
                    }
                    guard let name = DirectiveName(rawValue: info) else { continue }
                    let (block, problems) = decoder.decode(name, body: body, bodyLine: bodyLine, fenceLine: line)
                    diagnostics += problems
                    if let block { result.append(block) }
                }
            }
            return result
        }
        var steps: [LessonStep] = []
        let preamble = blocks(of: source.preamble)
        if !preamble.isEmpty {
            steps.append(LessonStep(title: title ?? lessonID, blocks: preamble,
                                    location: SourceLocation(file: file, line: source.frontMatterLine, column: 1),
                                    notes: notes.joined(separator: "\n\n")))
        }
        for step in source.steps {
            let location = SourceLocation(file: file, line: step.line, column: 1)
            if step.title.isEmpty { diagnostics.append(Diagnostic(at: location, "the step heading has no title")) }
            let stepBlocks = blocks(of: step.chunks)
            steps.append(LessonStep(title: step.title, blocks: stepBlocks, location: location,
                                    notes: notes.joined(separator: "\n\n")))
        }
        if source.steps.isEmpty && source.frontMatter != nil {
            diagnostics.append(Diagnostic(at: start, "the lesson has no steps; start each step with a '## ' heading"))
        }

        // Question ids are unique within the lesson.
        var seen: [String: SourceLocation] = [:]
        for question in steps.flatMap(\.questions) {
            if let first = seen[question.id] {
                diagnostics.append(Diagnostic(at: question.location, "question id '\(question.shortID)' is already used at line \(first.line)"))
            } else {
                seen[question.id] = question.location
            }
        }

        guard let id, let title, let summary, let minutes else { return (nil, diagnostics) }
        let lesson = Lesson(id: id, title: title, summary: summary, minutes: minutes, requires: requires,
                            language: language, file: file, steps: steps)
        return (lesson, diagnostics)
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func invalidUTF8Location(_ data: Data, file: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(file: file, line: line, column: column)
            }
            guard index + length <= bytes.count,
                  String(validating: Array(bytes[index..<(index + length)]), as: UTF8.self) != nil else {
                return SourceLocation(file: file, line: line, column: column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
