import Foundation
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
        var cache: [Term: Term] = [:]
        var terms: [String] = []
        forEachTerm(text, cache: &cache) { terms.append($0.text) }
        return terms
    }

    /// Calls `body` with each term of `text`, memoizing stems in `cache` across calls.
    func forEachTerm(_ text: String, cache: inout [Term: Term], _ body: (Term) -> Void) {
        Tokenizer.forEachWord(in: TextNormalizer.normalizedScalars(text)) { word in
            let word = Term(word)
            if let stem = cache[word] {
                body(stem)
            } else {
                let stem = Term(rules.stem(word.text))
                cache[word] = stem
                body(stem)
            }
        }
    }
}

/// A word or stem as a dictionary key, hashed and compared by its UTF-8 bytes. `String` hashes its
/// canonical (NFC) form, normalizing every non-ASCII key on every lookup (12 % of indexing time);
/// the analyzer's words are normalized already, so their bytes are their identity.
struct Term: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: Term, rhs: Term) -> Bool {
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }
}
