import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scripted TCP peer behind a TUN device: the kernel's sockets talk to 192.0.2.2, and the
/// experiment decides, segment by segment, what that peer sends and reads what the kernel answers
/// (as packetdrill does). Everything is recorded for the lab's trace and pcap file.
///
/// The peer keeps only the numbers a script needs: its own next sequence number and the kernel's.
final class PuppetPeer {
    /// The kernel's side of the TUN link.
    static let kernelAddress: UInt32 = 0xC000_0201
    /// The puppet's address (192.0.2.2).
    static let peerAddress: UInt32 = 0xC000_0202

    let tun: TunDevice
    let lab: LabSession
    /// The puppet's port.
    var port: UInt16
    /// The kernel socket's port, learned from its first segment.
    var kernelPort: UInt16 = 0
    /// The puppet's next sequence number.
    var sendNext: UInt32
    /// The next sequence number expected from the kernel.
    var receiveNext: UInt32 = 0
    /// The most segments the puppet will send or take, so that a script error cannot loop.
    let segmentLimit = 2_000
    private var segmentsSeen = 0

    /// Makes the TUN device in the lab's private namespace. Throws (with what to do) elsewhere.
    init(_ lab: LabSession, port: UInt16, initialSequence: UInt32 = 1_000_000) throws {
        guard let proof = lab.namespaceProof else {
            throw ExperimentError("this lab plays the peer through a TUN device, which twlab only makes inside a private network namespace; run it as root or allow user namespaces")
        }
        do {
            tun = try TunDevice.open(inside: proof, address: PuppetPeer.kernelAddress)
        } catch let failure as TunDevice.Unavailable {
            throw ExperimentError("the puppet peer needs a TUN device: \(failure.reason)")
        }
        self.lab = lab
        self.port = port
        self.sendNext = initialSequence
        lab.puppetServerPorts.insert(port)
    }

    deinit { tun.close() }

    static func nowMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    /// Sends one segment from the puppet. `seq` defaults to the puppet's next number and `ack` to the
    /// kernel's; the puppet's next number advances by the segment's sequence length unless
    /// `advance` is false (retransmissions, old duplicates).
    @discardableResult
    func send(_ flags: TCPHeader.Flags, seq: UInt32? = nil, ack: UInt32? = nil, payload: [UInt8] = [],
              options: [TCPOption] = [], advance: Bool = true, oldCopy: Bool = false) throws -> TCPPacket {
        try countSegment()
        let number = seq ?? sendNext
        let packet = TCPPacket(
            ip: .v4(IPv4Header(source: PuppetPeer.peerAddress, destination: PuppetPeer.kernelAddress,
                               identification: UInt16(truncatingIfNeeded: segmentsSeen))),
            tcp: TCPHeader(sourcePort: port, destinationPort: kernelPort, sequenceNumber: number,
                           acknowledgementNumber: flags.contains(.ack) ? (ack ?? receiveNext) : 0,
                           flags: flags, window: 64_240, options: options),
            payload: payload)
        let bytes = packet.encode()
        do { try tun.write(bytes) } catch let failure as TunDevice.Unavailable { throw ExperimentError(failure.reason) }
        var record = CapturedPacket(timestampMicroseconds: PuppetPeer.nowMicroseconds(), bytes: bytes)
        record.oldCopy = oldCopy
        lab.puppetPackets.append(record)
        if advance && seq == nil { sendNext = number &+ packet.sequenceLength }
        return packet
    }

    /// Starts a new connection of the puppet's: new ports and numbers (`kernelPort` 0 is learned
    /// from the kernel's first segment; give it when the puppet connects to a kernel listener).
    func startConnection(port: UInt16, kernelPort: UInt16 = 0, initialSequence: UInt32) {
        self.port = port
        self.kernelPort = kernelPort
        sendNext = initialSequence
        receiveNext = 0
        lab.puppetServerPorts.insert(port)
    }

