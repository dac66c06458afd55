import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A packet capture on `lo` of the calling thread's network namespace: an `AF_PACKET` socket that
/// sees each loopback packet once, drained by a background thread until `stop()`.
///
/// It must only be started inside the experiment's private namespace (there the process holds
/// CAP_NET_RAW even as an ordinary user, through its user namespace), so it sees nothing but the
/// experiment's own traffic. It is bounded: at most `maximumPackets` packets of at most
/// `snapLength` bytes are kept, and it ends with the experiment, whose time is capped.
public final class LoopbackCapture: @unchecked Sendable {
    /// The most packets kept; later ones are counted in `missed`.
    public let maximumPackets: Int
    /// The most bytes kept of each packet.
    public let snapLength: Int
    private let fd: Int32
    private let lock = NSLock()
    private var packets: [CapturedPacket] = []
    private var missedCount = 0
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var closed = false

    /// Why a capture could not start.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    // From <linux/if_ether.h>, <linux/if_packet.h> and <asm-generic/sockios.h>.
    static let ethernetAllProtocols: UInt16 = 0x0003
    static let solPacket: Int32 = 263
    static let packetIgnoreOutgoing: Int32 = 23
    static let packetOutgoing: UInt8 = 4
    static let siocgstamp: UInt = 0x8906

    /// Opens the capture on `lo` and starts draining it. Refuses outside a private namespace
    /// (`proof` must be current).
    public static func start(inside proof: PrivateNetworkNamespace.Proof, maximumPackets: Int = 4_000,
                             snapLength: Int = 2_048) throws -> LoopbackCapture {
        guard proof.isCurrent else {
            throw Unavailable(reason: "refusing to capture outside the experiment's private network namespace")
        }
        let fd = socket(AF_PACKET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                        Int32(ethernetAllProtocols.bigEndian))
        guard fd >= 0 else {
            throw Unavailable(reason: "socket(AF_PACKET) failed: \(String(cString: strerror(errno))) (capturing needs CAP_NET_RAW in the namespace)")
        }
        var on: Int32 = 1
        // Loopback hands an AF_PACKET socket every packet twice, outgoing and incoming: ask for the
        // incoming copy only (Linux 4.20+); older kernels are deduplicated by packet type below.
        _ = setsockopt(fd, solPacket, packetIgnoreOutgoing, &on, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_TIMESTAMP, &on, socklen_t(MemoryLayout<Int32>.size))
        var size: Int32 = 4 << 20
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        let index = if_nametoindex("lo")
        // struct sockaddr_ll: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8].
        var address = [UInt8](repeating: 0, count: 20)
        address[0] = UInt8(AF_PACKET & 0xFF); address[1] = UInt8(AF_PACKET >> 8)
        let proto = ethernetAllProtocols.bigEndian
        address[2] = UInt8(proto & 0xFF); address[3] = UInt8(proto >> 8)
        let ifindex = Int32(index == 0 ? 1 : index)
        withUnsafeBytes(of: ifindex) { for (i, b) in $0.enumerated() { address[4 + i] = b } }
        let bound = address.withUnsafeBytes {
            Glibc.bind(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(20))
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Unavailable(reason: "binding the capture to lo failed: \(String(cString: strerror(code)))")
        }
        let capture = LoopbackCapture(fd: fd, maximumPackets: maximumPackets, snapLength: snapLength)
        let thread = Thread { capture.drain() }
        thread.name = "twlab-capture"
        thread.start()
        return capture
    }

    private init(fd: Int32, maximumPackets: Int, snapLength: Int) {
        self.fd = fd
        self.maximumPackets = maximumPackets
        self.snapLength = snapLength
    }

    deinit { _ = stop() }

    private var shouldStop: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    private func drain() {
        defer { finished.signal() }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var emptyPolls = 0
        while true {
            let ready = poll(&descriptor, 1, 20)
            if ready <= 0 {
                // After stop() is asked for, one quiet poll means the queue is drained.
                if shouldStop { emptyPolls += 1; if emptyPolls >= 1 { return } }
                continue
            }
            readOne(into: &buffer)
        }
    }

    private func readOne(into buffer: inout [UInt8]) {
        var from = [UInt8](repeating: 0, count: 20)
        var fromLength = socklen_t(20)
        let n = buffer.withUnsafeMutableBytes { raw in
            from.withUnsafeMutableBytes { source in
                recvfrom(fd, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT | MSG_TRUNC),
                         source.baseAddress!.assumingMemoryBound(to: sockaddr.self), &fromLength)
            }
        }
        guard n > 0 else { return }
        if from[10] == LoopbackCapture.packetOutgoing { return }
        var stamp = timeval()
        let microseconds: Int64
        if LinuxCalls.ioctl(fd, LoopbackCapture.siocgstamp, &stamp) == 0 {
            microseconds = Int64(stamp.tv_sec) * 1_000_000 + Int64(stamp.tv_usec)
        } else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            microseconds = Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
        }
        let kept = min(n, snapLength, buffer.count)
        lock.lock()
        defer { lock.unlock() }
        if packets.count < maximumPackets {
            packets.append(CapturedPacket(timestampMicroseconds: microseconds, bytes: Array(buffer[0..<kept]), originalLength: n))
        } else {
            missedCount += 1
        }
    }

    /// Packets beyond `maximumPackets` that were seen but not kept.
    public var missed: Int { lock.lock(); defer { lock.unlock() }; return missedCount }

    /// Drains what is queued, stops the thread, closes the socket and returns the packets in order.
    /// Calling it again returns the same packets.
    @discardableResult
    public func stop() -> [CapturedPacket] {
        lock.lock()
        let first = !stopping
        stopping = true
        lock.unlock()
        if first {
            finished.wait()
            lock.lock()
            if !closed { Glibc.close(fd); closed = true }
            lock.unlock()
        }
        lock.lock()
        defer { lock.unlock() }
        return packets
    }
}
