/// Reads the scenario language line by line into steps, or fails with the first problem's place.
struct ScenarioParser {
    var source: String

    /// One word of a line and the 1-based column where it starts.
    struct Word {
        var text: String
        var column: Int
    }

    /// The largest scenario text accepted, in bytes (256 KiB: thousands of lines).
    static let maxScenarioBytes = 262_144
    /// The most bytes one `send` line may write (1 MB, about 685 segments).
    static let maxSendBytes = 1_000_000
    /// The most `drop` and `duplicate` lines in one scenario (each is checked against every segment).
    static let maxFaultLines = 500

    func parse(_ text: String) throws -> Scenario {
        let size = text.utf8.count
        guard size <= Self.maxScenarioBytes else {
            // Name the line that crosses the limit.
            let line = 1 + text.utf8.prefix(Self.maxScenarioBytes).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            throw ScenarioError(source: source, line: line, column: 1,
                                message: "the scenario is \(size) bytes, over the limit of \(Self.maxScenarioBytes) bytes (256 KiB) from this line on; split it into smaller scenarios")
        }
        var scenario = Scenario(source: source, steps: [])
        var sawAction = false
        var sawOpen = false
        var faultLines = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let words = Self.words(of: rawLine)
            guard let verbWord = words.first else { continue }
            let verb = verbWord.text.lowercased()
            let lineText = words.map(\.text).joined(separator: " ")
            var cursor = WordCursor(words: words, line: lineNumber, source: source, endColumn: rawLine.unicodeScalars.count + 1)
            cursor.index = 1
            let action: ScenarioAction
            if verb == "drop" || verb == "duplicate" {
                faultLines += 1
                if faultLines > Self.maxFaultLines {
                    throw error(lineNumber, verbWord, "more than \(Self.maxFaultLines) 'drop' and 'duplicate' lines (the simulator's limit); use '#N' to reach a later segment")
                }
            }
            switch verb {
            case "profile":
                let word = try cursor.next(expecting: "a profile: linux, rfc9293 or no-time-wait")
                guard let profile = ProfileName(parsing: word.text) else {
                    throw error(lineNumber, word, "unknown profile '\(Self.shown(word.text))'; expected linux, rfc9293 or no-time-wait")
                }
                if sawAction {
                    throw error(lineNumber, verbWord, "'profile' must come before any action; move it to the top of the scenario")
                }
                try cursor.end()
                scenario.profile = profile
                continue
            case "set": action = .set(try parseSetting(&cursor))
            case "open":
                if sawOpen {
                    throw error(lineNumber, verbWord, "the connection is already open; use 'reconnect' for a new incarnation")
                }
                sawOpen = true
                action = .open
            case "reconnect":
                var reuse = false
                if let option = cursor.peek() {
                    guard ["reuseaddr", "so_reuseaddr"].contains(option.text.lowercased()) else {
                        throw error(lineNumber, option, "expected 'reconnect' or 'reconnect reuseaddr', found '\(Self.shown(option.text))'")
                    }
                    cursor.index += 1
                    reuse = true
                }
                action = .reconnect(reuseAddress: reuse)
            case "send":
                let role = try cursor.endpoint()
                let word = try cursor.next(expecting: "a byte count, for example 'send client 100'")
                let limit = Self.maxSendBytes
                guard word.text.count <= 12, word.text.allSatisfy({ $0.isASCII && $0.isNumber }), let bytes = Int(word.text),
                      bytes > 0 else {
                    throw error(lineNumber, word, "expected a byte count from 1 to \(limit), found '\(Self.shown(word.text))'")
                }
                guard bytes <= limit else {
                    throw error(lineNumber, word, "'send' writes at most \(limit) bytes at a time (the simulator's limit), found \(bytes); use several 'send' lines")
                }
                action = .send(role, bytes: bytes)
            case "read": action = .read(try cursor.endpoint())
            case "close": action = .close(try cursor.endpoint())
            case "shutdown": action = .shutdown(try cursor.endpoint())
            case "abort": action = .abort(try cursor.endpoint())
            case "drop":
                let match = try cursor.segmentMatch()
                var nth = 1
                if let word = cursor.peek(), word.text.hasPrefix("#") {
                    cursor.index += 1
                    guard word.text.count <= 6, let n = Int(word.text.dropFirst()), n >= 1 else {
                        throw error(lineNumber, word, "expected '#N' with N from 1 to 99999, found '\(Self.shown(word.text))'")
                    }
                    nth = n
                }
                action = .drop(match, nth: nth)
            case "duplicate":
                let match = try cursor.segmentMatch()
                let afterWord = try cursor.next(expecting: "'after DURATION', for example 'after 30s'")
                guard afterWord.text.lowercased() == "after" else {
                    throw error(lineNumber, afterWord, "expected 'after DURATION', found '\(Self.shown(afterWord.text))'")
                }
                action = .duplicate(match, after: try cursor.duration())
            case "wait": action = .wait(try cursor.duration())
            case "run": action = .run
            case "expect":
                if let first = cursor.peek(), first.text.lowercased() == "outcome" {
                    cursor.index += 1
                    let word = try cursor.next(expecting: "an outcome: clean, reset, timeout, stale-data or open")
                    guard let outcome = Outcome(rawValue: word.text.lowercased()) else {
                        throw error(lineNumber, word, "unknown outcome '\(Self.shown(word.text))'; expected clean, reset, timeout, stale-data or open")
                    }
                    action = .expectOutcome(outcome)
                    break
                }
                let role = try cursor.endpoint()
                let word = try cursor.next(expecting: "a state such as TIME_WAIT, or 'sent FLAGS'")
                if word.text.lowercased() == "sent" {
                    action = .expectSent(role, try cursor.flags())
                } else if let state = TCPState(parsing: word.text) {
                    action = .expectState(role, state)
                } else {
                    throw error(lineNumber, word, "unknown state '\(Self.shown(word.text))'; expected one of \(TCPState.allCases.map(\.name).joined(separator: ", ")) or 'sent FLAGS'")
                }
            default:
                throw error(lineNumber, verbWord, "unknown command '\(Self.shown(verbWord.text))'; expected profile, set, open, send, read, close, shutdown, abort, reconnect, drop, duplicate, wait, run or expect")
            }
            try cursor.end()
            switch action {
            case .send, .read, .close, .shutdown, .abort, .reconnect:
                if !sawOpen {
                    throw error(lineNumber, verbWord, "'\(verb)' needs a connection: add an 'open' line before it")
                }
            default: break
            }
            if case .set = action {} else { sawAction = true }
            scenario.steps.append(ScenarioStep(line: lineNumber, text: lineText, action: action))
        }
        return scenario
    }

    private func parseSetting(_ cursor: inout WordCursor) throws -> ScenarioSetting {
        let keys = "time-wait, msl, rto, latency, fin-timeout, rfc1337, retries, isn, timestamps, delayed-ack, autoread or max-tw-buckets"
        let word = try cursor.next(expecting: "a setting: \(keys)")
        switch word.text.lowercased() {
        case "time-wait", "timewait", "time_wait": return .timeWait(try cursor.duration())
        case "msl": return .msl(try cursor.duration())
        case "rto":
            return .rto(try cursor.duration(within: Self.rtoRange, named: "rto",
                                            note: "Linux never goes below 200 ms (TCP_RTO_MIN)"))
        case "latency":
            return .latency(try cursor.duration(within: Self.latencyRange, named: "latency",
                                                note: "it is the one-way delay of every segment"))
        case "fin-timeout", "fin_timeout", "tcp_fin_timeout": return .finTimeout(try cursor.duration())
        case "rfc1337", "tcp_rfc1337": return .rfc1337(try cursor.onOff())
        case "timestamps", "tcp_timestamps": return .timestamps(try cursor.onOff())
        case "delayed-ack", "delayed_ack", "delack": return .delayedAck(try cursor.onOff())
        case "autoread", "auto-read": return .autoread(try cursor.onOff())
        case "max-tw-buckets", "max_tw_buckets", "tcp_max_tw_buckets":
            let value = try cursor.next(expecting: "a bucket count, for example 'set max-tw-buckets 0'")
            guard value.text.count <= 8, let n = Int(value.text), n >= 0 else {
                throw error(cursor.line, value, "expected a bucket count from 0 to 99999999, found '\(Self.shown(value.text))'")
            }
            return .maxTimeWaitBuckets(n)
        case "retries":
            let value = try cursor.next(expecting: "a retry count, for example 'set retries 3'")
            guard value.text.count <= 3, let n = Int(value.text), n >= 0, n <= 100 else {
                throw error(cursor.line, value, "expected a retry count from 0 to 100, found '\(Self.shown(value.text))'")
            }
            return .retries(n)
        case "isn":
            let role = try cursor.endpoint()
            let value = try cursor.next(expecting: "an initial sequence number, for example 'set isn client 1000'")
            guard value.text.count <= 10, let n = UInt32(value.text) else {
                throw error(cursor.line, value, "expected an initial sequence number from 0 to 4294967295, found '\(Self.shown(value.text))'")
            }
            return .isn(role, n)
        default:
            throw error(cursor.line, word, "unknown setting '\(Self.shown(word.text))'; expected \(keys)")
        }
    }

    /// The retransmission timeouts a scenario may set, in milliseconds: 1 ms to 120 s (Linux's
    /// TCP_RTO_MAX). Linux itself never goes below 200 ms, but lessons may shorten it to show a point.
    static let rtoRange: ClosedRange<Int64> = 1...120_000
    /// The one-way latencies a scenario may set, in milliseconds: none at all up to one minute.
    static let latencyRange: ClosedRange<Int64> = 0...60_000

    private func error(_ line: Int, _ word: Word, _ message: String) -> ScenarioError {
        ScenarioError(source: source, line: line, column: word.column, message: message)
    }

    /// Splits a line into words with their columns, stopping at a `#` comment. A word `#N` (a hash
    /// followed by digits) is kept, because `drop` uses it as a count.
    static func words(of line: Substring) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var column = 0
        var scalars = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            column += 1
            pending = scalars.next()
            if scalar == " " || scalar == "\t" || scalar == "\r" {
                if !current.isEmpty { words.append(Word(text: String(current), column: start)); current = .init() }
                continue
            }
            if scalar == "#" {
                let startsWord = current.isEmpty
                let countFollows = pending.map { $0.properties.numericType != nil && $0.isASCII } ?? false
                if !(startsWord && countFollows) { break }
            }
            if current.isEmpty { start = column }
            current.append(scalar)
        }
        if !current.isEmpty { words.append(Word(text: String(current), column: start)) }
        return words
    }

    /// A word made safe to quote in a one-line message: control characters become `?` and it is
    /// cut to 24 characters.
    static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(24) {
            out.unicodeScalars.append(scalar.properties.generalCategory == .control || scalar == "\u{FFFD}" ? "?" : scalar)
        }
        return text.unicodeScalars.count > 24 ? out + "…" : out
    }
}

