import TCPModel
#if canImport(Glibc)
import Glibc
#endif

/// Steps that several puppet-peer labs share: bringing one kernel socket into TIME_WAIT against
/// the puppet, as the client (the kernel closes first) or as the server.
extension PuppetPeer {
    /// The kernel connects to the puppet (the server), closes first, and takes the puppet's ACK and
    /// FIN 50 ms later; the kernel's final ACK puts it in TIME_WAIT. Returns the puppet's FIN. With
    /// `shutdownOnly` the kernel's application calls shutdown(SHUT_WR) instead of close(), so the
    /// socket is not an orphan while it waits in FIN_WAIT_2.
    @discardableResult
    func kernelClientIntoTimeWait(shutdownOnly: Bool = false) throws -> TCPPacket {
        let fd = try lab.sockets.startConnect(to: port, host: PuppetPeer.peerAddress)
        try expect(.syn, "the kernel's SYN")
        try acceptHandshake()
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { kernelState() == TCPState.established.rawValue }
        if shutdownOnly { _ = Glibc.shutdown(fd, Int32(SHUT_WR)) } else { lab.sockets.close(fd) }
        try expect([.fin, .ack], "the kernel's FIN after close()")
        try send(.ack)
        try lab.pause(milliseconds: 50)
        let fin = try send([.fin, .ack])
        try expect(.ack, "the kernel's final ACK")
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { kernelState() != TCPState.finWait2.rawValue }
        return fin
    }

    /// The puppet connects to a kernel listener on `kernelPort`; the kernel accepts and closes first,
    /// the puppet ACKs, then sends its own FIN 50 ms later, and the kernel's final ACK puts the
    /// kernel's side in TIME_WAIT. Returns the kernel's FIN.
    @discardableResult
    func kernelServerIntoTimeWait(listener: Int32) throws -> TCPPacket {
        try send(.syn, options: [.maximumSegmentSize(1460)])
        try expect([.syn, .ack], "the kernel's SYN-ACK")
        try send(.ack)
        let accepted = try lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
        lab.sockets.close(accepted)
        let fin = try expect([.fin, .ack], "the kernel's FIN after close()")
        try send(.ack)
        try lab.pause(milliseconds: 50)
        try send([.fin, .ack])
        try expect(.ack, "the kernel's final ACK")
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { kernelState() == TCPState.timeWait.rawValue }
        return fin
    }

    /// The kernel socket's state in its table (`CLOSED` once it is gone).
    func kernelState() -> String { lab.stateName(local: kernelPort, remote: port) }

    /// The kernel socket's timer in milliseconds (0 when it has none or is gone).
    func kernelTimer() -> Int { lab.row(local: kernelPort, remote: port)?.timerMilliseconds ?? 0 }
}
