import TCPModel

/// Draws the TCP state machine for a terminal: boxes for the states, light arrows for opening a
/// connection, heavy arrows for closing it, and double borders around the highlighted states.
/// The full picture needs 76 columns; narrower, it becomes a list of transitions.
public struct StateDiagramText: Sendable {
    /// The graph to draw (its profile sets the TIME_WAIT label).
    public var graph: StateMachineGraph
    /// States drawn with a double border (or `*` in ASCII), for example both endpoints' states.
    public var highlighted: Set<TCPState>
    /// Columns available.
    public var width: Int
    /// Box drawing or plain ASCII.
    public var charset: TextCharset

    /// The columns the picture needs; below this the list form is used.
    public static let pictureWidth = 76

    /// Prepares a drawing.
    public init(graph: StateMachineGraph = StateMachineGraph(), highlighted: Set<TCPState> = [],
                width: Int = 80, charset: TextCharset = .unicode) {
        self.graph = graph; self.highlighted = highlighted; self.width = max(20, width); self.charset = charset
    }

    /// The picture (or list), with a title line and footnotes, each line ending in a newline.
    public func render() -> String {
        var lines: [String] = []
        let legend = charset == .ascii ? "= and # arrows: closing. * box: highlighted." : "Heavy arrows: closing. Double box: highlighted."
        lines += TextWrapper.wrap("TCP state machine, profile \(graph.profile.rawValue). \(legend)", width: width)
        lines.append("")
        lines += width >= Self.pictureWidth ? picture() : list()
        lines.append("")
        for note in graph.footnotes { lines += TextWrapper.wrap(note, width: width) }
        return lines.map { charset.apply($0) }.joined(separator: "\n") + "\n"
    }

