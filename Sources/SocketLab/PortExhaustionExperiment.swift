import TCPModel

/// With the ephemeral range narrowed to N ports and tcp_tw_reuse off, N short connections fill the
/// range with TIME_WAIT and connect() number N+1 fails with EADDRNOTAVAIL.
struct PortExhaustionExperiment: Experiment {
    let name = "port-exhaustion"
    let summary = "Narrow the ephemeral range to N ports: N closes fill it with TIME_WAIT, connect() N+1 fails."
    let findingKeys = ["ports", "connected", "time_wait_count", "first_error", "time_wait_side"]
    let changesSysctls = true
    let simulatorAlternative = "model ports --range 40000-40009 --rate 1"
    // Every connection is the same quick active close; the failing connect() sends no segment.
    let traceScenario: String? = "lab-quick-active-close"
    let comparesEveryConnectionWithTheScenario = true
    let optionHelp = ["ports=N  ephemeral ports to leave open (1–1000, default 10)"]
    static let serverPort: UInt16 = 5000
    static let firstPort = 40000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let ports = try lab.integerOption("ports", default: 10, range: 1...1000)
        let server = PortExhaustionExperiment.serverPort
        let first = PortExhaustionExperiment.firstPort
        try lab.setSysctl("ip_local_port_range", "\(first) \(first + ports - 1)")
        try lab.setSysctl("tcp_tw_reuse", "0")
        lab.step(LabText("lab.port-exhaustion.sysctl", "Inside the private namespace: ip_local_port_range = {0}–{1} ({2} ports), tcp_tw_reuse = 0 (the default, 2, would reuse loopback ports after tcp_tw_reuse_delay, so the range would never run out).", first, first + ports - 1, ports),
                 observed: ["ip_local_port_range": lab.sysctl("ip_local_port_range") ?? "?",
                            "tcp_tw_reuse": lab.sysctl("tcp_tw_reuse") ?? "?"])
        if ports > 1 && ports % 2 == 1 {
            lab.note(LabText("lab.port-exhaustion.odd-range", "Linux's connect() probes an even number of ports per call (remaining &= ~1 in __inet_hash_connect), so with {0} ports in the range one can be missed and connect() may fail after {1}; use an even number for an exact count.", ports, ports - 1))
        }
        let (listener, _) = try lab.sockets.listen(port: server, reuseAddress: true, backlog: Int32(min(ports + 8, 1024)))
        var connected = 0
        var firstError = "none"
        for _ in 0..<(ports + 1) {
            try lab.checkStop()
            let pair: ConnectionPair
            do {
                pair = try ConnectionPair.open(lab, listener: listener, port: server)
            } catch let error as SocketCallError {
                firstError = error.name
                break
            }
            connected += 1
            lab.sockets.close(pair.client)
            _ = lab.sockets.readToEnd(pair.server, timeoutMilliseconds: 1_000)
            lab.sockets.close(pair.server)
            _ = try pair.waitFor(lab, client: .timeWait, server: .closed)
        }
        let timeWaits = lab.rows(port: server).filter { $0.state == .timeWait && $0.remotePort == server }.count
        let serverTimeWaits = lab.rows(port: server).filter { $0.state == .timeWait && $0.localPort == server }.count
        lab.step(LabText("lab.port-exhaustion.connections", "{0} short connections to 127.0.0.1:{1} each closed by the client first.", connected, server),
                 observed: ["connected": String(connected), "time_wait": String(timeWaits)])
        lab.step(LabText("lab.port-exhaustion.next-connect", "The next connect() needs a local port, and every one is held by a TIME_WAIT socket."),
                 observed: ["connect": firstError])
        lab.sockets.close(listener)
        return [
            "ports": .number(Double(ports)),
            "connected": .number(Double(connected)),
            "time_wait_count": .number(Double(timeWaits)),
            "first_error": .text(firstError),
            "time_wait_side": .text(timeWaitSide(clientEntries: timeWaits, serverEntries: serverTimeWaits)),
        ]
    }

    /// Which side holds the TIME_WAIT entries: `client`, `server`, `both` or `neither`.
    private func timeWaitSide(clientEntries: Int, serverEntries: Int) -> String {
        switch (clientEntries > 0, serverEntries > 0) {
        case (true, true): return "both"
        case (true, false): return "client"
        case (false, true): return "server"
        case (false, false): return "neither"
        }
    }
}
