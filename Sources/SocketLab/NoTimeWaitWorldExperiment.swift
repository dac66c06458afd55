import TCPModel

/// The lost final ACK in a world without TIME_WAIT, on the real kernel: inside the namespace
/// tcp_max_tw_buckets is 0, so when the kernel's socket should enter TIME_WAIT, inet_twsk_alloc()
/// refuses, the socket is closed at once and TCPTimeWaitOverflow counts it (fact 19). The puppet's
/// retransmitted FIN then meets no connection and gets an RST (fact 5).
struct NoTimeWaitWorldExperiment: Experiment {
    let name = "no-time-wait-world"
    let summary = "tcp_max_tw_buckets=0: no TIME_WAIT after the final ACK, so the peer's retransmitted FIN gets an RST."
    let findingKeys = ["time_wait_after_final_ack", "overflow_delta", "answer_to_retransmitted_fin"]
    let changesSysctls = true
    let simulatorAlternative = "sim lost-final-ack-without-time-wait"
    let optionHelp = ["delay=MS  how long after its FIN the peer retransmits it (200–10000, default 1000)"]
    let traceScenario: String? = "lab-no-time-wait-world"
    static let peerPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let delay = try lab.integerOption("delay", default: 1000, range: 200...10_000)
        try lab.setSysctl("tcp_max_tw_buckets", "0")
        let before = lab.tcpExtCounters()["TCPTimeWaitOverflow"] ?? 0
        lab.step(LabText("lab.no-time-wait-world.sysctl", "Inside the private namespace: tcp_max_tw_buckets = 0, so no socket may hold TIME_WAIT."),
                 observed: ["tcp_max_tw_buckets": lab.sysctl("tcp_max_tw_buckets") ?? "?", "TCPTimeWaitOverflow": String(before)])
        let peer = try PuppetPeer(lab, port: Self.peerPort)
        defer { peer.tun.close() }
        // shutdown() keeps the socket from being an orphan, whose FIN_WAIT_2 would itself need a
        // time-wait bucket (tcp_close() parks orphans in one) and would vanish before the story starts.
        let fin = try peer.kernelClientIntoTimeWait(shutdownOnly: true)
        let finSentAt = LabSession.now()
        let state = peer.kernelState()
        let after = lab.tcpExtCounters()["TCPTimeWaitOverflow"] ?? 0
        lab.step(LabText("lab.no-time-wait-world.close", "The kernel closed first (shutdown), the peer ACKed and sent its FIN, and the kernel sent the final ACK — which the peer pretends was lost."),
                 observed: ["kernel": state, "TCPTimeWaitOverflow": String(after)])
        lab.showRows(port: Self.peerPort)

        try lab.pause(milliseconds: max(0, delay - (LabSession.now() - finSentAt) - 5))
        try peer.send([.fin, .ack], seq: fin.tcp.sequenceNumber)
        let answer = try peer.receive(timeoutMilliseconds: 1_000)
        let answerName = answer.map { $0.tcp.flags.name } ?? "none"
        lab.step(LabText("lab.no-time-wait-world.fin-again", "{0} ms later the peer retransmits its FIN: no connection is left to acknowledge it.", delay),
                 observed: ["kernel_answer": answerName])
        lab.note(LabText("lab.no-time-wait-world.mechanism", "The kernel mechanism that stood in for \"no TIME_WAIT\" is tcp_max_tw_buckets: at the limit inet_twsk_alloc() returns nothing, tcp_time_wait() closes the socket at once and TCPTimeWaitOverflow rises. Linux has no switch that turns TIME_WAIT off."))
        return [
            "time_wait_after_final_ack": .text(state == TCPState.timeWait.rawValue ? "TIME_WAIT" : "none"),
            "kernel_state_after_final_ack": .text(state),
            "overflow_delta": .number(Double(after - before)),
            "answer_to_retransmitted_fin": .text(answerName),
        ]
    }
}
