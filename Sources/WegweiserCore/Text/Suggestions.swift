/// Finds the known word a user probably meant, for "did you mean …?" hints.
public enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let word = word.lowercased()
        let limit = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) || distance == best?.distance && candidate < best!.candidate {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A longer or shorter form of a name: `jmd-torgau` for `jmd`.
        return candidates.filter { candidate in
            let other = candidate.lowercased()
            return min(other.count, word.count) >= 3 && (word.hasPrefix(other) || other.hasPrefix(word))
        }.min { ($0.count, $0) < ($1.count, $1) }
    }

    /// A " did you mean 'x'?" suffix, or nothing.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of neighbours counts once.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
