import TCPModel

/// RFC 1337's TIME_WAIT assassination on the real kernel: twlab plays the server and, a second
/// after the kernel entered TIME_WAIT, sends it an RST. With tcp_rfc1337=0 (the default) an exact
/// RST ends the TIME_WAIT; with 1 it survives; an RST with a stale sequence number is ignored
/// either way (fact 12).
struct AssassinationExperiment: Experiment {
    let name = "assassination"
    let summary = "twlab plays the server and sends RSTs into TIME_WAIT: rfc1337=0 lets an exact one kill it, 1 does not."
    let findingKeys = ["inexact_rst", "rfc1337_0", "rfc1337_1"]
    let changesSysctls = true
    let simulatorAlternative = "sim time-wait-assassination"
    let traceScenario: String? = "lab-assassination"
    static let peerPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let peer = try PuppetPeer(lab, port: Self.peerPort)
        defer { peer.tun.close() }
        var outcome: [String: String] = [:]
        var inexact = ""
        for (index, setting) in ["0", "1"].enumerated() {
            try lab.setSysctl("tcp_rfc1337", setting)
            peer.startConnection(port: Self.peerPort, initialSequence: 1_000_000 + UInt32(index) * 500_000)
            let fin = try peer.kernelClientIntoTimeWait()
            let enteredAt = LabSession.now()
            lab.step(LabText("lab.assassination.time-wait", "tcp_rfc1337 = {0}. The kernel (port {1}) closed first and is in TIME_WAIT.", setting, peer.kernelPort),
                     observed: ["kernel": peer.kernelState(), "timer_ms": String(peer.kernelTimer())])
            let exactSeq = fin.tcp.sequenceNumber &+ 1
            try lab.pause(milliseconds: max(0, 900 - (LabSession.now() - enteredAt)))
            if index == 0 {
                try peer.send(.rst, seq: exactSeq &+ 1_000, advance: false, oldCopy: true)
                try lab.pause(milliseconds: 100)
                inexact = peer.kernelState() == TCPState.timeWait.rawValue ? "ignored" : "killed TIME_WAIT"
                lab.step(LabText("lab.assassination.stale-rst", "An RST with a stale sequence number (1000 beyond the one TIME_WAIT expects), as an old duplicate would carry."),
                         observed: ["kernel": peer.kernelState(), "answer": (try peer.receive(timeoutMilliseconds: 50)).map { $0.tcp.flags.name } ?? "none"])
            }
            try peer.send(.rst, seq: exactSeq, advance: false)
            _ = try lab.waitUntil(timeoutMilliseconds: 200) { peer.kernelState() != TCPState.timeWait.rawValue }
            let after = peer.kernelState()
            outcome[setting] = after == TCPState.timeWait.rawValue ? "survives" : "killed"
            lab.step(LabText("lab.assassination.exact-rst", "An exact RST (seq = what TIME_WAIT expects) arrives 1 s into TIME_WAIT."),
                     observed: ["kernel": after, "timer_ms": String(peer.kernelTimer())])
            lab.showRows(port: Self.peerPort)
        }
        lab.note(LabText("lab.assassination.linux-check", "Linux checks only that the RST's sequence number is exactly rcv_nxt (and PAWS); with tcp_rfc1337=1 it ignores even that RST, which is RFC 1337's fix F1."))
        return [
            "inexact_rst": .text(inexact),
            "rfc1337_0": .text(outcome["0"] ?? "?"),
            "rfc1337_1": .text(outcome["1"] ?? "?"),
        ]
    }
}