    /// The boxes-and-arrows picture, one string per row.
    func picture() -> [String] {
        let label = StateMachineGraph.timeWaitLabel(graph.profile)
        var rows = Self.template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Character] in
            Array(line.replacingOccurrences(of: "@TW@" + String(repeating: " ", count: max(0, label.count - 4)), with: label))
        }
        for state in highlighted { Self.doubleBorder(around: state.name, in: &rows) }
        return rows.map { String($0) }
    }

    /// At most `rows` rows of the picture (or the list, when narrow), chosen to show the
    /// highlighted states: the whole picture when it fits, otherwise the rows around them.
    public func window(rows: Int) -> [String] {
        let all = (width >= Self.pictureWidth ? picture() : list()).map { charset.apply($0) }
        guard all.count > rows, rows > 0 else { return all }
        let marks = all.indices.filter { index in
            highlighted.contains { state in
                let line = all[index]
                return line.contains("║ \(state.name)") || line.contains("╢ \(state.name)") || line.contains("[\(state.name)]")
                    || line.contains("║   \(state.name)") || line.contains("* \(state.name) *") || line.contains("*   \(state.name)")
            }
        }
        guard let first = marks.first, let last = marks.last else { return Array(all.suffix(rows)) }
        // The boxes' borders are one row above and below their labels.
        let middle = (first - 1 + last + 1) / 2
        let start = min(max(0, middle - rows / 2), all.count - rows)
        return Array(all[start..<(start + rows)])
    }

    /// A transition per line: `ESTABLISHED ━▶ FIN_WAIT_1  close / snd FIN`.
    func list() -> [String] {
        graph.transitions.flatMap { edge -> [String] in
            func name(_ state: TCPState) -> String { highlighted.contains(state) ? "[\(state.name)]" : state.name }
            let arrow = edge.isClosePath ? " ━━▶ " : " ──▶ "
            return TextWrapper.wrap(name(edge.from) + arrow + name(edge.to) + "  " + edge.label, width: width, hangingIndent: 4)
        }
    }

    /// Redraws the border of every box labelled `name` with double lines.
    static func doubleBorder(around name: String, in rows: inout [[Character]]) {
        let sides: Set<Character> = ["│", "┤", "├"]
        let target = Array(name)
        for row in 1..<max(1, rows.count - 1) {
            let line = rows[row]
            guard line.count >= target.count else { continue }
            for start in 0...(line.count - target.count) where Array(line[start..<(start + target.count)]) == target {
                let before = start > 0 ? line[start - 1] : "x", after = start + target.count < line.count ? line[start + target.count] : "x"
                guard before == " ", after == " " else { continue }
                guard let left = line[..<start].lastIndex(where: { sides.contains($0) }),
                      let right = line[(start + target.count)...].firstIndex(where: { sides.contains($0) }),
                      line[(left + 1)..<start].allSatisfy({ $0 == " " }),
                      line[(start + target.count)..<right].allSatisfy({ $0 == " " }),
                      rows[row - 1].count > right, rows[row + 1].count > right else { continue }
                rows[row][left] = line[left] == "┤" ? "╢" : "║"
                rows[row][right] = line[right] == "├" ? "╟" : "║"
                rows[row - 1][left] = "╔"; rows[row - 1][right] = "╗"
                rows[row + 1][left] = "╚"; rows[row + 1][right] = "╝"
                for column in (left + 1)..<right { rows[row - 1][column] = "═"; rows[row + 1][column] = "═" }
            }
        }
    }

    /// The picture, drawn by hand and checked against RFC 9293's figure. `@TW@` and the spaces after
    /// it are replaced by how long TIME_WAIT lasts (at most 22 columns).
    static let template = """
                                         ┌────────┐
                       ┌─────────────────┤ CLOSED ├─────────────────┐
                       │ passive open    └────────┘    active open  │
                       │                                   snd SYN  │
                       ▼                                            ▼
                   ┌────────┐                                 ┌──────────┐
                   │ LISTEN │                                 │ SYN_SENT │
                   └────────┘                                 └──────────┘
                       │                                         │    │
         rcv SYN       │                                 rcv SYN │    │ rcv SYN,ACK
         snd SYN,ACK   │                                 snd ACK │    │ snd ACK
                       ▼                                         │    │
                ┌──────────────┐                                 │    │
                │ SYN_RECEIVED │◀────────────────────────────────┘    │
                └──────────────┘                                      │
                       │ rcv ACK                                      │
                       │                   ┌─────────────┐            │
                       └──────────────────▶│ ESTABLISHED │◀───────────┘
                                           └─────────────┘
                                              ┃       ┃
                close, snd FIN  ┏━━━━━━━━━━━━━┛       ┗━━━━━━━━━━━━━━━━━┓ rcv FIN
                                ┃                                       ┃ snd ACK
                                ▼                                       ▼
                          ┌────────────┐                          ┌────────────┐
                          │ FIN_WAIT_1 │                          │ CLOSE_WAIT │
                          └────────────┘                          └────────────┘
                            ┃   ┃    ┃                                  ┃
        rcv ACK ┏━━━━━━━━━━━┛   ┃    ┗━━━━━━━━┓ rcv FIN                 ┃ close
                ┃               ┃             ┃ snd ACK                 ┃ snd FIN
                ▼               ┃             ▼                         ▼
          ┌────────────┐        ┃        ┌─────────┐               ┌──────────┐
          │ FIN_WAIT_2 │        ┃        │ CLOSING │               │ LAST_ACK │
          └────────────┘        ┃        └─────────┘               └──────────┘
                ┃               ┃             ┃                         ┃
                ┃ rcv FIN       ┃ rcv FIN,ACK ┃ rcv ACK                 ┃ rcv ACK
                ┃ snd ACK       ┃ snd ACK     ┃                         ┃
                ┗━━━━━━━━━━━┓   ┃   ┏━━━━━━━━━┛                         ┃
                            ▼   ▼   ▼                                   ▼
                       ┌────────────────┐   @TW@                    ┌────────┐
                       │   TIME_WAIT    │ ━━━━━━━━━━━━━━━━━━━━━━━━━▶│ CLOSED │
                       └────────────────┘                           └────────┘
        """
}
