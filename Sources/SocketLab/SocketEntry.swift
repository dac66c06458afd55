import TCPModel

/// One TCP socket as the kernel lists it in /proc/net/tcp or /proc/net/tcp6.
public struct SocketEntry: Sendable, Equatable {
    public var local: IPAddress
    public var localPort: UInt16
    public var remote: IPAddress
    public var remotePort: UInt16
    /// The state. For a TIME_WAIT minisocket this is its substate, so an orphaned FIN_WAIT_2 that the
    /// kernel keeps as a minisocket (`st` 05) reads `.finWait2`.
    public var state: TCPState
    /// The raw `st` code (1…11).
    public var stateCode: UInt8
    public var timer: KernelTimer
    /// Time left on the timer, in milliseconds (`tm->when` ticks ÷ `sysconf(_SC_CLK_TCK)`).
    public var timerMilliseconds: Int
    /// Unrecovered retransmissions (`retrnsmt`).
    public var retransmits: Int
    public var uid: UInt32
    public var inode: UInt64
    /// Bytes sent but not acknowledged (`tx_queue`).
    public var txQueue: UInt32
    /// Bytes received but not read (`rx_queue`); for a listener, the accept backlog.
    public var rxQueue: UInt32
    /// True for a 12-field line: a TIME_WAIT minisocket or a pending connection request.
    public var isMinisocket: Bool

    public var family: AddressFamily { local.family }

    public init(local: IPAddress, localPort: UInt16, remote: IPAddress, remotePort: UInt16, state: TCPState,
                stateCode: UInt8, timer: KernelTimer, timerMilliseconds: Int, retransmits: Int, uid: UInt32,
                inode: UInt64, txQueue: UInt32, rxQueue: UInt32, isMinisocket: Bool) {
        self.local = local; self.localPort = localPort; self.remote = remote; self.remotePort = remotePort
        self.state = state; self.stateCode = stateCode; self.timer = timer
        self.timerMilliseconds = timerMilliseconds; self.retransmits = retransmits; self.uid = uid
        self.inode = inode; self.txQueue = txQueue; self.rxQueue = rxQueue; self.isMinisocket = isMinisocket
    }

    /// The state for a kernel `st` code (include/net/tcp_states.h), or nil for an unknown code.
    public static func state(code: UInt8) -> TCPState? {
        switch code {
        case 0x01: return .established
        case 0x02: return .synSent
        case 0x03: return .synReceived
        case 0x04: return .finWait1
        case 0x05: return .finWait2
        case 0x06: return .timeWait
        case 0x07: return .closed
        case 0x08: return .closeWait
        case 0x09: return .lastAck
        case 0x0A: return .listen
        case 0x0B: return .closing
        default: return nil
        }
    }

    /// `127.0.0.1:40555` or `[::1]:40555`, the way ss prints an endpoint.
    public static func endpointText(_ address: IPAddress, _ port: UInt16) -> String {
        address.family == .ipv6 ? "[\(address.text)]:\(port)" : "\(address.text):\(port)"
    }
}
