import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TUN device in the experiment's private network namespace: the kernel routes 192.0.2.0/24
/// (TEST-NET-1, a documentation prefix) to it, and twlab reads and writes raw IP packets on it.
/// The device has no persistence flag, so it disappears when its descriptor is closed, and in any
/// case with the namespace.
public final class TunDevice {
    /// The name the device gets inside the namespace.
    public let name: String
    private var fd: Int32

    /// Why the device could not be made.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    // From <linux/if_tun.h> and <linux/sockios.h>.
    static let tunSetInterface: UInt = 0x4004_54CA
    static let interfaceTun: Int16 = 0x0001
    static let interfaceNoPacketInfo: Int16 = 0x1000
    static let setAddress: UInt = 0x8916
    static let setNetmask: UInt = 0x891C
    static let getFlags: UInt = 0x8913
    static let setFlags: UInt = 0x8914
    static let setMTU: UInt = 0x8922

    /// Makes the device, gives it `address`/`prefixLength` and brings it up. Refuses outside a
    /// private namespace, and for any address outside 192.0.2.0/24.
    public static func open(inside proof: PrivateNetworkNamespace.Proof, name: String = "twlab0",
                            address: UInt32, prefixLength: Int = 24) throws -> TunDevice {
        guard proof.isCurrent else { throw Unavailable(reason: "refusing to make a TUN device outside the experiment's private network namespace") }
        guard address >> 8 == 0xC0_0002, (1...32).contains(prefixLength), prefixLength >= 24 else {
            throw Unavailable(reason: "the TUN device takes documentation addresses (192.0.2.0/24) only")
        }
        let fd = Glibc.open("/dev/net/tun", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw Unavailable(reason: "cannot open /dev/net/tun: \(String(cString: strerror(code)))"
                + (code == EACCES || code == EPERM ? " (on this system only root may open it; run twlab as root)" : "")
                + (code == ENOENT ? " (load the tun module: modprobe tun)" : ""))
        }
        let device = TunDevice(fd: fd, name: name)
        do {
            var request = interfaceRequest(name)
            let flags = interfaceTun | interfaceNoPacketInfo
            request[16] = UInt8(truncatingIfNeeded: flags); request[17] = UInt8(truncatingIfNeeded: flags >> 8)
            try ioctlOrThrow(fd, tunSetInterface, &request, "TUNSETIFF")
            try device.configure(address: address, prefixLength: prefixLength)
        } catch {
            device.close()
            throw error
        }
        return device
    }

    private init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    deinit { close() }

    /// A zeroed `struct ifreq` (40 bytes) holding the interface name.
    static func interfaceRequest(_ name: String) -> [UInt8] {
        var request = [UInt8](repeating: 0, count: 40)
        for (i, byte) in name.utf8.prefix(15).enumerated() { request[i] = byte }
        return request
    }

    static func ioctlOrThrow(_ fd: Int32, _ call: UInt, _ request: inout [UInt8], _ what: String) throws {
        let result = request.withUnsafeMutableBytes { LinuxCalls.ioctl(fd, call, $0.baseAddress) }
        guard result == 0 else { throw Unavailable(reason: "\(what) on the TUN device failed: \(String(cString: strerror(errno)))") }
    }

    private func configure(address: UInt32, prefixLength: Int) throws {
        let control = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard control >= 0 else { throw Unavailable(reason: "socket() for configuring the TUN device failed") }
        defer { Glibc.close(control) }
        func withAddress(_ value: UInt32) -> [UInt8] {
            var request = TunDevice.interfaceRequest(name)
            request[16] = UInt8(AF_INET); request[17] = 0  // sin_family (little-endian), sin_port 0
            request[20] = UInt8(value >> 24); request[21] = UInt8((value >> 16) & 0xFF)
            request[22] = UInt8((value >> 8) & 0xFF); request[23] = UInt8(value & 0xFF)
            return request
        }
        var addressRequest = withAddress(address)
        try TunDevice.ioctlOrThrow(control, TunDevice.setAddress, &addressRequest, "SIOCSIFADDR")
        var maskRequest = withAddress(prefixLength == 32 ? ~0 : ~(UInt32.max >> UInt32(prefixLength)))
        try TunDevice.ioctlOrThrow(control, TunDevice.setNetmask, &maskRequest, "SIOCSIFNETMASK")
        // A loopback-sized MTU, so that a lab moving megabytes needs few segments.
        var mtu = TunDevice.interfaceRequest(name)
        withUnsafeBytes(of: Int32(65_535).littleEndian) { for (i, b) in $0.enumerated() { mtu[16 + i] = b } }
        try TunDevice.ioctlOrThrow(control, TunDevice.setMTU, &mtu, "SIOCSIFMTU")
        var flags = TunDevice.interfaceRequest(name)
        try TunDevice.ioctlOrThrow(control, TunDevice.getFlags, &flags, "SIOCGIFFLAGS")
        flags[16] |= 0x01  // IFF_UP
        try TunDevice.ioctlOrThrow(control, TunDevice.setFlags, &flags, "SIOCSIFFLAGS")
    }

    /// True until `close()`.
    public var isOpen: Bool { fd >= 0 }

    /// Reads one packet, waiting at most `timeoutMilliseconds`; nil when none came.
    public func read(timeoutMilliseconds: Int32) -> [UInt8]? {
        guard fd >= 0 else { return nil }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(0, timeoutMilliseconds)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(buffer[0..<n]) : nil
    }

    /// Hands one IP packet to the kernel, as if it had arrived on the device.
    public func write(_ packet: [UInt8]) throws {
        guard fd >= 0 else { throw Unavailable(reason: "the TUN device is closed") }
        let n = packet.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n == packet.count else { throw Unavailable(reason: "writing to the TUN device failed: \(String(cString: strerror(errno)))") }
    }

    /// Closes the descriptor; the kernel removes the device.
    public func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }
}
