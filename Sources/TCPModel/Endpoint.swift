/// Which of the two simulated hosts an event or assertion is about.
public enum EndpointRole: String, CaseIterable, Codable, Sendable, Hashable {
    case client
    case server

    /// The other endpoint.
    public var peer: EndpointRole { self == .client ? .server : .client }
}
