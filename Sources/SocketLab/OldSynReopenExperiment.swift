import TCPModel

/// A SYN into TIME_WAIT on the real kernel, which plays the server and closed first: an old SYN
/// (the connection's first SYN again) gets a bare ACK of the old connection, and a SYN above the
/// old sequence space reopens the 4-tuple with ISN = old SND.NXT + 65535 + 2 (facts 9 and 11).
struct OldSynReopenExperiment: Experiment {
    let name = "old-syn"
    let summary = "An old SYN into the server's TIME_WAIT gets a bare ACK; a newer SYN reopens it (ISN = SND.NXT + 65537)."
    let findingKeys = ["old_syn_answer", "reopened", "isn_offset", "server_after_newer_syn"]
    let changesSysctls = true
    let simulatorAlternative = "sim syn-reopens-time-wait"
    let traceScenario: String? = "lab-old-syn"
    static let serverPort: UInt16 = 5000
    static let puppetPort: UInt16 = 40000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        // The puppet answers the bare ACK with an RST, as a closed client does; rfc1337=1 keeps that
        // RST from ending the TIME_WAIT the lab is about.
        try lab.setSysctl("tcp_rfc1337", "1")
        let peer = try PuppetPeer(lab, port: Self.puppetPort)
        defer { peer.tun.close() }
        let (listener, _) = try lab.sockets.listen(port: Self.serverPort, reuseAddress: true, address: PuppetPeer.kernelAddress)
        let firstISN: UInt32 = 1_000_000
        peer.startConnection(port: Self.puppetPort, kernelPort: Self.serverPort, initialSequence: firstISN)
        lab.puppetServerPorts.remove(Self.puppetPort)  // here the kernel is the server
        let kernelFin = try peer.kernelServerIntoTimeWait(listener: listener)
        let start = LabSession.now()
        lab.step(LabText("lab.old-syn.time-wait", "The puppet (192.0.2.2:{0}) connected to the kernel's server on 192.0.2.1:{1}; the server closed first and holds TIME_WAIT.", Self.puppetPort, Self.serverPort),
                 observed: ["server": peer.kernelState(), "timer_ms": String(peer.kernelTimer())])

        try lab.pause(milliseconds: max(0, 930 - (LabSession.now() - start)))
        try peer.send(.syn, seq: firstISN, options: [.maximumSegmentSize(1460)], advance: false, oldCopy: true)
        let answer = try peer.receive(timeoutMilliseconds: 1_000)
        let oldAnswer = answer.map { "\($0.tcp.flags.name)" } ?? "none"
        let acksOld = answer.map { $0.tcp.flags == .ack && $0.tcp.acknowledgementNumber == peer.sendNext } ?? false
        if let answer, answer.tcp.flags == .ack { try peer.send(.rst, seq: answer.tcp.acknowledgementNumber, advance: false) }
        try lab.pause(milliseconds: 20)
        lab.step(LabText("lab.old-syn.old-syn", "An old copy of the connection's first SYN arrives: the kernel answers with a bare ACK of the old connection and stays in TIME_WAIT."),
                 observed: ["answer": oldAnswer + (acksOld ? " (ack = the old connection's next byte)" : ""), "server": peer.kernelState()])

        try lab.pause(milliseconds: 500)
        let newISN = peer.sendNext &+ 100_000
        peer.startConnection(port: Self.puppetPort, kernelPort: Self.serverPort, initialSequence: newISN)
        lab.puppetServerPorts.remove(Self.puppetPort)
        try peer.send(.syn, options: [.maximumSegmentSize(1460)])
        let synAck = try peer.expect([.syn, .ack], "the reopening SYN-ACK")
        try peer.send(.ack)
        let oldSendNext = kernelFin.tcp.sequenceNumber &+ 1
        let offset = synAck.tcp.sequenceNumber &- oldSendNext
        let accepted = try? lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
        let afterNewerSyn = peer.kernelState()
        lab.step(LabText("lab.old-syn.new-syn", "A SYN above the old sequence space (ISN + 100000) arrives: the kernel reopens the 4-tuple."),
                 observed: ["answer": synAck.tcp.flags.name, "new_isn_minus_old_snd_nxt": String(offset),
                            "accepted": accepted != nil ? "yes" : "no"])
        lab.showRows(port: Self.serverPort)
        return [
            "old_syn_answer": .text(oldAnswer),
            "old_syn_ack_of_old_connection": .flag(acksOld),
            "reopened": .flag(accepted != nil),
            "isn_offset": .number(Double(offset)),
            "server_after_newer_syn": .text(afterNewerSyn),
        ]
    }
}
