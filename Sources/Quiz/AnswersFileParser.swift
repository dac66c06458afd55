import Foundation
import Lessons
import Yams

/// Reads answers files. Never throws and never traps: whatever is wrong becomes a one-line message
/// naming the file (and the question), and everything that can still be read is kept.
public enum AnswersFileParser {
    /// Files above this size are not read at all.
    public static let maximumFileBytes = 1 << 20
    /// Answers longer than this are not graded (they are marked invalid).
    public static let maximumAnswerCharacters = 500
    /// How many broken lines are skipped before a file is declared not YAML at all.
    static let maximumRepairs = 20

    /// The paths with every folder replaced by the `.yaml` and `.yml` files in it, sorted by name.
    /// Other paths are kept as given (a missing file is reported when it is read).
    public static func expandFolders(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        }
    }

    /// Reads the file at the path.
    public static func read(path: String) -> AnswersFile {
        let fallbackStudent = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumFileBytes {
            return unusable(path, fallbackStudent, "the file is \(megabytes(size)) MiB; an answers file may be at most 1 MiB, so none of it was read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return unusable(path, fallbackStudent, "cannot read the file; check that it exists and is readable")
        }
        return parse(data, path: path)
    }

    /// Parses the bytes of an answers file; `path` is used in messages and for the fallback student id.
    public static func parse(_ data: Data, path: String) -> AnswersFile {
        let fallbackStudent = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if data.count > maximumFileBytes {
            return unusable(path, fallbackStudent, "the file is \(megabytes(data.count)) MiB; an answers file may be at most 1 MiB, so none of it was read")
        }
        var problems: [String] = []
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The usual case, clean UTF-8 text without control characters, skips the line-by-line repairs.
        if let clean = cleanText(bytes) {
            if clean.allSatisfy({ $0.isWhitespace }) {
                return unusable(path, fallbackStudent, "the file is empty; write `student: ID` and an `answers:` mapping (see `twlab quiz paper --template`)")
            }
            // A file with an alias (`q: *FIN*` is one) takes the careful path, which skips that line.
            if YAMLAliasScanner.firstFinding(in: clean) == nil, let root = try? Yams.compose(yaml: clean) {
                return read(root, path: path, fallbackStudent: fallbackStudent, problems: [], repairs: 0)
            }
        }
        let badLines = invalidUTF8Lines(bytes)
        // YAML may not carry raw control characters; replace them so the rest of the file still reads.
        // This works on bytes in one pass: a file of a million control characters takes milliseconds.
        let (replaced, forbidden) = replacingForbiddenCharacters(bytes)
        let text = String(decoding: replaced, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var notes: [String] = []
        for line in badLines.prefix(6) {
            let key = keyOnLine(lines, line).map { " (question \($0))" } ?? ""
            notes.append("\(path):\(line): invalid UTF-8\(key); the bad bytes were replaced by U+FFFD")
        }
        for (line, values) in forbidden.prefix(6) {
            let found = values.sorted().map { value -> String in
                let hex = String(value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            let key = keyOnLine(lines, line).map { " (question \($0))" } ?? ""
            notes.append("\(path):\(line): raw control character \(found.joined(separator: ", "))\(key) replaced by U+FFFD; write it as an escape such as \"\\u001b\" inside double quotes if it is meant")
        }
        let noteCount = badLines.count + forbidden.count
        if noteCount > 5 {
            problems += notes.prefix(4) + ["\(path): \(noteCount - 4) more lines hold bytes that are not text; is this really the answers file?"]
        } else {
            problems += notes
        }
        if lines.allSatisfy({ line in line.utf8.first { $0 != 0x20 && $0 != 0x09 }.map { $0 == UInt8(ascii: "#") } ?? true }) {
            return unusable(path, fallbackStudent, "the file is empty; write `student: ID` and an `answers:` mapping (see `twlab quiz paper --template`)", problems)
        }

        // Anchors and aliases could expand without bound (and nobody needs them in answers): a line
        // holding one is set aside like a broken line.
        var repairs = 0
        while let alias = YAMLAliasScanner.firstFinding(in: lines.joined(separator: "\n")) {
            repairs += 1
            guard repairs <= maximumRepairs, lines.indices.contains(alias.line - 1) else {
                return unusable(path, fallbackStudent, "line \(alias.line): \(alias.message)", problems)
            }
            let key = keyOnLine(lines, alias.line).map { "question \($0): " } ?? ""
            problems.append("\(path):\(alias.line): \(key)\(alias.message); this line was skipped")
            lines[alias.line - 1] = "#" + lines[alias.line - 1]
        }
        // Parse; a broken line or a duplicated question is set aside and the rest parsed again.
        var root: Node?
        while true {
            do {
                root = try Yams.compose(yaml: lines.joined(separator: "\n"))
                break
            } catch let error as YamlError {
                repairs += 1
                guard repairs <= maximumRepairs, let repair = repairLine(for: error, lines: lines) else {
                    return unusable(path, fallbackStudent, "not valid YAML: \(summary(of: error)); expected `student: ID` and an `answers:` mapping", problems)
                }
                problems.append("\(path):\(repair.line): \(repair.message)")
                lines[repair.line - 1] = "#" + lines[repair.line - 1]
            } catch {
                return unusable(path, fallbackStudent, "not valid YAML; expected `student: ID` and an `answers:` mapping", problems)
            }
        }

        return read(root, path: path, fallbackStudent: fallbackStudent, problems: problems, repairs: repairs)
    }

    /// The text of the bytes when they are valid UTF-8 without any character YAML forbids, else nil.
    private static func cleanText(_ bytes: [UInt8]) -> String? {
        for byte in bytes where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF {
            // 0xC2 starts C1 controls and 0xEF starts U+FFFE/U+FFFF; such files take the careful path.
            return nil
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Reads the parsed document into an answers file.
    private static func read(_ root: Node?, path: String, fallbackStudent: String, problems: [String], repairs: Int) -> AnswersFile {
        guard let root, case .mapping(let top) = root else {
            return unusable(path, fallbackStudent, "expected a mapping with `student:` and `answers:`, found \(describe(root)); see `twlab quiz paper --template`", problems)
        }
        var file = AnswersFile(path: path, student: fallbackStudent, problems: problems)
        var sawStudent = false, sawAnswers = false
        for (keyNode, value) in top {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "student":
                sawStudent = true
                if let id = value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty {
                    if let hidden = StudentID.hiddenCharacter(in: id) {
                        return unusable(path, fallbackStudent, "line \(line(of: value)), column \(column(of: value)): the `student` id holds an invisible or bidirectional-control character (\(hidden)); write the id in plain visible characters and hand the file in again", file.problems)
                    }
                    if let mixed = StudentID.mixedScripts(in: id) {
                        return unusable(path, fallbackStudent, "line \(line(of: value)), column \(column(of: value)): the `student` id mixes letters of \(mixed), so it can pass for another student's id; write the id in one alphabet and hand the file in again", file.problems)
                    }
                    file.student = id
                } else {
                    file.problems.append("\(path):\(line(of: value)): `student` must be a non-empty id, found \(describe(value)); using the file name `\(QuizText.visible(fallbackStudent))`")
                }
            case "lessons":
                if let single = value.scalar?.string {
                    file.lessons = [single]
                } else if let list = value.sequence {
                    file.lessons = list.compactMap { $0.scalar?.string }
                    if file.lessons?.count != list.count {
                        file.problems.append("\(path):\(line(of: value)): `lessons` must be a list of lesson ids; entries that are not ids were ignored")
                    }
                } else {
                    file.problems.append("\(path):\(line(of: value)): `lessons` must be a list of lesson ids, found \(describe(value)); ignored")
                }
            case "answers":
                sawAnswers = true
                readAnswers(value, into: &file)
            default:
                file.problems.append("\(path):\(line(of: keyNode)):\(column(of: keyNode)): unknown top-level key ignored; the keys are student, lessons and answers")
            }
        }
        if !sawStudent {
            file.problems.append("\(path): no `student:` line; using the file name `\(QuizText.visible(fallbackStudent))` as the student id")
        }
        if !sawAnswers {
            let why = repairs > 0 ? " could be read (a broken line was skipped)" : ""
            file.problems.append("\(path): no `answers:` mapping\(why), so every question counts as missing")
            file.isUsable = false
        }
        return file
    }

    private static func readAnswers(_ node: Node, into file: inout AnswersFile) {
        let path = file.path
        if node.null != nil { return }
        guard case .mapping(let mapping) = node else {
            file.problems.append("\(path):\(line(of: node)): `answers` must be a mapping of question id to answer, found \(describe(node)); every question counts as missing")
            file.isUsable = false
            return
        }
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalar?.string, !id.isEmpty else {
                file.problems.append("\(path):\(line(of: keyNode)): a question id must be text, found \(describe(keyNode)); that entry was ignored")
                continue
            }
            let shownID = QuizText.visible(QuizText.clipped(id, to: 80))
            let at = line(of: value)
            let answer: AnswerValue
            switch value {
            case .scalar(let scalar):
                if value.null != nil || (scalar.string.isEmpty && scalar.style == .plain) {
                    continue
                }
                answer = checkedLength(scalar.string, id: shownID, path: path, line: at, problems: &file.problems)
            case .sequence(let list):
                let items = list.compactMap { $0.scalar?.string }
                if items.count == list.count {
                    answer = checkedLength(items.joined(separator: "|"), id: shownID, path: path, line: at, problems: &file.problems)
                } else {
                    answer = AnswerValue(problem: "a list may hold only words such as flags, found \(describe(list.first { $0.scalar == nil })) inside it", line: at)
                }
            default:
                answer = AnswerValue(problem: "an answer must be text, a number or a list of flags, found \(describe(value))", line: at)
            }
            if let problem = answer.problem {
                file.problems.append("\(path):\(at): question \(shownID): \(problem)")
            }
            file.answers.append((id: id, value: answer))
        }
    }

    private static func checkedLength(_ text: String, id: String, path: String, line: Int,
                                      problems: inout [String]) -> AnswerValue {
        let count = text.count
        if count > maximumAnswerCharacters {
            return AnswerValue(problem: "the answer is \(count) characters long; answers are at most \(maximumAnswerCharacters), so it was not graded", line: line)
        }
        return AnswerValue(text: text, line: line)
    }

    /// Decides which line to set aside after a parse error, or nil when nothing can be done.
    private static func repairLine(for error: YamlError, lines: [String]) -> (line: Int, message: String)? {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, _):
            // Keep the last occurrence of a duplicated key, as most YAML readers do.
            for key in duplicates {
                let found = lines.indices.filter { isKeyLine(lines[$0], key: key) }
                if found.count > 1, let first = found.first, let last = found.last {
                    return (first + 1, "question \(QuizText.visible(key)) is answered more than once; line \(first + 1) was ignored and the answer on line \(last + 1) graded")
                }
            }
            return nil
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context (for example the start of an unclosed `[`) points at the culprit better.
            var index = min(max(context?.mark.line ?? mark.line, 1), lines.count) - 1
            // libyaml often reports the line after the culprit; fall back to the nearest non-empty line.
            while index > 0, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index -= 1 }
            guard lines.indices.contains(index), !lines[index].hasPrefix("#") else { return nil }
            let key = keyOnLine(lines, index + 1).map { "question \($0): " } ?? ""
            return (index + 1, "\(key)not valid YAML (\(problem)); this line was skipped")
        default:
            return nil
        }
    }

    private static func isKeyLine(_ line: String, key: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for quote in ["", "\"", "'"] where trimmed.hasPrefix(quote + key + quote) {
            let rest = trimmed.dropFirst(quote.count * 2 + key.count).drop { $0 == " " }
            if rest.hasPrefix(":") { return true }
        }
        return false
    }

    /// The key written at the start of a 1-based line, if it looks like `key: value`.
    static func keyOnLine(_ lines: [String], _ line: Int) -> String? {
        guard lines.indices.contains(line - 1) else { return nil }
        // A key is short; looking at the start of the line keeps a megabyte-long line cheap.
        let text = String(lines[line - 1].prefix(200)).trimmingCharacters(in: .whitespaces)
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
        let key = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        guard !key.isEmpty, key.count <= 80, !key.contains(" "),
              key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "-" || $0 == "/") })
        else { return nil }
        // Only indented keys are answers; a top-level key is `student`, `lessons` or `answers`.
        guard lines[line - 1].first == " " || lines[line - 1].first == "\t" else { return nil }
        return QuizText.visible(key)
    }

    /// The bytes with every character YAML forbids (see `isForbiddenInYAML`) replaced by U+FFFD, and
    /// for each 1-based line that held any, the code points found there, in line order.
    static func replacingForbiddenCharacters(_ bytes: [UInt8]) -> (bytes: [UInt8], found: [(line: Int, values: Set<UInt32>)]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var found: [(line: Int, values: Set<UInt32>)] = []
        var line = 1, index = 0
        var onThisLine: Set<UInt32> = []
        func record(_ value: UInt32) {
            onThisLine.insert(value)
            out.append(0xEF); out.append(0xBF); out.append(0xBD)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                if !onThisLine.isEmpty { found.append((line, onThisLine)); onThisLine = [] }
                line += 1
                out.append(byte)
                index += 1
            } else if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                record(UInt32(byte))
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]), bytes[index + 1] != 0x85 {
                record(UInt32(bytes[index + 1]))
                index += 2
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                record(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        if !onThisLine.isEmpty { found.append((line, onThisLine)) }
        return (out, found)
    }

    /// Characters YAML 1.1 does not allow raw in a stream (tab, line feed and carriage return are fine).
    static func isForbiddenInYAML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x85 { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// 1-based numbers of lines holding bytes that are not valid UTF-8.
    static func invalidUTF8Lines(_ bytes: [UInt8]) -> [Int] {
        if String(validating: bytes, as: UTF8.self) != nil { return [] }
        var result: [Int] = []
        var lineNumber = 1
        var start = 0
        func check(_ end: Int) {
            if start < end, String(validating: bytes[start..<end], as: UTF8.self) == nil { result.append(lineNumber) }
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            check(index)
            lineNumber += 1
            start = index + 1
        }
        check(bytes.count)
        return result
    }

    private static func unusable(_ path: String, _ student: String, _ message: String, _ earlier: [String] = []) -> AnswersFile {
        AnswersFile(path: path, student: student, problems: earlier + ["\(path): \(message)"], isUsable: false)
    }

    private static func line(of node: Node) -> Int { node.mark?.line ?? 0 }
    private static func column(of node: Node) -> Int { node.mark?.column ?? 0 }

    private static func describe(_ node: Node?) -> String {
        switch node {
        case .none: return "nothing"
        case .scalar?: return "a single value"
        case .mapping?: return "a mapping"
        case .sequence?: return "a list"
        case .alias?: return "an alias"
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "line \(mark.line): \(problem)"
        default:
            return "the file could not be read as YAML"
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
