/// How an experiment was isolated from the host.
public enum Isolation: String, Sendable, Codable {
    /// Run on the host's own loopback interface, with the host's sysctls (only for experiments that
    /// change no sysctl).
    case hostLoopback = "host-loopback"
    /// Run as root in a fresh network namespace with its own loopback and its own net.ipv4 sysctls.
    case networkNamespace = "network-namespace"
    /// Run as an ordinary user inside a new user namespace that owns a new network namespace.
    case userNetworkNamespace = "user-network-namespace"
}
