import TCPModel

/// The first reason for TIME_WAIT, on the real kernel: twlab plays the server through a TUN device,
/// and after the kernel's final ACK it retransmits its FIN as if that ACK had been lost. The
/// kernel's TIME_WAIT answers with a fresh ACK and restarts its 60 s timer (fact 4), which the
/// socket table's timer (netlink idiag_expires) shows jumping back.
struct LostFinalAckExperiment: Experiment {
    let name = "lost-final-ack"
    let summary = "twlab plays the server and retransmits its FIN: TIME_WAIT re-ACKs it and its 60 s timer starts again."
    let findingKeys = ["reacked", "timer_before_ms", "timer_after_ms", "client_states", "answer_to_retransmitted_fin"]
    let changesSysctls = false
    let simulatorAlternative = "sim lost-final-ack"
    let optionHelp = ["delay=MS  how long after its FIN the peer retransmits it (200–10000, default 1000)"]
    let traceScenario: String? = "lab-lost-final-ack"
    static let peerPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let delay = try lab.integerOption("delay", default: 1000, range: 200...10_000)
        let peer = try PuppetPeer(lab, port: Self.peerPort)
        defer { peer.tun.close() }
        let fd = try lab.sockets.startConnect(to: Self.peerPort, host: PuppetPeer.peerAddress)
        try peer.expect(.syn, "the kernel's SYN")
        try peer.acceptHandshake()
        let kernelPort = peer.kernelPort
        var states = StateHistory()
        func state() -> String { lab.stateName(local: kernelPort, remote: Self.peerPort) }
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { state() == TCPState.established.rawValue }
        states.record(state())
        lab.step(LabText("lab.lost-final-ack.connect", "The kernel (192.0.2.1:{0}) connects to twlab's puppet peer at 192.0.2.2:{1} over a TUN device.", kernelPort, Self.peerPort),
                 observed: ["kernel": state()])

        lab.sockets.close(fd)
        try peer.expect([.fin, .ack], "the kernel's FIN after close()")
        try peer.send(.ack)
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { state() == TCPState.finWait2.rawValue }
        states.record(state())
        lab.step(LabText("lab.lost-final-ack.kernel-closes", "The kernel closes first; the peer acknowledges its FIN."), observed: ["kernel": state()])

        try lab.pause(milliseconds: 50)
        let fin = try peer.send([.fin, .ack])
        let finSentAt = LabSession.now()
        try peer.expect(.ack, "the final ACK")
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { state() == TCPState.timeWait.rawValue }
        states.record(state())
        let fresh = lab.row(local: kernelPort, remote: Self.peerPort)?.timerMilliseconds ?? 0
        lab.step(LabText("lab.lost-final-ack.peer-fin", "The peer sends its FIN; the kernel answers with the final ACK and enters TIME_WAIT. The peer pretends that ACK was lost."),
                 observed: ["kernel": state(), "timer_ms": String(fresh)])
        lab.showRows(port: Self.peerPort)

        try lab.pause(milliseconds: max(0, delay - (LabSession.now() - finSentAt) - 5))
        let before = lab.row(local: kernelPort, remote: Self.peerPort)?.timerMilliseconds ?? 0
        try peer.send([.fin, .ack], seq: fin.tcp.sequenceNumber)
        let answer = try peer.receive(timeoutMilliseconds: 1_000)
        let reacked = answer.map { $0.tcp.flags == .ack && $0.tcp.acknowledgementNumber == fin.tcp.sequenceNumber &+ 1 } ?? false
        let after = lab.row(local: kernelPort, remote: Self.peerPort)?.timerMilliseconds ?? 0
        states.record(state())
        lab.step(LabText("lab.lost-final-ack.fin-again", "{0} ms after its FIN the peer sends it again, as a server whose final ACK was lost would.", delay),
                 observed: ["kernel_answer": answer.map { "\($0.tcp.flags.name) ack \($0.tcp.acknowledgementNumber &- fin.tcp.sequenceNumber) (relative to the FIN)" } ?? "nothing",
                            "timer_before_ms": String(before), "timer_after_ms": String(after)])
        lab.showRows(port: Self.peerPort)
        return [
            "reacked": .flag(reacked),
            "timer_before_ms": .number(Double(before)),
            "timer_after_ms": .number(Double(after)),
            "timer_restarted": .flag(after > before + delay / 2),
            "client_states": .list(states.states),
            "answer_to_retransmitted_fin": .text(answer?.tcp.flags.name ?? "none"),
        ]
    }
}
