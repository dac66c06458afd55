/// One of the eleven states of a TCP endpoint (RFC 9293 §3.3.2), named as Linux names them.
public enum TCPState: String, CaseIterable, Codable, Sendable, Hashable {
    case closed = "CLOSED"
    case listen = "LISTEN"
    case synSent = "SYN_SENT"
    case synReceived = "SYN_RECEIVED"
    case established = "ESTABLISHED"
    case finWait1 = "FIN_WAIT_1"
    case finWait2 = "FIN_WAIT_2"
    case closeWait = "CLOSE_WAIT"
    case closing = "CLOSING"
    case lastAck = "LAST_ACK"
    case timeWait = "TIME_WAIT"

    /// Reads a state name in any usual spelling: `TIME_WAIT`, `time-wait`, `TIME-WAIT`, `timewait`,
    /// `FIN_WAIT2`, `fin-wait-2`, `SYN_RECV`, `estab`. Returns nil for anything else.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).uppercased()
            .filter { $0 != "_" && $0 != "-" && $0 != " " }
        switch key {
        case "CLOSED", "CLOSE": self = .closed
        case "LISTEN": self = .listen
        case "SYNSENT": self = .synSent
        case "SYNRECEIVED", "SYNRECV", "SYNRCVD": self = .synReceived
        case "ESTABLISHED", "ESTAB": self = .established
        case "FINWAIT1": self = .finWait1
        case "FINWAIT2": self = .finWait2
        case "CLOSEWAIT": self = .closeWait
        case "CLOSING": self = .closing
        case "LASTACK": self = .lastAck
        case "TIMEWAIT": self = .timeWait
        default: return nil
        }
    }

    /// The canonical spelling, for example `TIME_WAIT`.
    public var name: String { rawValue }
}

import Foundation
