#if canImport(Glibc)
import Rendering
import Glibc
#endif
import Foundation
import Testing


/// The C library's wcwidth(3), looked up at run time: Swift's Glibc module does not export it (it is
/// declared only under _XOPEN_SOURCE), but the function itself is in libc.
private let libcWidth: @convention(c) (Int32) -> Int32 = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return { _ in -2 } }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

@Suite struct DisplayWidthTests {
    // Widths from Unicode's East Asian Width property (UAX #11): W and F take two columns.
    @Test func countsWideCharactersTwice() {
        #expect(DisplayWidth.of("时间等待") == 8)
        #expect(DisplayWidth.of("TIME_WAIT 状态") == 14)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)       // fullwidth Latin
        #expect(DisplayWidth.of("한국어") == 6)         // Hangul syllables
        #expect(DisplayWidth.of("カタカナ") == 8)
    }

    @Test func countsNarrowAndCombiningCharacters() {
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)   // e + combining acute accent
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)    // zero width space
    }

    @Test func ignoresAnsiColourSequences() {
        #expect(DisplayWidth.of("\u{1B}[1;36mtwlab\u{1B}[0m> ") == 7)
        #expect(DisplayWidth.of("\u{1B}[31m时间\u{1B}[0m") == 4)
    }

    /// Cross-checks against the C library's wcwidth(3) in a UTF-8 locale, an independent table.
    @Test func agreesWithTheCLibrary() throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        defer { if let previous { setlocale(LC_CTYPE, previous) } }
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "the C.UTF-8 locale is needed for this comparison")
        let samples: [UInt32] = [0x41, 0x7A, 0xE9, 0x301, 0x4E00, 0x65F6, 0x95F4, 0x7B49, 0x5F85, 0x3042, 0x30AB,
                                 0xAC00, 0xD55C, 0xFF21, 0xFF61, 0x3000, 0x3002, 0xFF0C, 0x20AC, 0x2500, 0x1F600]
        for value in samples {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.of(scalar) == Int(libcWidth(Int32(bitPattern: value))), "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}
