import TCPModel

/// The TCP state machine as a graph: the states, the transitions between them with their labels,
/// and which transitions belong to closing a connection. One value serves every picture of it
/// (text, DOT, Mermaid), so they cannot disagree.
public struct StateMachineGraph: Sendable, Equatable {
    /// One arrow of the state machine.
    public struct Transition: Sendable, Equatable {
        /// The state the arrow leaves.
        public var from: TCPState
        /// The state the arrow enters.
        public var to: TCPState
        /// What makes the transition happen, for example `rcv FIN / snd ACK`.
        public var label: String
        /// True for the transitions of closing an established connection (drawn emphasised).
        public var isClosePath: Bool
    }

    /// The behaviour whose timer values the labels show.
    public var profile: ProfileName
    /// Every transition drawn, opening ones first.
    public var transitions: [Transition]
    /// Lines said under the picture: what is left out, and what the profile changes.
    public var footnotes: [String]

    /// The state machine of RFC 9293 §3.3.2 (plus FIN_WAIT_1 → TIME_WAIT on a FIN that also
    /// acknowledges ours), with the TIME_WAIT timer of `profile`.
    public init(profile: ProfileName = .linux) {
        self.profile = profile
        func edge(_ from: TCPState, _ to: TCPState, _ label: String, close: Bool = false) -> Transition {
            Transition(from: from, to: to, label: label, isClosePath: close)
        }
        transitions = [
            edge(.closed, .listen, "passive open"),
            edge(.closed, .synSent, "active open / snd SYN"),
            edge(.listen, .synReceived, "rcv SYN / snd SYN,ACK"),
            edge(.synSent, .synReceived, "rcv SYN / snd ACK"),
            edge(.synSent, .established, "rcv SYN,ACK / snd ACK"),
            edge(.synReceived, .established, "rcv ACK"),
            edge(.established, .finWait1, "close / snd FIN", close: true),
            edge(.established, .closeWait, "rcv FIN / snd ACK", close: true),
            edge(.finWait1, .finWait2, "rcv ACK", close: true),
            edge(.finWait1, .closing, "rcv FIN / snd ACK", close: true),
            edge(.finWait1, .timeWait, "rcv FIN,ACK / snd ACK", close: true),
            edge(.finWait2, .timeWait, "rcv FIN / snd ACK", close: true),
            edge(.closing, .timeWait, "rcv ACK", close: true),
            edge(.closeWait, .lastAck, "close / snd FIN", close: true),
            edge(.lastAck, .closed, "rcv ACK", close: true),
            edge(.timeWait, .closed, Self.timeWaitLabel(profile), close: true),
        ]
        var notes = ["Not drawn: a RST moves any state to CLOSED; close in LISTEN or SYN_SENT closes at once."]
        switch profile {
        case .linux, .noTimeWait:
            notes.append("Linux: an orphaned FIN_WAIT_2 (its socket closed) goes to CLOSED after tcp_fin_timeout, 60 s.")
        case .rfc9293:
            notes.append("RFC 9293: MSL is 2 minutes, so TIME_WAIT lasts 4 minutes; FIN_WAIT_2 has no timeout.")
        }
        footnotes = notes
    }

    /// How long TIME_WAIT lasts under the profile, as an arrow label.
    public static func timeWaitLabel(_ profile: ProfileName) -> String {
        switch profile {
        case .linux: return "after 60 s (Linux)"
        case .rfc9293: return "after 2×MSL = 240 s"
        case .noTimeWait: return "at once (no-time-wait)"
        }
    }

    /// The states in the order they are drawn, each once.
    public var states: [TCPState] { TCPState.allCases }

    /// True when the state is passed through while closing.
    public func isCloseState(_ state: TCPState) -> Bool {
        state != .closed && transitions.contains { $0.isClosePath && ($0.from == state || $0.to == state) }
    }
}
