import TCPModel

/// tcp_fin_timeout=5 makes an orphaned FIN_WAIT_2 vanish after 5 s, while a TIME_WAIT socket still
/// lasts 60 s: the myth that tcp_fin_timeout shortens TIME_WAIT, refuted live.
struct FinTimeoutExperiment: Experiment {
    let name = "fin-timeout"
    let summary = "tcp_fin_timeout=5 ends an orphaned FIN_WAIT_2 after 5 s; TIME_WAIT still lasts 60 s."
    let findingKeys = ["fin_wait_2_gone_after_ms", "time_wait_timer_ms", "orphan_state_after_limit",
                       "time_wait_state_after_limit"]
    let changesSysctls = true
    let simulatorAlternative = "sim orphan-fin-wait-2"
    let traceScenario: String? = "lab-fin-timeout"
    let optionHelp = ["seconds=N  tcp_fin_timeout to set (1–10, default 5)"]
    static let serverPort: UInt16 = 5000

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let seconds = try lab.integerOption("seconds", default: 5, range: 1...10)
        let server = FinTimeoutExperiment.serverPort
        try lab.setSysctl("tcp_fin_timeout", String(seconds))
        lab.step(LabText("lab.fin-timeout.sysctl", "Inside the private namespace: tcp_fin_timeout = {0}.", seconds),
                 observed: ["tcp_fin_timeout": lab.sysctl("tcp_fin_timeout") ?? "?"])
        let (listener, _) = try lab.sockets.listen(port: server, reuseAddress: true)

        // Connection A: the client closes, the server never does: an orphaned FIN_WAIT_2.
        let orphan = try ConnectionPair.open(lab, listener: listener, port: server)
        lab.sockets.close(orphan.client)
        let closedAt = LabSession.now()
        let a = try orphan.waitFor(lab, client: .finWait2, server: .closeWait)
        let orphanRow = lab.row(local: orphan.clientPort, remote: server)
        lab.step(LabText("lab.fin-timeout.connection-a", "Connection A: the client closes, the server never does. The client is an orphaned FIN_WAIT_2."),
                 observed: ["client": a.client, "server": a.server,
                            "timer": orphanRow.map { "\($0.timer.rawValue) \($0.timerMilliseconds) ms" } ?? "-"])

        // Connection B: a complete close, client first: TIME_WAIT.
        let full = try ConnectionPair.open(lab, listener: listener, port: server)
        lab.sockets.close(full.client)
        _ = lab.sockets.readToEnd(full.server, timeoutMilliseconds: 1_000)
        lab.sockets.close(full.server)
        let b = try full.waitFor(lab, client: .timeWait, server: .closed)
        let timeWaitTimer = full.clientTimer(lab)
        lab.step(LabText("lab.fin-timeout.connection-b", "Connection B: both sides close, client first. The client is in TIME_WAIT."),
                 observed: ["client": b.client, "timer_ms": String(timeWaitTimer)])
        lab.showRows(port: server)

        var goneAfter = -1
        _ = try lab.waitUntil(timeoutMilliseconds: seconds * 1000 + 3_000, pollMilliseconds: 50) {
            if lab.row(local: orphan.clientPort, remote: server) == nil {
                goneAfter = LabSession.now() - closedAt
                return true
            }
            return false
        }
        let stillLeft = full.clientTimer(lab)
        let connectionB = full.clientState(lab)
        let orphanState = lab.stateName(local: orphan.clientPort, remote: server)
        lab.step(LabText("lab.fin-timeout.waiting", "Waiting: the orphaned FIN_WAIT_2 disappears; the TIME_WAIT socket is still counting down from 60 s."),
                 observed: ["fin_wait_2_gone_after_ms": goneAfter >= 0 ? String(goneAfter) : "not within the limit",
                            "time_wait_left_ms": String(stillLeft), "connection_b": connectionB])
        lab.showRows(port: server)
        lab.sockets.close(orphan.server)
        lab.sockets.close(listener)
        return [
            "fin_wait_2_gone_after_ms": .number(Double(goneAfter)),
            "time_wait_timer_ms": .number(Double(timeWaitTimer)),
            "time_wait_left_when_fin_wait_2_gone_ms": .number(Double(stillLeft)),
            "orphan_state_after_limit": .text(goneAfter >= 0 ? TCPState.closed.rawValue : orphanState),
            "time_wait_state_after_limit": .text(connectionB),
        ]
    }
}
