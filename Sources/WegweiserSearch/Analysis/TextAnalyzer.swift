import WegweiserCore

/// Turns text of one language into the terms the index lists: normalized, split into words (a
/// joined word also into its parts), each word under its stem.
public struct TextAnalyzer: Sendable {
    public let language: LanguageCode
    public let rules: StemRules

    public init(language: LanguageCode) {
        self.language = language
        self.rules = StemRules.forLanguage(language)
    }

    /// The terms of `text`, in order, with repeats.
    public func terms(_ text: String) -> [String] {
        var cache: [String: String] = [:]
        var terms: [String] = []
        forEachTerm(text, cache: &cache) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each term of `text`, memoizing stems in `cache` across calls.
    public func forEachTerm(_ text: String, cache: inout [String: String], _ body: (String) -> Void) {
        Tokenizer.forEachWord(in: TextNormalizer.normalizedScalars(text)) { word in
            if let stem = cache[word] {
                body(stem)
            } else {
                let stem = rules.stem(word)
                cache[word] = stem
                body(stem)
            }
        }
    }
}
