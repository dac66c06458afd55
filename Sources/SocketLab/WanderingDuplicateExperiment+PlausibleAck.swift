import Foundation
import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// Round 3 of the wandering-duplicate lab: what it takes for RFC 1337's hazard H1 to get past Linux.
///
/// `tcp_ack()` accepts an old ACK number only if it is not below the connection's own ISN + 1 (it
/// never accepts an ACK of bytes the connection never sent). The new connection's ISN moved on with
/// Linux's clock by Δ, so the old copy's ACK number must be at least Δ beyond the old ISN: the old
/// connection's server must have sent at least Δ bytes before the copy was made. Here it sends 4 MiB;
/// in the new connection it sends just enough for its next byte to pass the copy's ACK number.
extension WanderingDuplicateExperiment {
    static let plausibleRoundBytes = 4 << 20

    /// Returns the bytes the application read from the copy (0 when it was refused).
    func plausibleAckRound(_ lab: LabSession, _ peer: PuppetPeer, listener: Int32) throws -> Int {
        let port: UInt16 = 40002
        let isn: UInt32 = 9_000_000
        peer.startConnection(port: port, kernelPort: Self.serverPort, initialSequence: isn)
        lab.puppetServerPorts.remove(port)
        let oldSynAck = try bigHandshake(peer)
        let old = try lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
        let sentOld = try serverSends(Self.plausibleRoundBytes, on: old, to: peer, lab)
        let data = try peer.send([.psh, .ack], payload: Self.payload)
        _ = try peer.receive(timeoutMilliseconds: 300)
        _ = fcntl(old, F_SETFL, fcntl(old, F_GETFL) & ~O_NONBLOCK)
        _ = lab.sockets.read(old, timeoutMilliseconds: 300)
        try peer.send([.fin, .ack])
        try peer.expect(.ack, within: 1_000, "the ACK of the puppet's FIN")
        lab.sockets.close(old)
        try peer.expect([.fin, .ack], "the server's FIN")
        try peer.send(.ack)
        lab.step(LabText("lab.wandering-duplicate.round3", "Round 3, tcp_timestamps = 0: the server first sends {0} bytes, then the puppet (192.0.2.2:{1}) sends its 100 bytes, whose ACK number now lies {2} past the server's ISN; both close.", sentOld, port, sentOld),
                 observed: ["server": lab.stateName(local: Self.serverPort, remote: port)])

        try lab.pause(milliseconds: 40)
        peer.startConnection(port: port, kernelPort: Self.serverPort, initialSequence: isn)
        lab.puppetServerPorts.remove(port)
        let newSynAck = try bigHandshake(peer)
        let fresh = try lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
        let moved = Int(newSynAck.tcp.sequenceNumber &- oldSynAck.tcp.sequenceNumber)
        guard moved >= 0 && moved < sentOld else {
            lab.step(LabText("lab.wandering-duplicate.isn-beyond", "The new connection's ISN moved {0} past the old one, beyond the {1} bytes sent: the copy could not look plausible this time.", moved, sentOld),
                     observed: ["isn_moved": String(moved)])
            return 0
        }
        let sentNew = try serverSends(sentOld - moved + 2_048, on: fresh, to: peer, lab)
        try peer.send([.psh, .ack], seq: data.tcp.sequenceNumber, ack: data.tcp.acknowledgementNumber, payload: data.payload,
                      advance: false, oldCopy: true)
        let answer = try peer.receive(timeoutMilliseconds: 500)
        _ = fcntl(fresh, F_SETFL, fcntl(fresh, F_GETFL) & ~O_NONBLOCK)
        var read = 0
        var text = ""
        if case .data(let n) = lab.sockets.read(fresh, timeoutMilliseconds: 500) { read = n; text = String(decoding: Self.payload.prefix(40), as: UTF8.self) }
        lab.step(LabText("lab.wandering-duplicate.isn-moved", "The new connection's ISN moved {0} with the clock; its server sends {1} bytes, so the old copy's ACK number is now merely old. The copy arrives again.", moved, sentNew),
                 observed: ["kernel_answer": answer.map { "\($0.tcp.flags.name) ack \($0.tcp.acknowledgementNumber &- isn) (relative)" } ?? "none",
                            "application_read": read > 0 ? "\(read) bytes: \"\(text)…\"" : "nothing"])
        if read > 0 {
            lab.note(LabText("lab.wandering-duplicate.hazard-h1", "The application received {0} bytes from the previous connection: RFC 1337's hazard H1 on the real kernel, once neither PAWS nor the ACK check could tell the copy apart.", read))
        }
        return read
    }

    /// A handshake with a 64 KiB MSS and window scale 14, no timestamps; returns the kernel's SYN-ACK.
    private func bigHandshake(_ peer: PuppetPeer) throws -> TCPPacket {
        try peer.send(.syn, options: [.maximumSegmentSize(65_495), .noOperation, .windowScale(14)])
        let synAck = try peer.expect([.syn, .ack], "the server's SYN-ACK")
        try peer.send(.ack)
        return synAck
    }

    /// The server writes `count` bytes and the puppet acknowledges every segment; returns the bytes
    /// acknowledged (bounded by 5 s).
    func serverSends(_ count: Int, on fd: Int32, to peer: PuppetPeer, _ lab: LabSession) throws -> Int {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let chunk = [UInt8](repeating: 0x2E, count: 65_536)
        var written = 0, acked = 0
        let start = peer.receiveNext
        let end = LabSession.now() + 5_000
        while acked < count && LabSession.now() < end {
            while written < count {
                let n = chunk.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, min($0.count, count - written), Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
                if n <= 0 { break }
                written += n
            }
            guard let length = try peer.receiveBulk(timeoutMilliseconds: 200) else { continue }
            if length > 0 { try peer.send(.ack) }
            acked = Int(peer.receiveNext &- start)
        }
        return acked
    }
}
