#if canImport(Glibc)
import Glibc
#endif

/// The symbolic name of an errno value (`EADDRINUSE`), as learners see it in man pages.
public enum ErrnoName {
    /// `EADDRINUSE` for 98, and so on; `errno N` for a value not in the list.
    public static func of(_ code: Int32) -> String {
        switch code {
        case EADDRINUSE: return "EADDRINUSE"
        case EADDRNOTAVAIL: return "EADDRNOTAVAIL"
        case ECONNRESET: return "ECONNRESET"
        case ECONNREFUSED: return "ECONNREFUSED"
        case EPIPE: return "EPIPE"
        case ETIMEDOUT: return "ETIMEDOUT"
        case EAGAIN: return "EAGAIN"
        case EINTR: return "EINTR"
        case EINPROGRESS: return "EINPROGRESS"
        case EPERM: return "EPERM"
        case EACCES: return "EACCES"
        case EINVAL: return "EINVAL"
        case ENOENT: return "ENOENT"
        case EMFILE: return "EMFILE"
        case ENFILE: return "ENFILE"
        case ENOBUFS: return "ENOBUFS"
        case ENOTCONN: return "ENOTCONN"
        case EISCONN: return "EISCONN"
        case ENETUNREACH: return "ENETUNREACH"
        case EHOSTUNREACH: return "EHOSTUNREACH"
        default: return "errno \(code)"
        }
    }
}