/// Walks the words of one line, producing typed values or errors that name the word's column.
struct WordCursor {
    var words: [ScenarioParser.Word]
    var line: Int
    var source: String
    var endColumn: Int
    var index = 0

    func peek() -> ScenarioParser.Word? { index < words.count ? words[index] : nil }

    mutating func next(expecting what: String) throws -> ScenarioParser.Word {
        guard index < words.count else {
            throw ScenarioError(source: source, line: line, column: endColumn, message: "expected \(what)")
        }
        index += 1
        return words[index - 1]
    }

    func fail(_ word: ScenarioParser.Word, _ message: String) -> ScenarioError {
        ScenarioError(source: source, line: line, column: word.column, message: message)
    }

    mutating func end() throws {
        if let extra = peek() {
            throw fail(extra, "unexpected '\(ScenarioParser.shown(extra.text))' at the end of the line")
        }
    }

    mutating func endpoint() throws -> EndpointRole {
        let word = try next(expecting: "an endpoint: client or server")
        guard let role = EndpointRole(rawValue: word.text.lowercased()) else {
            throw fail(word, "expected an endpoint, client or server, found '\(ScenarioParser.shown(word.text))'")
        }
        return role
    }

    mutating func onOff() throws -> Bool {
        let word = try next(expecting: "on or off")
        switch word.text.lowercased() {
        case "on", "1", "yes", "true": return true
        case "off", "0", "no", "false": return false
        default: throw fail(word, "expected on or off, found '\(ScenarioParser.shown(word.text))'")
        }
    }

