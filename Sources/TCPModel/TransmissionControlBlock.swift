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
    /// The receive window advertised (fixed).
    var rcvWnd: UInt32 = 65_535
    /// The sequence number of our FIN once it is sent.
    var finSeq: UInt32?
    /// The application called close(): nobody reads any more (Linux: RCV_SHUTDOWN, orphaned).
    var orphan = false
    /// The application shut down writing (FIN queued or sent).
    var writeClosed = false
    /// Segments sent and not yet acknowledged, oldest first.
    var unacked: [Segment] = []
    var rto: Int64 = 1_000
    var retransmissions = 0
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

/// The three timers of an endpoint: a generation number each (a scheduled expiry counts only while
/// its generation is current, which is how a timer is cancelled) and whether it is running.
struct TimerSlots {
    private var generations: (Int, Int, Int) = (0, 0, 0)
    private var running: (Bool, Bool, Bool) = (false, false, false)

    func generation(_ kind: TimerKind) -> Int {
        switch kind {
        case .retransmit: return generations.0
        case .timeWait: return generations.1
        case .finWait2: return generations.2
        }
    }

    func isRunning(_ kind: TimerKind) -> Bool {
        switch kind {
        case .retransmit: return running.0
        case .timeWait: return running.1
        case .finWait2: return running.2
        }
    }

    /// Invalidates any scheduled expiry and marks the timer running or stopped; returns the new generation.
    @discardableResult
    mutating func advance(_ kind: TimerKind, running isRunning: Bool) -> Int {
        switch kind {
        case .retransmit: generations.0 += 1; running.0 = isRunning; return generations.0
        case .timeWait: generations.1 += 1; running.1 = isRunning; return generations.1
        case .finWait2: generations.2 += 1; running.2 = isRunning; return generations.2
        }
    }

    /// Marks an expired timer as stopped without changing its generation.
    mutating func stop(_ kind: TimerKind) {
        switch kind {
        case .retransmit: running.0 = false
        case .timeWait: running.1 = false
        case .finWait2: running.2 = false
        }
    }

    /// Invalidates every scheduled expiry (for a new incarnation).
    mutating func invalidateAll() {
        for kind in TimerKind.allCases { advance(kind, running: false) }
    }
}
