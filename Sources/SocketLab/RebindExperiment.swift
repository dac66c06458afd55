import TCPModel

/// Restarting a server while its old connections sit in TIME_WAIT: bind() fails with EADDRINUSE
/// without SO_REUSEADDR and succeeds with it — provided the old listener had SO_REUSEADDR too.
struct RebindExperiment: Experiment {
    let name = "rebind"
    let summary = "Restart a server while its old connection is in TIME_WAIT: bind() needs SO_REUSEADDR."
    let findingKeys = ["without_reuseaddr", "with_reuseaddr"]
    let changesSysctls = false
    let simulatorAlternative = "sim passive-close"
    // Each of its connections closes server first; bind() itself sends nothing, and its outcome is
    // checked against the kernel only (the simulator has no bind model).
    let traceScenario: String? = "lab-quick-passive-close"
    let comparesEveryConnectionWithTheScenario = true

    /// Leaves a server-side TIME_WAIT on a port whose listener had SO_REUSEADDR as given; returns the port.
    private func oldServer(_ lab: LabSession, reuseAddress: Bool) throws -> UInt16 {
        let (listener, port) = try lab.sockets.listen(port: 0, reuseAddress: reuseAddress)
        let pair = try ConnectionPair.open(lab, listener: listener, port: port)
        lab.sockets.close(pair.server)
        _ = lab.sockets.readToEnd(pair.client, timeoutMilliseconds: 1_000)
        lab.sockets.close(pair.client)
        _ = try pair.waitFor(lab, client: .closed, server: .timeWait)
        lab.sockets.close(listener)
        return port
    }

    private func tryBind(_ lab: LabSession, port: UInt16, reuseAddress: Bool) -> String {
        do {
            let fd = try lab.sockets.bound(port: port, reuseAddress: reuseAddress)
            lab.sockets.close(fd)
            return "OK"
        } catch let error as SocketCallError {
            return error.name
        } catch {
            return "\(error)"
        }
    }

    func run(_ lab: LabSession) throws -> [String: Finding] {
        let port = try oldServer(lab, reuseAddress: true)
        let tw = lab.rows(port: port).filter { $0.state == .timeWait && $0.localPort == port }.count
        lab.step(LabText("lab.rebind.server-stops", "A server with SO_REUSEADDR on 127.0.0.1:{0} closes a connection first, then stops.", port),
                 observed: ["time_wait_on_server_port": String(tw)])
        lab.showRows(port: port)
        let without = tryBind(lab, port: port, reuseAddress: false)
        lab.step(LabText("lab.rebind.bind-plain", "The restarted server calls bind({0}) without SO_REUSEADDR.", port), observed: ["bind": without])
        let with = tryBind(lab, port: port, reuseAddress: true)
        lab.step(LabText("lab.rebind.bind-reuseaddr", "It tries again with SO_REUSEADDR set."), observed: ["bind": with])

        let strictPort = try oldServer(lab, reuseAddress: false)
        let strict = tryBind(lab, port: strictPort, reuseAddress: true)
        lab.step(LabText("lab.rebind.strict-listener", "Had the old listener lacked SO_REUSEADDR (port {0}), its TIME_WAIT socket would not share: bind with SO_REUSEADDR gives this.", strictPort),
                 observed: ["bind": strict])
        return [
            "without_reuseaddr": .text(without),
            "with_reuseaddr": .text(with),
            "with_reuseaddr_old_listener_without": .text(strict),
        ]
    }
}
