/// The state one simulated endpoint keeps about its connection (RFC 9293 §3.3.1).
struct TransmissionControlBlock {
    var role: EndpointRole
    var state: TCPState
    /// Which incarnation this is (0 before the first connection).
    var connection = 0
    var iss: UInt32 = 0
    var irs: UInt32 = 0
    var sndUna: UInt32 = 0
    var sndNxt: UInt32 = 0
    var rcvNxt: UInt32 = 0
    /// The receive window advertised (fixed: the model assumes a receive buffer that never fills).
    var rcvWnd: UInt32 = 65_535
    /// The sequence number of our FIN once it is sent.
    var finSeq: UInt32?
    /// The application called close(): nobody reads any more (Linux: RCV_SHUTDOWN, orphaned).
    var orphan = false
    /// The application shut down writing (FIN queued or sent).
    var writeClosed = false
    /// A FIN waits behind `sendBuffer` bytes that the peer's window does not admit yet.
    var finQueued = false
    /// Bytes the application wrote that are not yet on the wire (the peer's window is full).
    var sendBuffer = 0
    /// Segments sent and not yet acknowledged, oldest first.
    var unacked = RetransmissionQueue()
    /// The current retransmission timeout, backed off after each retransmission.
    var rto: Int64 = 1_000
    var retransmissions = 0
    /// When the oldest unacknowledged segment was first retransmitted (Linux `retrans_stamp`), nil
    /// while nothing is being retransmitted.
    var firstRetransmissionAt: Int64?
    /// True when this endpoint opened passively (accepted a SYN). Linux's child socket then starts
    /// with SND.UNA = ISS + 1 and nothing acknowledged yet, which bounds the ACK numbers it takes.
    var passiveOpen = false
    /// Smoothed round-trip time and its variation in ms (RFC 6298), nil before the first sample.
    var srtt: Int64?
    var rttvar: Int64 = 0
    /// The most recent timestamp value accepted from the peer (RFC 7323 TS.Recent).
    var tsRecent: UInt32?
    /// Timer generations; a scheduled timer fires only when its generation is still current.
    var timers = TimerSlots()
    /// Times this endpoint entered TIME_WAIT.
    var timeWaitEntries = 0
    /// When this endpoint last answered an unacceptable segment with an ACK (for rate limiting).
    var lastOutOfWindowAck: Int64?
    /// Bytes delivered to the application.
    var bytesReceived = 0
    /// Bytes received that the application has not read yet (always 0 with autoread on).
    var unread = 0

    // Delayed ACK (Linux `icsk_ack`; RFC 9293 §3.8.6.3).
    /// Linux's ACK timeout estimate in ms; 0 until the first data arrives.
    var ato: Int64 = 0
    /// ACKs still to send at once before delaying (Linux quick-ack mode).
    var quickAcks = 0
    /// Linux pingpong (interactive) mode: entered when the application replies, ACKs are delayed.
    var pingpong = false
    /// When data last arrived.
    var lastDataReceived: Int64 = 0
    /// Bytes received since this endpoint last sent an ACK (Linux `rcv_nxt - rcv_wup`).
    var bytesNotAcked = 0
    /// When the running delayed-ACK timer fires.
    var delayedAckDue: Int64?

    init(role: EndpointRole, state: TCPState) {
        self.role = role
        self.state = state
    }

    /// True once our FIN has been sent and acknowledged.
    var finAcknowledged: Bool {
        guard let finSeq else { return false }
        return SequenceSpace.after(sndUna, finSeq)
    }

    /// True in the states where the sequence numbers of both sides are known.
    var synchronized: Bool {
        switch state {
        case .closed, .listen, .synSent: return false
        default: return true
        }
    }
}

/// The timers of an endpoint: a generation number each (a scheduled expiry counts only while its
/// generation is current, which is how a timer is cancelled) and whether it is running.
struct TimerSlots {
    private var generations: (Int, Int, Int, Int) = (0, 0, 0, 0)
    private var running: (Bool, Bool, Bool, Bool) = (false, false, false, false)

    func generation(_ kind: TimerKind) -> Int {
        switch kind {
        case .retransmit: return generations.0
        case .timeWait: return generations.1
        case .finWait2: return generations.2
        case .delayedAck: return generations.3
        }
    }

    func isRunning(_ kind: TimerKind) -> Bool {
        switch kind {
        case .retransmit: return running.0
        case .timeWait: return running.1
        case .finWait2: return running.2
        case .delayedAck: return running.3
        }
    }

    /// Invalidates any scheduled expiry and marks the timer running or stopped; returns the new generation.
    @discardableResult
    mutating func advance(_ kind: TimerKind, running isRunning: Bool) -> Int {
        switch kind {
        case .retransmit: generations.0 += 1; running.0 = isRunning; return generations.0
        case .timeWait: generations.1 += 1; running.1 = isRunning; return generations.1
        case .finWait2: generations.2 += 1; running.2 = isRunning; return generations.2
        case .delayedAck: generations.3 += 1; running.3 = isRunning; return generations.3
        }
    }

    /// Marks an expired timer as stopped without changing its generation.
    mutating func stop(_ kind: TimerKind) {
        switch kind {
        case .retransmit: running.0 = false
        case .timeWait: running.1 = false
        case .finWait2: running.2 = false
        case .delayedAck: running.3 = false
        }
    }

    /// Invalidates every scheduled expiry (for a new incarnation).
    mutating func invalidateAll() {
        for kind in TimerKind.allCases { advance(kind, running: false) }
    }
}