    /// Waits up to `timeoutMilliseconds` for the kernel's next TCP segment to the puppet's port
    /// (other traffic on the device, such as IPv6 neighbour discovery, is skipped). Nil on timeout.
    /// The kernel's next number is updated from what arrives.
    func receive(timeoutMilliseconds: Int) throws -> TCPPacket? {
        let end = LabSession.now() + timeoutMilliseconds
        while true {
            try lab.checkStop()
            let left = end - LabSession.now()
            if left < 0 { return nil }
            guard let bytes = tun.read(timeoutMilliseconds: Int32(min(left, 100))) else { continue }
            guard let packet = try? TCPPacket.decode(bytes, verifyChecksum: true),
                  packet.tcp.destinationPort == port,
                  packet.ip.destination == IPAddress(ipv4: PuppetPeer.peerAddress) else { continue }
            try countSegment()
            lab.puppetPackets.append(CapturedPacket(timestampMicroseconds: PuppetPeer.nowMicroseconds(), bytes: bytes))
            if kernelPort == 0 { kernelPort = packet.tcp.sourcePort }
            let end = packet.tcp.sequenceNumber &+ packet.sequenceLength
            if packet.tcp.flags.contains(.syn) || Int32(bitPattern: end &- receiveNext) > 0 { receiveNext = end }
            return packet
        }
    }

    /// Takes the kernel's next data segment on the fast path used for bulk transfers: only the IPv4
    /// and TCP headers are read (no payload copy, no checksum check), the kernel's next number is
    /// advanced, and the packet is recorded. Returns the payload length, or nil when none came.
    func receiveBulk(timeoutMilliseconds: Int32) throws -> Int? {
        try lab.checkStop()
        guard let bytes = tun.read(timeoutMilliseconds: timeoutMilliseconds), bytes.count >= 40, bytes[0] >> 4 == 4 else { return nil }
        let ipLength = Int(bytes[0] & 0x0F) * 4
        guard bytes.count >= ipLength + 20, bytes[9] == IPv4Header.protocolTCP else { return nil }
        let total = Int(NetworkBytes.u16(bytes[...], 2))
        let tcpLength = Int(bytes[ipLength + 12] >> 4) * 4
        let destinationPort = NetworkBytes.u16(bytes[...], ipLength + 2)
        guard destinationPort == port, total <= bytes.count else { return nil }
        try countSegment()
        lab.puppetPackets.append(CapturedPacket(timestampMicroseconds: PuppetPeer.nowMicroseconds(), bytes: bytes))
        let length = total - ipLength - tcpLength
        let seq = NetworkBytes.u32(bytes[...], ipLength + 4)
        let end = seq &+ UInt32(max(0, length))
        if Int32(bitPattern: end &- receiveNext) > 0 { receiveNext = end }
        return length
    }

    /// Waits for the kernel's next segment and checks that it carries `flags` (exactly); throws a
    /// clear error naming what came instead.
    @discardableResult
    func expect(_ flags: TCPHeader.Flags, within timeoutMilliseconds: Int = 2_000, _ what: String) throws -> TCPPacket {
        guard let packet = try receive(timeoutMilliseconds: timeoutMilliseconds) else {
            throw ExperimentError("the kernel sent no \(flags.name) (\(what)) within \(timeoutMilliseconds) ms")
        }
        guard packet.tcp.flags == flags else {
            throw ExperimentError("expected the kernel's \(flags.name) (\(what)) but it sent \(packet.tcp.flags.name)")
        }
        return packet
    }

    /// Answers the kernel's SYN (already received) with a SYN-ACK (MSS 1460, no timestamps unless
    /// `timestamps` is given) and takes the kernel's ACK: the connection is then ESTABLISHED.
    func acceptHandshake(timestamps: (value: UInt32, echo: UInt32)? = nil) throws {
        var options: [TCPOption] = [.maximumSegmentSize(1460)]
        if let timestamps { options += [.noOperation, .noOperation, .timestamps(value: timestamps.value, echoReply: timestamps.echo)] }
        try send([.syn, .ack], options: options)
        try expect(.ack, "the third segment of the handshake")
    }

    func countSegment() throws {
        segmentsSeen += 1
        guard segmentsSeen <= segmentLimit else {
            throw ExperimentError("the puppet peer reached its limit of \(segmentLimit) segments and stopped")
        }
    }
}