    mutating func flags() throws -> TCPFlags {
        let word = try next(expecting: "flags such as FIN|ACK")
        guard word.text.unicodeScalars.count <= 40, let flags = TCPFlags(parsing: word.text) else {
            throw fail(word, "expected flags such as FIN|ACK (SYN, FIN, RST, PSH, ACK joined by |), found '\(ScenarioParser.shown(word.text))'")
        }
        return flags
    }

    /// Reads `A->B` and optional flags.
    mutating func segmentMatch() throws -> SegmentMatch {
        let word = try next(expecting: "a direction such as client->server")
        let parts = word.text.lowercased().components(separatedBy: "->")
        guard parts.count == 2, let from = EndpointRole(rawValue: parts[0]), let to = EndpointRole(rawValue: parts[1]),
              from != to else {
            throw fail(word, "expected a direction, client->server or server->client, found '\(ScenarioParser.shown(word.text))'")
        }
        var flags: TCPFlags?
        if let next = peek(), !next.text.hasPrefix("#"), next.text.lowercased() != "after" {
            flags = try self.flags()
        }
        return SegmentMatch(from: from, flags: flags)
    }

    /// Reads a duration in `ms`, `s` or `m` (not in MSLs) for the setting `name`, which must lie in
    /// `range` milliseconds; the error names the range and adds `note`.
    mutating func duration(within range: ClosedRange<Int64>, named name: String, note: String) throws -> ScenarioDuration {
        guard let word = peek() else { return try duration() }
        let allowed = "use \(Self.shown(milliseconds: range.lowerBound)) to \(Self.shown(milliseconds: range.upperBound)); \(note)"
        if word.text.lowercased().hasSuffix("msl") {
            throw fail(word, "\(name) '\(ScenarioParser.shown(word.text))' must be written in ms or s, not in MSLs: \(allowed)")
        }
        let value = try duration()
        guard case .milliseconds(let ms) = value, range.contains(ms) else {
            throw fail(word, "\(name) '\(ScenarioParser.shown(word.text))' is out of range: \(allowed)")
        }
        return value
    }

