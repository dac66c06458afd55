import TCPModel

/// The same full range with tcp_tw_reuse=1: connect() still fails at once, then succeeds once the
/// TIME_WAIT socket is older than tcp_tw_reuse_delay (1 s by default).
struct TimeWaitReuseExperiment: Experiment {
    let name = "tw-reuse"
    let summary = "tcp_tw_reuse=1 with a full range: connect() fails at once, succeeds after tcp_tw_reuse_delay (1 s)."
    let findingKeys = ["immediate_error", "reuse_after_ms"]
    let changesSysctls = true
    let simulatorAlternative = "model ports --range 40000-40000 --rate 2 --tw-reuse"
    let traceScenario: String? = "lab-tw-reuse"
    let optionHelp = ["delay=MS  tcp_tw_reuse_delay in milliseconds (1–3000, default 1000; Linux 6.14 and later)"]
    static let serverPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let delay = try lab.integerOption("delay", default: 1000, range: 1...3000)
        let server = TimeWaitReuseExperiment.serverPort
        try lab.setSysctl("ip_local_port_range", "40000 40000")
        try lab.setSysctl("tcp_tw_reuse", "1")
        try lab.setSysctl("tcp_timestamps", "1")
        let hasDelay = lab.sysctl("tcp_tw_reuse_delay") != nil
        if hasDelay {
            try lab.setSysctl("tcp_tw_reuse_delay", String(delay))
            lab.note(LabText("lab.tw-reuse.delay-sysctl", "Linux {0} waits tcp_tw_reuse_delay ({1} ms) after the TIME_WAIT socket was made; kernels before 6.14 used a fixed rule of about one second instead.", KernelRelease.current.text, delay))
        } else {
            lab.note(LabText("lab.tw-reuse.no-delay-sysctl", "This kernel ({0}) has no tcp_tw_reuse_delay (added in Linux 6.14): it reuses a TIME_WAIT port once its timestamp is more than about one second old.", KernelRelease.current.text))
        }
        lab.step(LabText("lab.tw-reuse.sysctl", "Inside the private namespace: one ephemeral port (40000), tcp_tw_reuse = 1, timestamps on."),
                 observed: ["tcp_tw_reuse": lab.sysctl("tcp_tw_reuse") ?? "?",
                            "tcp_tw_reuse_delay": lab.sysctl("tcp_tw_reuse_delay") ?? "absent"])
        let (listener, _) = try lab.sockets.listen(port: server, reuseAddress: true)
        let pair = try ConnectionPair.open(lab, listener: listener, port: server)
        lab.sockets.close(pair.client)
        // The kernel stamps the TIME_WAIT socket when the client's close() turns it into a minisocket.
        let closedAt = LabSession.now()
        _ = lab.sockets.readToEnd(pair.server, timeoutMilliseconds: 1_000)
        lab.sockets.close(pair.server)
        let seen = try pair.waitFor(lab, client: .timeWait, server: .closed)
        lab.step(LabText("lab.tw-reuse.time-wait", "A connection from port {0} closes, client first: the only port is now in TIME_WAIT.", pair.clientPort),
                 observed: ["client": seen.client])
        let recycledBefore = lab.tcpExtCounters()["TWRecycled"] ?? 0

        var immediate = "OK"
        var reuseAfter = -1
        do {
            let fd = try lab.sockets.connect(to: server)
            reuseAfter = LabSession.now() - closedAt
            if let accepted = try? lab.sockets.accept(listener, timeoutMilliseconds: 500) { lab.sockets.close(accepted) }
            lab.sockets.close(fd)
        } catch let error as SocketCallError {
            immediate = error.name
        }
        lab.step(LabText("lab.tw-reuse.connect-now", "connect() right away."), observed: ["connect": immediate, "ms_since_close": String(LabSession.now() - closedAt)])

        let limit = (hasDelay ? delay : 1000) + 2_500
        _ = try lab.waitUntil(timeoutMilliseconds: reuseAfter >= 0 ? 0 : limit, pollMilliseconds: 20) {
            if reuseAfter >= 0 { return true }
            do {
                let fd = try lab.sockets.connect(to: server)
                reuseAfter = LabSession.now() - closedAt
                if let accepted = try? lab.sockets.accept(listener, timeoutMilliseconds: 500) { lab.sockets.close(accepted) }
                lab.sockets.close(fd)
                return true
            } catch {
                return false
            }
        }
        let recycled = (lab.tcpExtCounters()["TWRecycled"] ?? 0) - recycledBefore
        lab.step(LabText("lab.tw-reuse.connect-retry", "connect() again every 20 ms until the kernel lets the new connection take over the TIME_WAIT port."),
                 observed: ["succeeded_after_ms": reuseAfter >= 0 ? String(reuseAfter) : "never",
                            "TWRecycled_delta": String(recycled)])
        lab.sockets.close(listener)
        return [
            "immediate_error": .text(immediate),
            "reuse_after_ms": .number(Double(reuseAfter)),
            "tw_recycled_delta": .number(Double(recycled)),
        ]
    }
}
