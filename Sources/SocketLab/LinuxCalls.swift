#if canImport(Glibc)
import Glibc
#endif

/// Linux calls that Swift's Glibc module does not expose (they are GNU extensions or variadic):
/// looked up once in the C library by name.
enum LinuxCalls {
    /// `CLONE_NEWNET` from <sched.h>.
    static let cloneNewNet: Int32 = 0x4000_0000

    private typealias UnshareFunction = @convention(c) (Int32) -> Int32
    private typealias SetnsFunction = @convention(c) (Int32, Int32) -> Int32
    private typealias IoctlFunction = @convention(c) (Int32, UInt, UnsafeMutableRawPointer?) -> Int32

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        let handle = dlopen(nil, RTLD_NOW)
        return dlsym(handle, name)
    }

    /// `unshare(flags)`; -1 with errno ENOSYS when the C library lacks it.
    static func unshare(_ flags: Int32) -> Int32 {
        guard let pointer = symbol("unshare") else { errno = ENOSYS; return -1 }
        return unsafeBitCast(pointer, to: UnshareFunction.self)(flags)
    }

    /// `setns(fd, nstype)`; -1 with errno ENOSYS when the C library lacks it.
    static func setns(_ fd: Int32, _ type: Int32) -> Int32 {
        guard let pointer = symbol("setns") else { errno = ENOSYS; return -1 }
        return unsafeBitCast(pointer, to: SetnsFunction.self)(fd, type)
    }

    /// `ioctl(fd, request, argument)` for requests that take one pointer.
    static func ioctl(_ fd: Int32, _ request: UInt, _ argument: UnsafeMutableRawPointer?) -> Int32 {
        guard let pointer = symbol("ioctl") else { errno = ENOSYS; return -1 }
        return unsafeBitCast(pointer, to: IoctlFunction.self)(fd, request, argument)
    }
}