    /// `250 ms`, `2 s` or `1.5 s`, for messages.
    static func shown(milliseconds ms: Int64) -> String {
        guard ms >= 1_000 else { return "\(ms) ms" }
        return ms % 1_000 == 0 ? "\(ms / 1_000) s" : "\(Double(ms) / 1_000) s"
    }

    /// Reads `250ms`, `5s`, `1.5s`, `2m` or `2msl`.
    mutating func duration() throws -> ScenarioDuration {
        let word = try next(expecting: "a duration such as 250ms, 5s, 2m or 2msl")
        let text = word.text.lowercased()
        if text.hasPrefix("-") {
            throw fail(word, "duration '\(ScenarioParser.shown(word.text))' is negative; write 0ms or more, for example 250ms")
        }
        let number = String(text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
        let unit = String(text.dropFirst(number.count))
        let bad = fail(word, "bad duration '\(ScenarioParser.shown(word.text))'; write a number with a unit: 250ms, 5s, 2m or 2msl")
        guard !number.isEmpty, number.count <= 12, let value = Double(number), value.isFinite, value >= 0 else { throw bad }
        let factor: Double
        switch unit {
        case "ms": factor = 1
        case "s": factor = 1_000
        case "m", "min": factor = 60_000
        case "msl": return .msl(value)
        default: throw bad
        }
        let ms = value * factor
        guard ms <= 864_000_000 else {
            throw fail(word, "duration '\(ScenarioParser.shown(word.text))' is longer than 10 days")
        }
        return .milliseconds(Int64(ms.rounded()))
    }
}
