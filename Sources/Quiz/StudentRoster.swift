import Foundation

/// The student ids of a class, read from a roster file for making every student's paper at once
/// (`twlab quiz paper --students roster.csv --output-dir DIR`).
///
/// A roster is either one id a line, or a CSV file whose header names the columns: a Gradescope roster
/// export works as it is. Each student's id follows the rule the Gradescope autograder uses: the `SID`
/// column when it is filled in, else `Email`. Without such a header the first field of each line is the id.
public struct StudentRoster: Sendable, Equatable {
    /// The ids, in roster order, without repeats.
    public var ids: [String]
    /// One line per row that gave no id.
    public var problems: [String]

    /// Reads the roster text.
    public static func parse(_ text: String) -> StudentRoster {
        let rows = text.split(whereSeparator: \.isNewline).map { fields(of: String($0)) }
            .filter { !$0.allSatisfy { $0.isEmpty } }
        guard let header = rows.first else { return StudentRoster(ids: [], problems: []) }
        let names = header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let sid = names.firstIndex { ["sid", "student id", "student_id", "student"].contains($0) }
        let email = names.firstIndex { ["email", "e-mail", "email address"].contains($0) }
        let hasHeader = sid != nil || email != nil || names == ["id"]
        var ids: [String] = [], problems: [String] = [], seen = Set<String>()
        for (index, row) in rows.enumerated() where !(hasHeader && index == 0) {
            func cell(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let value = row[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            let id = hasHeader ? (cell(sid) ?? cell(email) ?? (names == ["id"] ? cell(0) : nil)) : cell(0)
            guard let id else {
                problems.append("roster line \(index + 1): no student id (SID or Email); skipped")
                continue
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return StudentRoster(ids: ids, problems: problems)
    }

    /// The fields of one CSV line (double quotes group a field; `""` inside is one quote).
    static func fields(of line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current); current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// A file name for the id's paper, or nil when the id cannot be one (a slash, a leading dot, empty).
    public static func fileName(for id: String, extension ext: String) -> String? {
        guard !id.isEmpty, !id.hasPrefix("."), !id.contains("/"), !id.contains("\0"),
              StudentID.hiddenCharacter(in: id) == nil else { return nil }
        return id + "." + ext
    }
}
