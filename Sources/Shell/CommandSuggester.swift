/// Finds the real command closest to a mistyped one, for "did you mean …?".
public enum CommandSuggester {
    /// The name in `names` closest to `word` by edit distance (ignoring case), or nil when none is
    /// close enough to be a plausible typo. A name that starts with `word` also counts as close.
    public static func closest(to word: String, among names: [String]) -> String? {
        let typed = word.lowercased()
        guard !typed.isEmpty, typed.count <= 40 else { return nil }
        let allowed = typed.count <= 3 ? 1 : (typed.count <= 6 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for name in names {
            let candidate = name.lowercased()
            var distance = editDistance(typed, candidate)
            if typed.count >= 2, candidate.hasPrefix(typed) { distance = min(distance, 1) }
            guard distance <= allowed else { continue }
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        return best?.name
    }

    /// The Levenshtein distance between two strings, counted in characters: the fewest insertions,
    /// deletions and substitutions that turn `a` into `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
