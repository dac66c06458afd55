/// Finds a sequence inside another in time linear in both lengths (Knuth–Morris–Pratt), so that
/// checking a long text against a long answer never takes quadratic time.
enum LinearSearch {
    /// True when `needle` occurs in `haystack` at a start position that `accept` agrees to.
    /// Every occurrence is offered to `accept`, in order, until it returns true.
    static func firstMatch<Element: Equatable>(of needle: [Element], in haystack: [Element],
                                               where accept: (Int) -> Bool) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        // failure[i]: the length of the longest proper prefix of needle[0...i] that is also its suffix.
        var failure = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in 1..<needle.count {
            while length > 0, needle[index] != needle[length] { length = failure[length - 1] }
            if needle[index] == needle[length] { length += 1 }
            failure[index] = length
        }
        var matched = 0
        for (index, element) in haystack.enumerated() {
            while matched > 0, element != needle[matched] { matched = failure[matched - 1] }
            if element == needle[matched] { matched += 1 }
            if matched == needle.count {
                if accept(index + 1 - needle.count) { return true }
                matched = failure[matched - 1]
            }
        }
        return false
    }
}
