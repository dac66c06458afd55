import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A network namespace of the experiment's own: its own loopback, its own socket table, its own
/// net.ipv4 sysctls. Nothing done inside it touches the host's.
///
/// As root the calling *thread* moves into a new namespace (`unshare(CLONE_NEWNET)` affects only the
/// calling thread) and moves back when the session ends; the namespace then disappears with its
/// sockets. An ordinary user cannot do that in a threaded process (`CLONE_NEWUSER` needs a
/// single-threaded one), so `UserNamespaceChild` starts a fresh process under `unshare --user --net`
/// and that process adopts the namespace it was born in.
public struct PrivateNetworkNamespace {
    /// Evidence that the calling thread is inside a namespace that is not the host's. Sysctl writes
    /// require it and check it again at the moment of writing.
    public struct Proof: Sendable {
        let inode: UInt64
        let hostInode: UInt64
        /// True while the calling thread is in the private namespace.
        public var isCurrent: Bool {
            guard let now = PrivateNetworkNamespace.currentInode() else { return false }
            return now == inode && inode != hostInode
        }
    }

    /// An entered namespace; `leave()` returns the thread to where it was.
    public final class Session {
        public let proof: Proof
        private var original: Int32

        init(proof: Proof, original: Int32) {
            self.proof = proof
            self.original = original
        }

        deinit { leave() }

        /// Moves the calling thread back to its original namespace. The private one is released once
        /// its last socket is closed.
        public func leave() {
            guard original >= 0 else { return }
            _ = LinuxCalls.setns(original, LinuxCalls.cloneNewNet)
            _ = close(original)
            original = -1
        }
    }

    /// The inode that identifies the calling thread's network namespace.
    public static func currentInode() -> UInt64? {
        var info = stat()
        guard stat("/proc/thread-self/ns/net", &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    /// Why a namespace could not be made.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Moves the calling thread into a new network namespace and brings its loopback up (needs
    /// CAP_SYS_ADMIN, normally root).
    public static func enter() throws -> Session {
        guard let host = currentInode() else { throw Unavailable(reason: "/proc/thread-self/ns/net is not readable") }
        let original = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard original >= 0 else { throw Unavailable(reason: "cannot open /proc/thread-self/ns/net") }
        if LinuxCalls.unshare(LinuxCalls.cloneNewNet) != 0 {
            let code = errno
            close(original)
            throw Unavailable(reason: "unshare(CLONE_NEWNET) failed: \(String(cString: strerror(code)))")
        }
        let session = Session(proof: Proof(inode: currentInode() ?? host, hostInode: host), original: original)
        guard session.proof.isCurrent else {
            session.leave()
            throw Unavailable(reason: "the new network namespace could not be confirmed")
        }
        try bringLoopbackUp()
        return session
    }

    /// In a process started by `UserNamespaceChild`: confirms that this process is in a user namespace
    /// of its own and in a network namespace other than `hostInode`, and brings the loopback up.
    public static func adopt(hostInode: UInt64) throws -> Proof {
        guard isInChildUserNamespace() else {
            throw Unavailable(reason: "this process is not in a user namespace of its own")
        }
        guard let inode = currentInode(), inode != hostInode else {
            throw Unavailable(reason: "this process is still in the host's network namespace")
        }
        try bringLoopbackUp()
        return Proof(inode: inode, hostInode: hostInode)
    }

    /// True when /proc/self/uid_map is not the initial namespace's identity map.
    static func isInChildUserNamespace() -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/self/uid_map", encoding: .utf8) else { return false }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return !(fields.count == 3 && fields[0] == "0" && fields[1] == "0" && fields[2] == "4294967295")
    }

    /// `ip link set lo up`, done with SIOCGIFFLAGS/SIOCSIFFLAGS on a struct ifreq.
    static func bringLoopbackUp() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(reason: "socket() for the loopback failed: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // struct ifreq: 16 bytes of name, then a union whose first member is the short ifr_flags.
        var request = [UInt8](repeating: 0, count: 40)
        for (i, byte) in "lo".utf8.enumerated() { request[i] = byte }
        let siocgifflags: UInt = 0x8913, siocsifflags: UInt = 0x8914
        let got = request.withUnsafeMutableBytes { LinuxCalls.ioctl(fd, siocgifflags, $0.baseAddress) }
        guard got == 0 else { throw Unavailable(reason: "SIOCGIFFLAGS on lo failed: \(String(cString: strerror(errno)))") }
        let flags = UInt16(request[16]) | UInt16(request[17]) << 8
        let up = flags | UInt16(1)  // IFF_UP
        request[16] = UInt8(truncatingIfNeeded: up)
        request[17] = UInt8(truncatingIfNeeded: up >> 8)
        let set = request.withUnsafeMutableBytes { LinuxCalls.ioctl(fd, siocsifflags, $0.baseAddress) }
        guard set == 0 else { throw Unavailable(reason: "bringing lo up failed: \(String(cString: strerror(errno)))") }
    }
}
