/// The busy-client arithmetic as a small discrete-event model: one client connecting to one
/// destination (IP and port) at a steady rate, closing each connection at once so that every one
/// leaves a TIME_WAIT holding its local port (facts 13, 16, 20, 31).
public struct PortModel: Sendable {
    /// The local port range, inclusive (Linux default 32768–60999, fact 20).
    public var firstPort: Int
    public var lastPort: Int
    /// New connections per second.
    public var rate: Double
    /// How long each TIME_WAIT lasts.
    public var timeWaitMs: Int64
    /// How long to model.
    public var durationMs: Int64
    /// Linux `tcp_tw_reuse` for outgoing connections: a TIME_WAIT port may be reused after `reuseDelayMs`.
    public var twReuse: Bool
    /// `tcp_tw_reuse_delay` (default 1000 ms, fact 17).
    public var reuseDelayMs: Int64

    public init(firstPort: Int = 32_768, lastPort: Int = 60_999, rate: Double, timeWaitMs: Int64 = 60_000,
                durationMs: Int64 = 120_000, twReuse: Bool = false, reuseDelayMs: Int64 = 1_000) {
        self.firstPort = firstPort; self.lastPort = lastPort; self.rate = rate; self.timeWaitMs = timeWaitMs
        self.durationMs = durationMs; self.twReuse = twReuse; self.reuseDelayMs = reuseDelayMs
    }

    /// How many local ports there are.
    public var ports: Int { max(0, lastPort - firstPort + 1) }

    /// How long a port stays unusable for a new connect().
    public var portHoldMs: Int64 { twReuse ? min(reuseDelayMs, timeWaitMs) : timeWaitMs }

    /// The highest steady rate that never runs out of ports: ports ÷ hold time.
    public var sustainableRate: Double {
        portHoldMs <= 0 ? .infinity : Double(ports) / (Double(portHoldMs) / 1_000)
    }

    /// One sample of the model.
    public struct Sample: Sendable, Equatable {
        public var timeMs: Int64
        /// Sockets in TIME_WAIT.
        public var timeWait: Int
        /// connect() calls that failed with EADDRNOTAVAIL so far.
        public var failedSoFar: Int
    }

    /// What the model found.
    public struct Result: Sendable {
        public var samples: [Sample]
        /// When connect() first failed with EADDRNOTAVAIL, if it did.
        public var firstFailureMs: Int64?
        public var attempted: Int
        public var succeeded: Int
        public var failed: Int
        public var peakTimeWait: Int
    }

    /// Runs the model in 10 ms steps, taking `sampleCount` evenly spaced samples.
    public func run(sampleCount: Int = 24) -> Result {
        let tick: Int64 = 10
        let ticks = Int(max(1, durationMs / tick))
        let holdTicks = Int(max(0, portHoldMs / tick))
        let waitTicks = Int(max(0, timeWaitMs / tick))
        var created = [Int](repeating: 0, count: ticks + 1)
        var busy = 0, population = 0
        var carry = 0.0
        var attempted = 0, succeeded = 0, failed = 0, peak = 0
        var firstFailure: Int64?
        var samples: [Sample] = []
        let every = max(1, ticks / max(1, sampleCount))
        for t in 0..<ticks {
            if holdTicks > 0, t >= holdTicks { busy -= created[t - holdTicks] }
            if waitTicks > 0, t >= waitTicks { population -= created[t - waitTicks] }
            carry += rate * Double(tick) / 1_000
            let wanted = Int(carry)
            carry -= Double(wanted)
            attempted += wanted
            let free = ports - busy
            let ok = holdTicks == 0 ? wanted : max(0, min(wanted, free))
            if ok < wanted {
                failed += wanted - ok
                if firstFailure == nil { firstFailure = Int64(t) * tick }
            }
            succeeded += ok
            created[t] = waitTicks > 0 || holdTicks > 0 ? ok : 0
            if holdTicks > 0 { busy += ok }
            if waitTicks > 0 { population = min(ports, population + ok) }
            peak = max(peak, population)
            if t % every == every - 1 || t == ticks - 1 {
                samples.append(Sample(timeMs: Int64(t + 1) * tick, timeWait: population, failedSoFar: failed))
            }
        }
        return Result(samples: samples, firstFailureMs: firstFailure, attempted: attempted, succeeded: succeeded,
                      failed: failed, peakTimeWait: peak)
    }
}
