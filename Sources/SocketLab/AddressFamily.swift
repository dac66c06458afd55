/// The address family of a socket, as the file it came from says (/proc/net/tcp or /proc/net/tcp6).
public enum AddressFamily: String, Sendable, Codable {
    case ipv4
    case ipv6
}
