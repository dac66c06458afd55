import TCPModel

/// tcp_max_tw_buckets=3 and ten closes: three TIME_WAIT sockets, the rest closed at once without
/// TIME_WAIT, and TcpExt TCPTimeWaitOverflow counting each refusal.
struct MaxTimeWaitBucketsExperiment: Experiment {
    let name = "max-tw-buckets"
    let summary = "tcp_max_tw_buckets=3 and ten closes: three TIME_WAIT sockets, the rest skip it (TCPTimeWaitOverflow)."
    let findingKeys = ["time_wait_count", "overflow_delta", "client_state_beyond_limit"]
    let changesSysctls = true
    let simulatorAlternative = "model ports --range 32768-60999 --rate 500"
    let traceScenario: String? = "lab-quick-active-close"
    let comparesEveryConnectionWithTheScenario = true

    /// Connections within the limit keep their TIME_WAIT; the later ones find the table full. When the
    /// server's application closes within the kernel's ACK tick its FIN carries the ACK and the client
    /// skips FIN_WAIT_2 (fact 33); when it closes later, the orphaned FIN_WAIT_2 needs a bucket too, so
    /// beyond the limit it is destroyed and the server's FIN gets an RST (facts 15, 19, 40).
    func candidateScenarios(connection number: Int, sysctls: [String: String]) -> [String] {
        let limit = sysctls["tcp_max_tw_buckets"].flatMap { Int($0) } ?? 3
        return number <= limit ? ["lab-quick-active-close", "lab-slow-active-close"]
                               : ["lab-overflow-active-close", "lab-overflow-slow-active-close"]
    }
    let optionHelp = ["buckets=N  tcp_max_tw_buckets (0–100, default 3)", "closes=N  connections to close (1–200, default 10)"]
    static let serverPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let buckets = try lab.integerOption("buckets", default: 3, range: 0...100)
        let closes = try lab.integerOption("closes", default: 10, range: 1...200)
        let server = MaxTimeWaitBucketsExperiment.serverPort
        try lab.setSysctl("tcp_max_tw_buckets", String(buckets))
        let before = lab.tcpExtCounters()["TCPTimeWaitOverflow"] ?? 0
        lab.step(LabText("lab.max-tw-buckets.sysctl", "Inside the private namespace: tcp_max_tw_buckets = {0}.", buckets),
                 observed: ["tcp_max_tw_buckets": lab.sysctl("tcp_max_tw_buckets") ?? "?",
                            "TCPTimeWaitOverflow": String(before)])
        let (listener, _) = try lab.sockets.listen(port: server, reuseAddress: true, backlog: 256)
        var lastClientState = "?"
        for _ in 0..<closes {
            try lab.checkStop()
            let pair = try ConnectionPair.open(lab, listener: listener, port: server)
            lab.sockets.close(pair.client)
            _ = lab.sockets.readToEnd(pair.server, timeoutMilliseconds: 1_000)
            lab.sockets.close(pair.server)
            _ = try lab.waitUntil(timeoutMilliseconds: 500) {
                let state = pair.clientState(lab)
                return state == TCPState.timeWait.rawValue || state == TCPState.closed.rawValue
            }
            lastClientState = pair.clientState(lab)
        }
        _ = try lab.waitUntil(timeoutMilliseconds: 300) {
            lab.rows(port: server).allSatisfy { $0.state == .timeWait || $0.state == .listen }
        }
        let timeWaits = lab.rows(port: server).filter { $0.state == .timeWait }.count
        let after = lab.tcpExtCounters()["TCPTimeWaitOverflow"] ?? 0
        lab.step(LabText("lab.max-tw-buckets.connections", "{0} connections to 127.0.0.1:{1}, each closed by the client first.", closes, server),
                 observed: ["time_wait": String(timeWaits), "TCPTimeWaitOverflow": String(after)])
        lab.showRows(port: server)
        lab.note(LabText("lab.max-tw-buckets.overflow-counter", "Since Linux 2.6.38 an overflow only counts in TCPTimeWaitOverflow (/proc/net/netstat); older or patched kernels also log \"TCP: time wait bucket table overflow\"."))
        lab.sockets.close(listener)
        // The last close is beyond the limit whenever closes > buckets: its client socket is simply gone.
        return ["time_wait_count": .number(Double(timeWaits)), "overflow_delta": .number(Double(after - before)),
                "client_state_beyond_limit": .text(closes > buckets ? lastClientState : "none beyond the limit")]
    }
}
