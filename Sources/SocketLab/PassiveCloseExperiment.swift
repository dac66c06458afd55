import TCPModel

/// The server closes first, as an HTTP/1.0 server does after its response: TIME_WAIT lands on the server.
struct PassiveCloseExperiment: Experiment {
    let name = "passive-close"
    let summary = "The server closes first (HTTP/1.0 style): TIME_WAIT lands on the server, not the client."
    let findingKeys = ["client_states", "server_states", "time_wait_side", "timer_ms", "client_after_server_close"]
    let changesSysctls = false
    let simulatorAlternative = "sim passive-close"
    let traceScenario: String? = "lab-passive-close"

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let (listener, port) = try lab.sockets.listen(port: 0, reuseAddress: true)
        let pair = try ConnectionPair.open(lab, listener: listener, port: port)
        var client = StateHistory(), server = StateHistory()
        var seen = try pair.waitFor(lab, client: .established, server: .established)
        client.record(seen.client); server.record(seen.server)
        lab.step(LabText("lab.passive-close.connect", "A client on port {0} connects to a server on 127.0.0.1:{1} and sends a request.", pair.clientPort, port),
                 observed: ["client": seen.client, "server": seen.server])
        try lab.sockets.send(pair.client, "GET / HTTP/1.0\r\n\r\n")
        _ = lab.sockets.read(pair.server, timeoutMilliseconds: 1_000)

        try lab.sockets.send(pair.server, "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nhi\n")
        lab.sockets.close(pair.server)
        seen = try pair.waitFor(lab, client: .closeWait, server: .finWait2)
        client.record(seen.client); server.record(seen.server)
        let clientAfterServerClose = seen.client
        lab.step(LabText("lab.passive-close.server-closes", "The server sends its response and calls close() at once, before the client is done."),
                 observed: ["client": seen.client, "server": seen.server])
        lab.showRows(port: port)

        _ = lab.sockets.readToEnd(pair.client, timeoutMilliseconds: 1_000)
        lab.sockets.close(pair.client)
        seen = try pair.waitFor(lab, client: .closed, server: .timeWait)
        client.record(seen.client); server.record(seen.server)
        let timer = seen.server == TCPState.timeWait.rawValue ? pair.serverTimer(lab) : pair.clientTimer(lab)
        lab.step(LabText("lab.passive-close.client-closes", "The client reads the response and end-of-file, then closes: the server acknowledges its FIN."),
                 observed: ["client": seen.client, "server": seen.server, "timer_ms": String(timer)])
        lab.showRows(port: port)
        lab.sockets.close(listener)
        return [
            "client_states": .list(client.states),
            "server_states": .list(server.states),
            "time_wait_side": .text(timeWaitSide(client: seen.client, server: seen.server)),
            "timer_ms": .number(Double(timer)),
            "client_after_server_close": .text(clientAfterServerClose),
        ]
    }
}
