/// The behaviour the simulated endpoints follow.
public enum ProfileName: String, CaseIterable, Codable, Sendable {
    /// Linux as shipped: TIME_WAIT 60 s, RTO 200 ms, orphan FIN_WAIT_2 timeout 60 s, rfc1337 off.
    case linux
    /// RFC 9293 as written: MSL 2 min (TIME_WAIT 4 min), RTO 1 s, no FIN_WAIT_2 timeout.
    case rfc9293
    /// A counterfactual for teaching: Linux with a TIME_WAIT that lasts zero.
    case noTimeWait = "no-time-wait"

    /// Reads a profile name in any case; nil for anything else.
    public init?(parsing text: String) {
        guard let profile = ProfileName(rawValue: text.lowercased()) else { return nil }
        self = profile
    }
}
