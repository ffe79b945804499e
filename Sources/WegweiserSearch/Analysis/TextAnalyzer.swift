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
        var stems = StemTable()
        var numbers: [Int32] = []
        forEachTerm(text, stems: &stems) { numbers.append($0) }
        return numbers.map { stems.stems[Int($0)].text }
    }

    /// Calls `body` with the number of each term of `text` in `stems`, which remembers the stem of
    /// every word it has seen (most words recur from page to page).
    func forEachTerm(_ text: String, stems: inout StemTable, _ body: (Int32) -> Void) {
        Tokenizer.forEachWord(in: TextNormalizer.normalizedScalars(text)) { word in
            let word = Term(word)
            if let id = stems.ofWord[word] {
                body(id)
            } else {
                let id = stems.number(Term(rules.stem(word.text)))
                stems.ofWord[word] = id
                body(id)
            }
        }
    }
}

/// The stems of a run of documents, numbered in the order they were first met, and the stem of each
/// word seen: a document's terms are counted by number, so that each word is hashed once.
struct StemTable: Sendable {
    var ofWord: [Term: Int32] = [:]
    var numbers: [Term: Int32] = [:]
    var stems: [Term] = []

    mutating func number(_ stem: Term) -> Int32 {
        if let known = numbers[stem] { return known }
        let number = Int32(stems.count)
        numbers[stem] = number
        stems.append(stem)
        return number
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
