import TCPModel

/// One segment of a trace, kernel or simulation, in the shape `lab run --json` writes:
/// `{t_ms, from, to, flags, seq, ack, len, tsval?, tsecr?, connection}`.
///
/// Sequence and acknowledgement numbers are relative to the sender's and the receiver's initial
/// sequence numbers in that connection (as `tcpdump` shows them), so a SYN has `seq` 0 and the first
/// data byte is 1. `ack` is 0 when the ACK flag is not set.
public struct TraceSegment: Sendable, Equatable, Codable {
    /// Milliseconds since the trace's first segment.
    public var timeMs: Double
    /// `client` or `server`: the client is the side that sent the connection's first SYN.
    public var from: EndpointRole
    public var to: EndpointRole { from.peer }
    /// The flags as the simulator writes them, for example `FIN|ACK`.
    public var flags: String
    public var seq: UInt32
    public var ack: UInt32
    /// Bytes of data carried.
    public var length: Int
    /// The RFC 7323 timestamp value, when the option is present.
    public var tsval: UInt32?
    /// The RFC 7323 timestamp echo, when the option is present.
    public var tsecr: UInt32?
    /// Which connection of the trace it belongs to, from 1, in order of first appearance.
    public var connection: Int
    /// True for an old duplicate: a delayed copy the simulated network delivered, or one a puppet
    /// peer replayed. Such segments are shown but not compared (JSON `old_copy`, only when true).
    public var oldCopy: Bool

    /// A segment with relative numbers.
    public init(timeMs: Double, from: EndpointRole, flags: String, seq: UInt32, ack: UInt32, length: Int,
                tsval: UInt32? = nil, tsecr: UInt32? = nil, connection: Int = 1, oldCopy: Bool = false) {
        self.timeMs = timeMs; self.from = from; self.flags = flags; self.seq = seq; self.ack = ack
        self.length = length; self.tsval = tsval; self.tsecr = tsecr; self.connection = connection
        self.oldCopy = oldCopy
    }

    /// `client→server FIN|ACK seq 1 ack 1`, with `len N` when data is carried.
    public var summary: String {
        var text = "\(from.rawValue)→\(to.rawValue) \(flags) seq \(seq)"
        if flags.contains("ACK") { text += " ack \(ack)" }
        if length > 0 { text += " len \(length)" }
        return text
    }

    /// `F. 1:1 ack 1`-style label for diagrams: flags, relative numbers and data length.
    public var label: String {
        var text = "\(flags) \(seq)"
        if length > 0 { text += ":\(seq &+ UInt32(truncatingIfNeeded: length))" }
        if flags.contains("ACK") { text += " ack \(ack)" }
        return text
    }

    private enum CodingKeys: String, CodingKey {
        case timeMs = "t_ms", from, to, flags, seq, ack, length = "len", tsval, tsecr, connection, oldCopy = "old_copy"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(timeMs: try c.decode(Double.self, forKey: .timeMs), from: try c.decode(EndpointRole.self, forKey: .from),
                  flags: try c.decode(String.self, forKey: .flags), seq: try c.decode(UInt32.self, forKey: .seq),
                  ack: try c.decode(UInt32.self, forKey: .ack), length: try c.decode(Int.self, forKey: .length),
                  tsval: try c.decodeIfPresent(UInt32.self, forKey: .tsval), tsecr: try c.decodeIfPresent(UInt32.self, forKey: .tsecr),
                  connection: try c.decodeIfPresent(Int.self, forKey: .connection) ?? 1,
                  oldCopy: try c.decodeIfPresent(Bool.self, forKey: .oldCopy) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode((timeMs * 10).rounded() / 10, forKey: .timeMs)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(flags, forKey: .flags)
        try c.encode(seq, forKey: .seq)
        try c.encode(ack, forKey: .ack)
        try c.encode(length, forKey: .length)
        try c.encodeIfPresent(tsval, forKey: .tsval)
        try c.encodeIfPresent(tsecr, forKey: .tsecr)
        try c.encode(connection, forKey: .connection)
        if oldCopy { try c.encode(true, forKey: .oldCopy) }
    }
}
