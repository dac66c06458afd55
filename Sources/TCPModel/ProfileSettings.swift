/// The numbers and switches a profile gives the simulated endpoints. All times are in milliseconds.
public struct ProfileSettings: Sendable, Equatable {
    /// The profile these settings started from.
    public var profile: ProfileName
    /// How long TIME_WAIT lasts (Linux: 60 s fixed, fact 13; RFC: 2×MSL, fact 6).
    public var timeWait: Int64
    /// Maximum segment lifetime: a segment older than this is discarded by the network.
    public var msl: Int64
    /// The smallest retransmission timeout once the connection is established. The timeout itself
    /// adds the measured round-trip time: Linux uses SRTT + max(4·RTTVAR, this), RFC 6298
    /// max(this, SRTT + 4·RTTVAR) (fact 39).
    public var rto: Int64
    /// Retransmission timeout for SYN and SYN-ACK.
    public var synRto: Int64
    /// The largest the backed-off retransmission timeout may grow.
    public var rtoMax: Int64
    /// Orphaned FIN_WAIT_2 timeout (Linux `tcp_fin_timeout`, fact 15); nil when there is none.
    public var finTimeout: Int64?
    /// Linux `tcp_rfc1337`: when on, an RST in TIME_WAIT is ignored (fact 12).
    public var rfc1337: Bool
    /// Retransmissions allowed while an application still holds the socket (Linux `tcp_retries2`).
    /// On Linux this is a length of time, not a count (see `retryTimeLimit(_:)`, fact 39).
    public var retries: Int
    /// Retransmissions allowed for an orphaned socket (Linux `tcp_orphan_retries` 0 means 8); a
    /// length of time on Linux too.
    public var orphanRetries: Int
    /// Retransmissions allowed for the client's SYN (Linux `tcp_syn_retries`, 6).
    public var synRetries: Int
    /// Retransmissions allowed for the server's SYN-ACK (Linux `tcp_synack_retries`, 5, fact 36).
    public var synAckRetries: Int
    /// Whether ACKs may be delayed (`set delayed-ack on|off`, fact 33): of data and FINs on
    /// Linux, of data only in `rfc9293`.
    public var delayedAck: Bool
    /// The shortest ACK delay: Linux `TCP_ATO_MIN`/`TCP_DELACK_MIN` (40 ms); for RFC 9293 the one
    /// fixed delay used (200 ms, within the RFC's "less than 0.5 seconds").
    public var ackDelayMin: Int64
    /// The longest ACK delay: Linux `TCP_DELACK_MAX` (200 ms).
    public var ackDelayMax: Int64
    /// How long Linux holds the ACK of a FIN on a connection that has received no data (ato still 0):
    /// `__tcp_send_delayed_ack()` arms the timer for `jiffies + 0`, which fires at the next timer
    /// tick, one jiffy at most (4 ms with this kernel's CONFIG_HZ=250). Fact 33 measured 3–8 ms on
    /// an idle socket; 40 idle loopback closes on 6.18.44 gave 0.2–8.0 ms, median 3.97 ms, most
    /// within 3.3–4.1 ms: the model takes the one jiffy. 0 in `rfc9293`, which ACKs a FIN at once.
    public var quickAckDelay: Int64 { followsLinux ? 4 : 0 }
    /// Whether the applications read every byte as soon as it arrives (`set autoread on|off`).
    /// When off, data waits until a `read` line, and close() with unread data sends RST (fact 35).
    public var autoread: Bool
    /// One-way latency of every segment.
    public var latency: Int64
    /// Whether segments carry RFC 7323 timestamps (and PAWS applies).
    public var timestamps: Bool
    /// Linux `tcp_max_tw_buckets` (`set max-tw-buckets`, fact 19); nil leaves the default (ehash/2,
    /// never reached by one connection). Ignored by `rfc9293`, which has no such limit.
    public var maxTimeWaitBuckets: Int?
    /// True when `set time-wait` fixed TIME_WAIT, so `set msl` no longer changes it.
    public var timeWaitFixed: Bool

    /// True for the profiles that follow Linux's code rather than the RFC text.
    public var followsLinux: Bool { profile != .rfc9293 }

    /// How long after the first retransmission Linux gives up on data or a FIN when `boundary`
    /// retransmissions are allowed (`retransmits_timed_out()` with `tcp_model_timeout()`,
    /// net/ipv4/tcp_timer.c): the time `boundary` retransmissions would take backed off from
    /// TCP_RTO_MIN (here `rto`), not from the connection's real RTO, doubling up to `rtoMax` and
    /// linear after that. Since the real RTO adds the RTT to TCP_RTO_MIN, one retransmission more
    /// than `boundary` can fit in that time (fact 39).
    public func retryTimeLimit(_ boundary: Int) -> Int64 {
        let base = max(1, rto)
        var threshold = 0   // ilog2(rtoMax / base)
        while threshold < 62 && rtoMax >> (threshold + 1) >= base { threshold += 1 }
        let n = min(max(0, boundary), 1 << 20)
        if n <= threshold { return ((2 << Int64(n)) - 1) * base }
        return ((2 << Int64(threshold)) - 1) * base + Int64(n - threshold) * rtoMax
    }

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
            synAckRetries = 5
            ackDelayMin = 40
            ackDelayMax = 200
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
            synAckRetries = 6
            ackDelayMin = 200
            ackDelayMax = 200
            timestamps = false
            timeWaitFixed = false
        }
        latency = 5
        delayedAck = true
        autoread = true
    }
}
