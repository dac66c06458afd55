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
    var timerGeneration: [Int] = [0, 0, 0]
    var timerRunning: [Bool] = [false, false, false]
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

extension TimerKind {
    /// Position in the per-endpoint timer arrays.
    var slot: Int {
        switch self {
        case .retransmit: return 0
        case .timeWait: return 1
        case .finWait2: return 2
        }
    }
}
