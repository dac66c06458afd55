#if canImport(Glibc)
import Glibc
#endif

/// The running kernel's release string and version numbers.
public struct KernelRelease: Sendable {
    /// As `uname -r` prints it, for example `6.18.44`.
    public var text: String
    public var major: Int
    public var minor: Int

    /// The running kernel.
    public static var current: KernelRelease {
        var names = utsname()
        uname(&names)
        let text = withUnsafeBytes(of: &names.release) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return KernelRelease(text: text)
    }

    public init(text: String) {
        self.text = text
        let numbers = text.split(whereSeparator: { !$0.isNumber }).prefix(2).map { Int($0) ?? 0 }
        major = numbers.first ?? 0
        minor = numbers.count > 1 ? numbers[1] : 0
    }

    /// True from `major.minor` on.
    public func isAtLeast(_ major: Int, _ minor: Int) -> Bool {
        self.major > major || (self.major == major && self.minor >= minor)
    }
}
