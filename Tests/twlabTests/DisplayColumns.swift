import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Display width measured by the C library's `wcwidth(3)` in a UTF-8 locale, independently of twlab's
/// own table: wide characters count two, combining marks none, ANSI colour sequences none.
enum DisplayColumns {
    /// wcwidth, looked up at run time: Swift's Glibc module does not export it.
    nonisolated(unsafe) private static let wcwidth: @convention(c) (Int32) -> Int32 = {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return { _ in 1 } }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// The columns `line` takes on a terminal.
    static func of(_ line: String) -> Int {
        let plain = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
        return plain.unicodeScalars.reduce(0) { total, scalar in total + max(0, Int(wcwidth(Int32(bitPattern: scalar.value)))) }
    }
}
