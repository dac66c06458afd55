import Foundation
import TCPModel

/// Builds a `SocketFilter` from the words a user typed: `--state`, `--port`, `--sport`, `--dport`.
public enum SocketFilterParser {
    /// One line naming the bad word and what would be accepted.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    /// The filter for state names (any spelling) and port numbers.
    public static func filter(states: [String], ports: [String], sourcePorts: [String],
                              destinationPorts: [String]) throws -> SocketFilter {
        var filter = SocketFilter()
        for name in states {
            for part in name.split(separator: ",") {
                guard let state = TCPState(parsing: String(part)) else {
                    let known = TCPState.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ParseError(message: "unknown TCP state '\(part)'; use one of \(known) (any case, - or _)")
                }
                filter.states.insert(state)
            }
        }
        filter.ports = try portSet(ports, option: "--port")
        filter.sourcePorts = try portSet(sourcePorts, option: "--sport")
        filter.destinationPorts = try portSet(destinationPorts, option: "--dport")
        return filter
    }

    /// Parses the shell's words: `--state X`, `--port N`, `--sport N`, `--dport N`, and a bare state
    /// name or port number as a shorthand. Returns the filter and the words it did not use.
    public static func parseWords(_ words: [String]) throws -> (filter: SocketFilter, rest: [String]) {
        var states: [String] = [], ports: [String] = [], sports: [String] = [], dports: [String] = []
        var rest: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let next: String? = index + 1 < words.count ? words[index + 1] : nil
            switch word {
            case "--state", "-s", "--port", "-p", "--sport", "--dport":
                guard let value = next else { throw ParseError(message: "\(word) needs a value") }
                switch word {
                case "--state", "-s": states.append(value)
                case "--port", "-p": ports.append(value)
                case "--sport": sports.append(value)
                default: dports.append(value)
                }
                index += 2
                continue
            default:
                if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
                    let key = String(word[..<eq]), value = String(word[word.index(after: eq)...])
                    switch key {
                    case "--state": states.append(value)
                    case "--port": ports.append(value)
                    case "--sport": sports.append(value)
                    case "--dport": dports.append(value)
                    default: rest.append(word)
                    }
                } else if TCPState(parsing: word) != nil {
                    states.append(word)
                } else if UInt16(word) != nil {
                    ports.append(word)
                } else {
                    rest.append(word)
                }
            }
            index += 1
        }
        let filter = try filter(states: states, ports: ports, sourcePorts: sports, destinationPorts: dports)
        return (filter, rest)
    }

    private static func portSet(_ values: [String], option: String) throws -> Set<UInt16> {
        var set = Set<UInt16>()
        for value in values {
            for part in value.split(separator: ",") {
                guard let port = UInt16(part.trimmingCharacters(in: .whitespaces)) else {
                    throw ParseError(message: "\(option) '\(part)' is not a port number (0–65535)")
                }
                set.insert(port)
            }
        }
        return set
    }
}
