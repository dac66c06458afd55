/// Which timer the kernel reports as pending for a socket: the `tr` column of /proc/net/tcp.
public enum KernelTimer: String, Sendable, Codable, CaseIterable {
    /// `tr` 0: no timer pending.
    case none
    /// `tr` 1: retransmission, RACK reordering or tail loss probe.
    case retransmit
    /// `tr` 2: keepalive (the socket's `sk_timer`; also an orphaned FIN_WAIT_2 longer than 60 s).
    case keepalive
    /// `tr` 3: the timer of a TIME_WAIT minisocket (also used for an orphaned FIN_WAIT_2).
    case timeWait = "time-wait"
    /// `tr` 4: zero-window probe.
    case probe

    /// The kind for a `tr` code, or nil for a code the kernel never prints.
    public init?(code: Int) {
        switch code {
        case 0: self = .none
        case 1: self = .retransmit
        case 2: self = .keepalive
        case 3: self = .timeWait
        case 4: self = .probe
        default: return nil
        }
    }

    /// The name `ss -o` prints for this timer (`tmr_name` in iproute2's misc/ss.c).
    public var ssName: String {
        switch self {
        case .none: return "off"
        case .retransmit: return "on"
        case .keepalive: return "keepalive"
        case .timeWait: return "timewait"
        case .probe: return "persist"
        }
    }
}
