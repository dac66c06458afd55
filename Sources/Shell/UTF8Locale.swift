import CEditLine
import Foundation

/// Makes sure the C library reads and writes UTF-8 whatever the user's locale, so libedit passes
/// Chinese or accented input through whole (in the "C" locale it stops at the first such byte).
enum UTF8Locale {
    static func ensure() {
        setlocale(LC_CTYPE, "")
        if isUTF8 { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8 { return }
        }
    }

    private static var isUTF8: Bool {
        guard let codeset = twlab_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
