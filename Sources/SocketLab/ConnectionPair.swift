import TCPModel

/// Both ends of one loopback connection made by an experiment: the client's socket and the socket
/// the server accepted.
struct ConnectionPair {
    var client: Int32
    var server: Int32
    var clientPort: UInt16
    var serverPort: UInt16

    /// Connects to the listener and accepts.
    static func open(_ lab: LabSession, listener: Int32, port: UInt16) throws -> ConnectionPair {
        let client = try lab.sockets.connect(to: port)
        let server = try lab.sockets.accept(listener)
        return ConnectionPair(client: client, server: server, clientPort: try lab.sockets.localPort(of: client), serverPort: port)
    }

    /// The client's state in the kernel's table (`CLOSED` once it is gone).
    func clientState(_ lab: LabSession) -> String { lab.stateName(local: clientPort, remote: serverPort) }
    /// The server's state in the kernel's table (`CLOSED` once it is gone).
    func serverState(_ lab: LabSession) -> String { lab.stateName(local: serverPort, remote: clientPort) }

    /// Waits until the client and server states are these (or a second passes); returns what was seen.
    func waitFor(_ lab: LabSession, client wantedClient: TCPState?, server wantedServer: TCPState?,
                 timeoutMilliseconds: Int = 1_000) throws -> (client: String, server: String) {
        var seen = (client: "", server: "")
        _ = try lab.waitUntil(timeoutMilliseconds: timeoutMilliseconds) {
            seen = (clientState(lab), serverState(lab))
            return (wantedClient == nil || seen.client == wantedClient?.rawValue)
                && (wantedServer == nil || seen.server == wantedServer?.rawValue)
        }
        return seen
    }

    /// The time-wait timer of the client's row, in milliseconds (0 when it has none).
    func clientTimer(_ lab: LabSession) -> Int { lab.row(local: clientPort, remote: serverPort)?.timerMilliseconds ?? 0 }
    /// The time-wait timer of the server's row, in milliseconds (0 when it has none).
    func serverTimer(_ lab: LabSession) -> Int { lab.row(local: serverPort, remote: clientPort)?.timerMilliseconds ?? 0 }
}

/// A list of states that grows only when the state changes.
struct StateHistory {
    private(set) var states: [String] = []
    mutating func record(_ state: String) {
        if states.last != state { states.append(state) }
    }
}

/// Which side holds TIME_WAIT: `client`, `server`, `both` or `none`.
func timeWaitSide(client: String, server: String) -> String {
    let tw = TCPState.timeWait.rawValue
    switch (client == tw, server == tw) {
    case (true, true): return "both"
    case (true, false): return "client"
    case (false, true): return "server"
    case (false, false): return "none"
    }
}
