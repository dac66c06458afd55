/// The control bits a simulated segment can carry.
public struct TCPFlags: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let syn = TCPFlags(rawValue: 1 << 0)
    public static let fin = TCPFlags(rawValue: 1 << 1)
    public static let rst = TCPFlags(rawValue: 1 << 2)
    public static let psh = TCPFlags(rawValue: 1 << 3)
    public static let ack = TCPFlags(rawValue: 1 << 4)

    /// The flags in canonical order, with their names.
    public static let named: [(name: String, flag: TCPFlags)] = [
        ("SYN", .syn), ("FIN", .fin), ("RST", .rst), ("PSH", .psh), ("ACK", .ack),
    ]

    /// Reads flags written as `FIN|ACK`, `ack+fin` or `FIN,ACK`, in any order and case.
    /// Returns nil when a name is not a flag or the text is empty.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "|" || $0 == "+" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard !parts.isEmpty else { return nil }
        var flags: TCPFlags = []
        for part in parts {
            guard let match = TCPFlags.named.first(where: { $0.name == part }) else { return nil }
            flags.insert(match.flag)
        }
        self = flags
    }

    /// The flags in canonical order joined by `|`, for example `FIN|ACK`; `-` when none is set.
    public var description: String {
        let names = TCPFlags.named.filter { contains($0.flag) }.map(\.name)
        return names.isEmpty ? "-" : names.joined(separator: "|")
    }
}

import Foundation
