/// A length of virtual time as written in a scenario: milliseconds, or a multiple of the MSL that
/// is resolved when the step runs (so `2msl` follows `set msl`).
public enum ScenarioDuration: Sendable, Equatable {
    case milliseconds(Int64)
    /// A multiple of the current MSL, for example `2msl`.
    case msl(Double)

    /// The length in milliseconds under the given settings.
    public func milliseconds(under settings: ProfileSettings) -> Int64 {
        switch self {
        case .milliseconds(let ms): return ms
        case .msl(let factor):
            // Clamped to 100 years so that an absurd factor cannot overflow the clock.
            let ms = min((Double(settings.msl) * factor).rounded(), 3_153_600_000_000)
            return Int64(max(0, ms))
        }
    }
}

/// Which segments a `drop` or `duplicate` line applies to.
public struct SegmentMatch: Sendable, Equatable {
    /// The sender.
    public var from: EndpointRole
    /// The exact flags, or nil for any segment.
    public var flags: TCPFlags?

    public init(from: EndpointRole, flags: TCPFlags?) {
        self.from = from
        self.flags = flags
    }

    /// True when the segment goes the right way and carries exactly the flags.
    public func matches(_ segment: Segment) -> Bool {
        segment.from == from && (flags == nil || flags == segment.flags)
    }
}

/// A `set` line.
public enum ScenarioSetting: Sendable, Equatable {
    case timeWait(ScenarioDuration)
    case msl(ScenarioDuration)
    case rto(ScenarioDuration)
    case latency(ScenarioDuration)
    case finTimeout(ScenarioDuration)
    case rfc1337(Bool)
    case retries(Int)
    case isn(EndpointRole, UInt32)
    case timestamps(Bool)
    /// `set delayed-ack on|off`: whether ACKs may wait (fact 33).
    case delayedAck(Bool)
    /// `set autoread on|off`: whether applications read data as soon as it arrives.
    case autoread(Bool)
    /// `set max-tw-buckets N` (Linux `tcp_max_tw_buckets`, fact 19): how many TIME_WAIT mini-sockets
    /// each host may hold. The simulation holds one connection per host, so 0 (a full table) is the
    /// value that changes anything.
    case maxTimeWaitBuckets(Int)
}

/// What one scenario line asks for.
public enum ScenarioAction: Sendable, Equatable {
    case set(ScenarioSetting)
    case open
    /// A new incarnation on the same 4-tuple: the client binds its old port again, with
    /// SO_REUSEADDR when `reuseAddress` (`reconnect reuseaddr`), and connects (fact 38).
    case reconnect(reuseAddress: Bool)
    case send(EndpointRole, bytes: Int)
    /// The application reads every byte that has arrived.
    case read(EndpointRole)
    case close(EndpointRole)
    case shutdown(EndpointRole)
    case abort(EndpointRole)
    /// Lose the `nth` next segment that matches.
    case drop(SegmentMatch, nth: Int)
    /// Deliver the next matching segment, and a copy of it again `after` later.
    case duplicate(SegmentMatch, after: ScenarioDuration)
    case wait(ScenarioDuration)
    case run
    case expectState(EndpointRole, TCPState)
    case expectSent(EndpointRole, TCPFlags)
    /// `expect outcome reset`: the outcome is among the run's outcomes so far.
    case expectOutcome(Outcome)
}

/// One action with the line it came from.
public struct ScenarioStep: Sendable, Equatable {
    /// The 1-based line number in the source.
    public var line: Int
    /// The line as written, without its comment.
    public var text: String
    public var action: ScenarioAction

    public init(line: Int, text: String, action: ScenarioAction) {
        self.line = line; self.text = text; self.action = action
    }
}
