/// The numbers and switches a profile gives the simulated endpoints. All times are in milliseconds.
public struct ProfileSettings: Sendable, Equatable {
    /// The profile these settings started from.
    public var profile: ProfileName
    /// How long TIME_WAIT lasts (Linux: 60 s fixed, fact 13; RFC: 2×MSL, fact 6).
    public var timeWait: Int64
    /// Maximum segment lifetime: a segment older than this is discarded by the network.
    public var msl: Int64
    /// Retransmission timeout once the connection is established.
    public var rto: Int64
    /// Retransmission timeout for SYN and SYN-ACK.
    public var synRto: Int64
    /// The largest the backed-off retransmission timeout may grow.
    public var rtoMax: Int64
    /// Orphaned FIN_WAIT_2 timeout (Linux `tcp_fin_timeout`, fact 15); nil when there is none.
    public var finTimeout: Int64?
    /// Linux `tcp_rfc1337`: when on, an RST in TIME_WAIT is ignored (fact 12).
    public var rfc1337: Bool
    /// Retransmissions allowed while an application still holds the socket.
    public var retries: Int
    /// Retransmissions allowed for an orphaned socket (Linux `tcp_orphan_retries` 0 means 8).
    public var orphanRetries: Int
    /// Retransmissions allowed for SYN and SYN-ACK.
    public var synRetries: Int
    /// One-way latency of every segment.
    public var latency: Int64
    /// Whether segments carry RFC 7323 timestamps (and PAWS applies).
    public var timestamps: Bool
    /// True when `set time-wait` fixed TIME_WAIT, so `set msl` no longer changes it.
    public var timeWaitFixed: Bool

    /// True for the profiles that follow Linux's code rather than the RFC text.
    public var followsLinux: Bool { profile != .rfc9293 }

    /// The settings a profile starts with.
    public init(_ profile: ProfileName) {
        self.profile = profile
        switch profile {
        case .linux, .noTimeWait:
            timeWait = profile == .linux ? 60_000 : 0
            msl = 30_000
            rto = 200
            synRto = 1_000
            rtoMax = 120_000
            finTimeout = 60_000
            rfc1337 = false
            retries = 15
            orphanRetries = 8
            synRetries = 6
            timestamps = true
            timeWaitFixed = true
        case .rfc9293:
            msl = 120_000
            timeWait = 240_000
            rto = 1_000
            synRto = 1_000
            rtoMax = 60_000
            finTimeout = nil
            rfc1337 = false
            retries = 8
            orphanRetries = 8
            synRetries = 6
            timestamps = false
            timeWaitFixed = false
        }
        latency = 5
    }
}
