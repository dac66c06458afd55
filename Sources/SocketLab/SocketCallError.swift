#if canImport(Glibc)
import Glibc
#endif

/// A socket system call that failed, with the errno it returned.
public struct SocketCallError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The call, for example `connect`.
    public var call: String
    public var code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// The errno name, for example `EADDRNOTAVAIL`.
    public var name: String { ErrnoName.of(code) }

    public var description: String { "\(call)() failed with \(name) (\(String(cString: strerror(code))))" }
}
