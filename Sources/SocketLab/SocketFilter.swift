import TCPModel

/// Which sockets to keep: by state, by port at either end, by local or by remote port.
/// Empty sets mean "any".
public struct SocketFilter: Sendable, Equatable {
    public var states: Set<TCPState>
    /// Ports matched at either end.
    public var ports: Set<UInt16>
    /// Local (source) ports.
    public var sourcePorts: Set<UInt16>
    /// Remote (destination) ports.
    public var destinationPorts: Set<UInt16>

    public init(states: Set<TCPState> = [], ports: Set<UInt16> = [], sourcePorts: Set<UInt16> = [],
                destinationPorts: Set<UInt16> = []) {
        self.states = states; self.ports = ports
        self.sourcePorts = sourcePorts; self.destinationPorts = destinationPorts
    }

    /// Keeps everything.
    public static let all = SocketFilter()

    /// True when the socket passes every condition.
    @inline(__always)
    public func matches(_ entry: SocketEntry) -> Bool {
        if !states.isEmpty && !states.contains(entry.state) { return false }
        if !ports.isEmpty && !ports.contains(entry.localPort) && !ports.contains(entry.remotePort) { return false }
        if !sourcePorts.isEmpty && !sourcePorts.contains(entry.localPort) { return false }
        if !destinationPorts.isEmpty && !destinationPorts.contains(entry.remotePort) { return false }
        return true
    }
}
