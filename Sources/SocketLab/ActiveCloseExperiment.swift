import TCPModel

/// The client closes first: FIN_WAIT_2 while the server sits in CLOSE_WAIT, then TIME_WAIT on the
/// client (timer ≈ 60 s) once the server closes, and the server's socket is gone.
struct ActiveCloseExperiment: Experiment {
    let name = "active-close"
    let summary = "The client closes first: FIN_WAIT_2 against CLOSE_WAIT, then TIME_WAIT (60 s) on the client."
    let findingKeys = ["client_states", "server_states", "time_wait_side", "timer_ms",
                       "client_after_close", "server_after_client_close", "client_final"]
    let changesSysctls = false
    let simulatorAlternative = "sim active-close"
    let traceScenario: String? = "active-close"

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let (listener, port) = try lab.sockets.listen(port: 0, reuseAddress: true)
        let pair = try ConnectionPair.open(lab, listener: listener, port: port)
        var client = StateHistory(), server = StateHistory()
        var seen = try pair.waitFor(lab, client: .established, server: .established)
        client.record(seen.client); server.record(seen.server)
        lab.step(LabText("lab.active-close.connect", "A server listens on 127.0.0.1:{0} and a client connects from port {1}.", port, pair.clientPort),
                 observed: ["client": seen.client, "server": seen.server])
        lab.showRows(port: port)

        lab.sockets.close(pair.client)
        seen = try pair.waitFor(lab, client: .finWait2, server: .closeWait)
        client.record(seen.client); server.record(seen.server)
        let halfClosed = seen
        lab.step(LabText("lab.active-close.client-closes", "The client calls close(): its FIN is acknowledged, the server has not closed yet."),
                 observed: ["client": seen.client, "server": seen.server])
        lab.showRows(port: port)

        _ = lab.sockets.readToEnd(pair.server, timeoutMilliseconds: 1_000)
        lab.sockets.close(pair.server)
        seen = try pair.waitFor(lab, client: .timeWait, server: .closed)
        client.record(seen.client); server.record(seen.server)
        let timer = seen.client == TCPState.timeWait.rawValue ? pair.clientTimer(lab) : pair.serverTimer(lab)
        lab.step(LabText("lab.active-close.server-closes", "The server reads end-of-file and closes too: its FIN reaches the client, which acknowledges it."),
                 observed: ["client": seen.client, "server": seen.server, "timer_ms": String(timer)])
        lab.showRows(port: port)
        lab.sockets.close(listener)
        return [
            "client_states": .list(client.states),
            "server_states": .list(server.states),
            "time_wait_side": .text(timeWaitSide(client: seen.client, server: seen.server)),
            "timer_ms": .number(Double(timer)),
            "client_after_close": .text(halfClosed.client),
            "server_after_client_close": .text(halfClosed.server),
            "client_final": .text(seen.client),
        ]
    }
}
