import TCPModel

/// With the ephemeral range narrowed to N ports and tcp_tw_reuse off, N short connections fill the
/// range with TIME_WAIT and connect() number N+1 fails with EADDRNOTAVAIL.
struct PortExhaustionExperiment: Experiment {
    let name = "port-exhaustion"
    let summary = "Narrow the ephemeral range to N ports: N closes fill it with TIME_WAIT, connect() N+1 fails."
    let findingKeys = ["ports", "connected", "time_wait_count", "first_error"]
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
        lab.step("Inside the private namespace: ip_local_port_range = \(first)–\(first + ports - 1) (\(ports) ports), tcp_tw_reuse = 0.",
                 observed: ["ip_local_port_range": lab.sysctl("ip_local_port_range") ?? "?",
                            "tcp_tw_reuse": lab.sysctl("tcp_tw_reuse") ?? "?"])
        if ports > 1 && ports % 2 == 1 {
            lab.note("Linux's connect() probes an even number of ports per call (remaining &= ~1 in __inet_hash_connect), so with \(ports) ports in the range one can be missed and connect() may fail after \(ports - 1); use an even number for an exact count.")
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
        lab.step("\(connected) short connections to 127.0.0.1:\(server) each closed by the client first.",
                 observed: ["connected": String(connected), "time_wait": String(timeWaits)])
        lab.step("The next connect() needs a local port, and every one is held by a TIME_WAIT socket.",
                 observed: ["connect": firstError])
        lab.sockets.close(listener)
        return [
            "ports": .number(Double(ports)),
            "connected": .number(Double(connected)),
            "time_wait_count": .number(Double(timeWaits)),
            "first_error": .text(firstError),
        ]
    }
}
