import TCPModel

/// SO_LINGER {1, 0}: close() sends RST instead of FIN, nobody enters TIME_WAIT, and the peer's
/// next read fails with ECONNRESET.
struct LingerAbortExperiment: Experiment {
    let name = "linger-abort"
    let summary = "SO_LINGER {1,0}: close() sends RST, no TIME_WAIT anywhere, the peer's read fails with ECONNRESET."
    let findingKeys = ["time_wait_count", "peer_errno", "time_wait_side"]
    let changesSysctls = false
    let simulatorAlternative = "sim abort"
    let traceScenario: String? = "abort"

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let (listener, port) = try lab.sockets.listen(port: 0, reuseAddress: true)
        let pair = try ConnectionPair.open(lab, listener: listener, port: port)
        let seen = try pair.waitFor(lab, client: .established, server: .established)
        lab.step(LabText("lab.linger-abort.connect", "A client on port {0} connects to 127.0.0.1:{1}.", pair.clientPort, port),
                 observed: ["client": seen.client, "server": seen.server])
        try lab.sockets.setLinger(pair.client, on: true, seconds: 0)
        lab.sockets.close(pair.client)
        _ = try lab.waitUntil(timeoutMilliseconds: 500) { pair.clientState(lab) == TCPState.closed.rawValue }
        let peerError: String
        switch lab.sockets.read(pair.server, timeoutMilliseconds: 1_000) {
        case .failed(let error): peerError = error.name
        case .endOfFile: peerError = "none (end-of-file)"
        case .data: peerError = "none (data)"
        case .timedOut: peerError = "none (no answer)"
        }
        let timeWaits = lab.rows(port: port).filter { $0.state == .timeWait }.count
        lab.step(LabText("lab.linger-abort.close", "The client sets SO_LINGER {on, 0 s} and calls close(): an RST goes out instead of a FIN."),
                 observed: ["client": pair.clientState(lab), "server_read": peerError,
                            "time_wait_sockets": String(timeWaits)])
        lab.showRows(port: port)
        lab.sockets.close(pair.server)
        lab.sockets.close(listener)
        return ["time_wait_count": .number(Double(timeWaits)), "peer_errno": .text(peerError),
                "time_wait_side": .text(timeWaits == 0 ? "neither" : "client")]
    }
}
