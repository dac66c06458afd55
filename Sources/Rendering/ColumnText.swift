import Foundation
/// Lays out rows of cells as aligned columns, measuring display width (CJK counts two columns).
public enum ColumnText {
    /// One line per row: each cell padded to its column's widest cell, two blanks between columns,
    /// trailing blanks removed, every line indented by `indent` columns.
    public static func lines(_ rows: [[String]], indent: Int = 0) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], DisplayWidth.of(cell)) } }
        let margin = String(repeating: " ", count: max(0, indent))
        return rows.map { row in
            var line = margin
            for (k, cell) in row.enumerated() {
                line += cell
                if k < row.count - 1 { line += String(repeating: " ", count: widths[k] - DisplayWidth.of(cell) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// Cuts a line to a number of display columns, ending it with `…` when anything was cut.
public enum Truncation {
    /// The line itself when it fits, else its longest prefix that fits with `…` after it.
    public static func fit(_ line: String, width: Int) -> String {
        let width = max(1, width)
        if DisplayWidth.of(line) <= width { return line }
        var out = ""
        var used = 0
        for character in line {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

/// Seconds as a terminal shows them.
public enum SecondsText {
    /// `59.9s`: milliseconds as seconds with one decimal.
    public static func tenths(_ milliseconds: Int) -> String {
        let tenths = (max(0, milliseconds) + 50) / 100
        return "\(tenths / 10).\(tenths % 10)s"
    }
}
