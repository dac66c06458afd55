import TCPModel

/// The kernel's FIN is lost, again and again: twlab plays the server and never acknowledges it. The
/// orphaned socket retransmits with exponential backoff (RTO from 200 ms, doubling) and, after
/// tcp_orphan_retries retransmissions, dies silently — no RST, no TIME_WAIT. The lab reports the
/// kernel's real retransmission times.
struct LostFinRetransmissionExperiment: Experiment {
    let name = "lost-fin-retransmission"
    let summary = "twlab drops every copy of the kernel's FIN: RTO backoff, tcp_orphan_retries, then a silent death."
    let findingKeys = ["fin_transmissions", "retransmit_ms", "gone_after_ms", "rst_sent"]
    let changesSysctls = true
    let simulatorAlternative = "sim lost-final-ack"
    let optionHelp = ["retries=N  tcp_orphan_retries to set (1–4, default 3)"]
    let traceScenario: String? = "lab-lost-fin-retransmission"
    static let peerPort: UInt16 = 5000
    var maximumSeconds: Double { 30 }

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let retries = try lab.integerOption("retries", default: 3, range: 1...4)
        try lab.setSysctl("tcp_orphan_retries", String(retries))
        lab.step(LabText("lab.lost-fin-retransmission.sysctl", "Inside the private namespace: tcp_orphan_retries = {0}.", retries),
                 observed: ["tcp_orphan_retries": lab.sysctl("tcp_orphan_retries") ?? "?"])
        let peer = try PuppetPeer(lab, port: Self.peerPort)
        defer { peer.tun.close() }
        let fd = try lab.sockets.startConnect(to: Self.peerPort, host: PuppetPeer.peerAddress)
        try peer.expect(.syn, "the kernel's SYN")
        try peer.acceptHandshake()
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { peer.kernelState() == TCPState.established.rawValue }
        lab.sockets.close(fd)
        let first = try peer.expect([.fin, .ack], "the kernel's FIN after close()")
        let start = LabSession.now()
        lab.step(LabText("lab.lost-fin-retransmission.close", "The kernel closes (its socket is now an orphan) and sends its FIN; the peer drops it and every copy after it."),
                 observed: ["kernel": peer.kernelState()])

        var times: [Int] = []
        var rst = false
        var goneAfter = -1
        // The last retransmission comes after about 0.2·(2^(retries+1) − 1) s; allow double that.
        let limit = 400 * ((1 << (retries + 1)) - 1) + 1_000
        while LabSession.now() - start < limit {
            if let segment = try peer.receive(timeoutMilliseconds: 50) {
                if segment.tcp.flags.contains(.rst) { rst = true }
                if segment.tcp.flags.contains(.fin) && segment.tcp.sequenceNumber == first.tcp.sequenceNumber {
                    times.append(LabSession.now() - start)
                    lab.step(LabText("lab.lost-fin-retransmission.retransmit", "The kernel retransmits its FIN ({0}).", times.count), observed: ["after_ms": String(times.last ?? 0)])
                }
            }
            if goneAfter < 0 && lab.row(local: peer.kernelPort, remote: Self.peerPort) == nil {
                goneAfter = LabSession.now() - start
                lab.step(LabText("lab.lost-fin-retransmission.gives-up", "The kernel gives up: the socket is gone from its table, without an RST and without TIME_WAIT."),
                         observed: ["after_ms": String(goneAfter)])
                // Anything still in flight would show within a moment.
                if let late = try peer.receive(timeoutMilliseconds: 200), late.tcp.flags.contains(.rst) { rst = true }
                break
            }
        }
        lab.note(LabText("lab.lost-fin-retransmission.backoff", "Each wait doubles (the RTO backs off from about 200 ms, TCP_RTO_MIN plus the measured RTT); with tcp_orphan_retries 0 Linux would retry 8 times, about 100 s."))
        return [
            "fin_transmissions": .number(Double(times.count + 1)),
            "retransmit_ms": .list(times.map(String.init)),
            "gone_after_ms": .number(Double(goneAfter)),
            "rst_sent": .flag(rst),
        ]
    }
}
