import WegweiserCore

/// Turns text of one language into the terms the index lists: normalized, split into words, each
/// word under its stem, and a joined word (`day-care`) also under each of its parts.
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
        return terms(text, cache: &cache)
    }

    /// The same, memoizing stems across calls.
    public func terms(_ text: String, cache: inout [String: String]) -> [String] {
        var terms: [String] = []
        for token in Tokenizer.tokens(in: TextNormalizer.normalizedScalars(text)) {
            for word in Self.words(of: token) {
                if let stem = cache[word] {
                    terms.append(stem)
                } else {
                    let stem = rules.stem(word)
                    cache[word] = stem
                    terms.append(stem)
                }
            }
        }
        return terms
    }

    /// A token's words: all its parts run together, then each part of two or more letters.
    static func words(of token: Token) -> [String] {
        guard token.parts.count > 1 else { return token.parts }
        return [token.joined] + token.parts.filter { $0.unicodeScalars.count >= 2 }
    }
}
