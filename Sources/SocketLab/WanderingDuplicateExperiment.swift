import Foundation
import TCPModel

/// The second reason for TIME_WAIT, on the real kernel: twlab plays the client, skips its own
/// TIME_WAIT and reconnects at once on the same 4-tuple with the same ISN; then it delivers a copy
/// of the old connection's 100-byte segment. With timestamps PAWS drops the copy (PAWSEstab rises).
/// Without them Linux 6.18 still refuses it, because the copy's ACK number acknowledges bytes the new
/// connection never sent (RFC 5961 §5.2; `tcp_ack()` accepts no ACK below the connection's ISN): it
/// answers with a challenge ACK. Round 3 shows what it takes for RFC 1337's hazard H1 to get through:
/// an old connection that had sent more bytes than the ISN clock moved, and then the application
/// reads bytes that belong to the previous connection.
struct WanderingDuplicateExperiment: Experiment {
    let name = "wandering-duplicate"
    let summary = "An old segment reaches a new incarnation: PAWS or Linux's ACK check drops it; when neither can, the application reads it."
    let findingKeys = ["with_timestamps", "without_timestamps", "paws_delta", "stale_bytes_read",
                       "timestamps_round_outcome", "quiet_round_outcome"]
    let changesSysctls = true
    let simulatorAlternative = "sim wandering-duplicate-without-time-wait"
    let traceScenario: String? = "lab-wandering-duplicate"
    let comparedConnections: (count: Int, reason: LabText)? = (4, LabText("lab.wandering-duplicate.round3-kernel-only", "round 3 (connections 5 and 6) is kernel-only: it sends 4 MiB in 64 KiB segments with window scaling, which the simulator (MSS 1,460, a fixed 65,535-byte window) does not reproduce segment for segment"))
    static let serverPort: UInt16 = 5000
    /// Exactly 100 bytes, as in the matching scenario.
    static let payload = Array(String("old bytes from the previous connection, delivered late by the network. ".padding(toLength: 99, withPad: "-", startingAt: 0) + "\n").utf8)

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let peer = try PuppetPeer(lab, port: 40000)
        defer { peer.tun.close() }
        let (listener, _) = try lab.sockets.listen(port: Self.serverPort, reuseAddress: true, address: PuppetPeer.kernelAddress)
        var outcomes: [String] = []
        var pawsDelta: Int64 = 0
        var staleBytes = 0
        for (round, timestamps) in [true, false].enumerated() {
            try lab.setSysctl("tcp_timestamps", timestamps ? "1" : "0")
            let port = UInt16(40000 + round)
            let isn: UInt32 = 7_000_000
            let tsBase = UInt32(100_000 * (round + 1))
            // The old connection: handshake, 100 bytes, the puppet closes first.
            peer.startConnection(port: port, kernelPort: Self.serverPort, initialSequence: isn)
            lab.puppetServerPorts.remove(port)
            try handshake(peer, timestamps: timestamps ? tsBase : nil)
            let old = try lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
            let data = try peer.send([.psh, .ack], payload: Self.payload, options: tsOption(timestamps ? tsBase + 1 : nil))
            try peer.expect(.ack, "the ACK of the 100 bytes")
            _ = lab.sockets.read(old, timeoutMilliseconds: 500)
            try peer.send([.fin, .ack], options: tsOption(timestamps ? tsBase + 2 : nil))
            let finAt = LabSession.now()
            try peer.expect(.ack, "the ACK of the puppet's FIN")
            try lab.pause(milliseconds: max(0, 50 - (LabSession.now() - finAt)))
            lab.sockets.close(old)
            try peer.expect([.fin, .ack], "the server's FIN")
            try peer.send(.ack, options: tsOption(timestamps ? tsBase + 3 : nil))
            lab.step(LabText("lab.wandering-duplicate.round", "Round {0}, tcp_timestamps = {1}: the puppet (192.0.2.2:{2}) sent 100 bytes to the kernel's server and closed first; it keeps no TIME_WAIT.", round + 1, timestamps ? 1 : 0, port),
                     observed: ["server": lab.stateName(local: Self.serverPort, remote: port)])

            // The new incarnation: same 4-tuple, same ISN, at once.
            try lab.pause(milliseconds: 40)
            peer.startConnection(port: port, kernelPort: Self.serverPort, initialSequence: isn)
            lab.puppetServerPorts.remove(port)
            let synAt = LabSession.now()
            try handshake(peer, timestamps: timestamps ? tsBase + 10_000 : nil)
            let fresh = try lab.sockets.accept(listener, timeoutMilliseconds: 1_000)
            let pawsBefore = lab.tcpExtCounters()["PAWSEstab"] ?? 0
            let challengeBefore = lab.tcpExtCounters()["TCPChallengeACK"] ?? 0
            try lab.pause(milliseconds: max(0, 355 - (LabSession.now() - synAt)))
            var copy = data
            copy.tcp.checksum = 0
            try peer.send([.psh, .ack], seq: data.tcp.sequenceNumber, ack: data.tcp.acknowledgementNumber, payload: data.payload,
                          options: data.tcp.options, advance: false, oldCopy: true)
            let answer = try peer.receive(timeoutMilliseconds: 500)
            let read = lab.sockets.read(fresh, timeoutMilliseconds: 40)
            let delta = (lab.tcpExtCounters()["PAWSEstab"] ?? 0) - pawsBefore
            let challenges = (lab.tcpExtCounters()["TCPChallengeACK"] ?? 0) - challengeBefore
            let outcome: String
            if case .data(let n) = read {
                outcome = "accepted"
                staleBytes = n
                lab.step(LabText("lab.wandering-duplicate.copy-accepted", "A copy of the old 100-byte segment arrives 355 ms into the new connection. The kernel takes it as new data: the application received {0} bytes from the previous connection.", n),
                         observed: ["kernel_answer": answer.map { $0.tcp.flags.name } ?? "none", "application_read": "\(n) bytes"])
            } else {
                outcome = delta > 0 ? "dropped by PAWS" : challenges > 0 ? "dropped by the ACK check" : "dropped"
                pawsDelta += delta
                lab.step(delta > 0
                         ? LabText("lab.wandering-duplicate.copy-paws", "A copy of the old 100-byte segment arrives 355 ms into the new connection. Its timestamp is older than the connection's: PAWS drops it and the kernel only ACKs.")
                         : LabText("lab.wandering-duplicate.copy-challenge-ack", "A copy of the old 100-byte segment arrives 355 ms into the new connection. Its sequence number fits, but its ACK number acknowledges bytes this connection never sent: the kernel drops it with a challenge ACK (RFC 5961 §5.2)."),
                         observed: ["kernel_answer": answer.map { "\($0.tcp.flags.name) ack \($0.tcp.acknowledgementNumber &- isn) (relative)" } ?? "none",
                                    "PAWSEstab_delta": String(delta), "TCPChallengeACK_delta": String(challenges),
                                    "application_read": "nothing"])
                // The new connection closes, client first, 515 ms after its SYN as in the scenario.
                try lab.pause(milliseconds: max(0, 515 - (LabSession.now() - synAt)))
                try peer.send([.fin, .ack], options: tsOption(timestamps ? tsBase + 10_002 : nil))
                let closeAt = LabSession.now()
                try peer.expect(.ack, "the ACK of the puppet's FIN")
                try lab.pause(milliseconds: max(0, 50 - (LabSession.now() - closeAt)))
                lab.sockets.close(fresh)
                try peer.expect([.fin, .ack], "the server's FIN")
                try peer.send(.ack, options: tsOption(timestamps ? tsBase + 10_003 : nil))
            }
            outcomes.append(outcome)
        }
        let acceptedLater = try plausibleAckRound(lab, peer, listener: listener)
        if acceptedLater > 0 { staleBytes = acceptedLater }
        lab.note(LabText("lab.wandering-duplicate.ack-check", "RFC 1337's hazard H1 needs the old segment's ACK number to be acceptable too: Linux accepts no ACK below the new connection's own ISN, and that ISN moves on with the clock (about 15.6 million per second), so a copy from a quiet connection is refused (round 2); only a copy whose ACK number already lies past the new ISN gets in (round 3). The simulator's linux profile makes the same check."))
        return [
            "with_timestamps": .text(outcomes.first ?? "?"),
            "without_timestamps": .text(outcomes.last ?? "?"),
            "paws_delta": .number(Double(pawsDelta)),
            "stale_bytes_read": .number(Double(staleBytes)),
            "accepted_once_ack_plausible": .flag(acceptedLater > 0),
            // How rounds 1 and 2 ended, in the simulator's outcome words: the application read old bytes or not.
            "timestamps_round_outcome": .text(outcomes.first == "accepted" ? "stale-data" : "clean"),
            "quiet_round_outcome": .text(outcomes.last == "accepted" ? "stale-data" : "clean"),
        ]
    }

    private func tsOption(_ value: UInt32?) -> [TCPOption] {
        value.map { [.noOperation, .noOperation, .timestamps(value: $0, echoReply: 0)] } ?? []
    }

    /// The puppet's SYN (window scale 14, so that the kernel will take the old segment's ACK number
    /// as merely old; timestamps when given), the kernel's SYN-ACK and the puppet's ACK.
    private func handshake(_ peer: PuppetPeer, timestamps: UInt32?) throws {
        var options: [TCPOption] = [.maximumSegmentSize(1460), .noOperation, .windowScale(14)]
        if let timestamps { options += [.noOperation, .noOperation, .timestamps(value: timestamps, echoReply: 0)] }
        try peer.send(.syn, options: options)
        try peer.expect([.syn, .ack], "the server's SYN-ACK")
        try peer.send(.ack, options: tsOption(timestamps.map { $0 + 1 }))
    }
}
