/// One packet captured on `lo`: when it was seen and its bytes (the IP packet, no link-layer header).
public struct CapturedPacket: Sendable, Equatable {
    /// The kernel's receive timestamp, in microseconds since the Unix epoch.
    public var timestampMicroseconds: Int64
    /// The IP packet as captured (at most the capture's snap length).
    public var bytes: [UInt8]
    /// The packet's length on the wire; more than `bytes.count` when it was cut to the snap length.
    public var originalLength: Int
    /// True for a segment a puppet peer replayed as an old duplicate (a delayed copy from the
    /// network's past); such segments are drawn but not compared. Not stored in pcap files.
    public var oldCopy: Bool = false

    /// A captured packet.
    public init(timestampMicroseconds: Int64, bytes: [UInt8], originalLength: Int? = nil) {
        self.timestampMicroseconds = timestampMicroseconds
        self.bytes = bytes
        self.originalLength = originalLength ?? bytes.count
    }
}
