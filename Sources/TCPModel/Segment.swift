/// One TCP segment on the simulated wire.
public struct Segment: Sendable, Equatable {
    /// The endpoint that sent it; it travels to the other one.
    public var from: EndpointRole
    public var flags: TCPFlags
    public var seq: UInt32
    /// The acknowledgement number (meaningful only when ACK is set; 0 otherwise).
    public var ack: UInt32
    /// Bytes of data carried.
    public var length: Int
    /// The RFC 7323 timestamp value, when timestamps are on.
    public var tsval: UInt32?
    /// The RFC 7323 timestamp echo reply, when timestamps are on.
    public var tsecr: UInt32?
    /// Which incarnation of the connection sent it (1 for the first `open`, 2 after `reconnect`, ...).
    public var connection: Int
    /// The 1-based number of this transmission in the run's send order.
    public var index: Int

    /// The endpoint it travels to.
    public var to: EndpointRole { from.peer }

    /// The sequence space it occupies: data bytes plus one for SYN and one for FIN.
    public var sequenceLength: UInt32 {
        UInt32(truncatingIfNeeded: length) &+ (flags.contains(.syn) ? 1 : 0) &+ (flags.contains(.fin) ? 1 : 0)
    }

    /// A short description such as `FIN|ACK seq=1001 ack=5001`, or `PSH|ACK seq=1001:1101 ack=5001` with data.
    public var summary: String {
        var text = "\(flags) seq=\(seq)"
        if length > 0 { text += ":\(seq &+ UInt32(truncatingIfNeeded: length))" }
        if flags.contains(.ack) { text += " ack=\(ack)" }
        return text
    }
}
