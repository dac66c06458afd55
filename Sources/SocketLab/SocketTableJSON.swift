import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// Writes a socket table as JSON:
/// `{"sockets": [{"family", "local", "remote", "local_port", "remote_port", "state", "timer",
/// "timer_ms", "retransmits", "uid", "inode", "tx_queue", "rx_queue"}], "counts": {STATE: n}}`.
///
/// Written straight into bytes (no encoder, no String per field) because the table can hold
/// tens of thousands of sockets.
public enum SocketTableJSON {
    /// The JSON document as UTF-8 bytes, ending with a newline.
    public static func bytes(of table: SocketTable) -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(64 + table.entries.count * 230)
        render(table, chunkSize: Int.max) { whole.append(contentsOf: $0) }
        return whole
    }

    /// Writes the JSON document to a file descriptor in 256 KiB pieces, so that tens of thousands of
    /// sockets never need one large buffer. Returns false when the write failed (for example a closed pipe).
    @discardableResult
    public static func write(_ table: SocketTable, to fd: Int32) -> Bool {
        var ok = true
        render(table, chunkSize: 1 << 18) { chunk in
            guard ok else { return }
            var offset = 0
            while offset < chunk.count {
                let n = chunk.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return Glibc.write(fd, base + offset, raw.count - offset)
                }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; return }
                offset += n
            }
        }
        return ok
    }

    /// Produces the document, handing over a piece whenever `chunkSize` bytes have gathered.
    static func render(_ table: SocketTable, chunkSize: Int, emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(min(chunkSize, 64 + table.entries.count * 230) + 1024)
        append("{\"sockets\": [", to: &out)
        var first = true
        for entry in table.entries {
            if out.count >= chunkSize {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
            append(first ? "\n  " : ",\n  ", to: &out)
            first = false
            append("{\"family\": \"", to: &out)
            append(entry.family == .ipv4 ? "ipv4" : "ipv6", to: &out)
            append("\", \"local\": \"", to: &out)
            entry.local.appendText(to: &out)
            append("\", \"remote\": \"", to: &out)
            entry.remote.appendText(to: &out)
            append("\", \"local_port\": ", to: &out)
            appendNumber(UInt64(entry.localPort), to: &out)
            append(", \"remote_port\": ", to: &out)
            appendNumber(UInt64(entry.remotePort), to: &out)
            append(", \"state\": \"", to: &out)
            append(stateName(entry.state), to: &out)
            append("\", \"timer\": \"", to: &out)
            append(timerName(entry.timer), to: &out)
            append("\", \"timer_ms\": ", to: &out)
            appendNumber(UInt64(max(0, entry.timerMilliseconds)), to: &out)
            append(", \"retransmits\": ", to: &out)
            appendNumber(UInt64(max(0, entry.retransmits)), to: &out)
            append(", \"uid\": ", to: &out)
            appendNumber(UInt64(entry.uid), to: &out)
            append(", \"inode\": ", to: &out)
            appendNumber(entry.inode, to: &out)
            append(", \"tx_queue\": ", to: &out)
            appendNumber(UInt64(entry.txQueue), to: &out)
            append(", \"rx_queue\": ", to: &out)
            appendNumber(UInt64(entry.rxQueue), to: &out)
            out.append(UInt8(ascii: "}"))
        }
        append(first ? "], \"counts\": {" : "\n], \"counts\": {", to: &out)
        let counts = table.counts
        var firstCount = true
        for state in TCPState.allCases {
            guard let n = counts[state] else { continue }
            append(firstCount ? "\"" : ", \"", to: &out)
            firstCount = false
            append(state.rawValue, to: &out)
            append("\": ", to: &out)
            appendNumber(UInt64(n), to: &out)
        }
        append("}}\n", to: &out)
        emit(out)
    }

    private static func stateName(_ state: TCPState) -> StaticString {
        switch state {
        case .closed: return "CLOSED"
        case .listen: return "LISTEN"
        case .synSent: return "SYN_SENT"
        case .synReceived: return "SYN_RECEIVED"
        case .established: return "ESTABLISHED"
        case .finWait1: return "FIN_WAIT_1"
        case .finWait2: return "FIN_WAIT_2"
        case .closeWait: return "CLOSE_WAIT"
        case .closing: return "CLOSING"
        case .lastAck: return "LAST_ACK"
        case .timeWait: return "TIME_WAIT"
        }
    }

    private static func timerName(_ timer: KernelTimer) -> StaticString {
        switch timer {
        case .none: return "none"
        case .retransmit: return "retransmit"
        case .keepalive: return "keepalive"
        case .timeWait: return "time-wait"
        case .probe: return "probe"
        }
    }

    /// The JSON document as a string.
    public static func string(of table: SocketTable) -> String {
        String(decoding: bytes(of: table), as: UTF8.self)
    }

    @inline(__always)
    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    @inline(__always)
    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    @inline(__always)
    private static func appendNumber(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(48 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while v > 0 && count < 20 {
                raw[count] = 48 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            var k = count - 1
            while k >= 0 {
                out.append(raw[k])
                k -= 1
            }
        }
    }
}
