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
        Tokenizer.forEachWordScalars(in: TextNormalizer.normalizedScalars(text)) { word in
            let hash = WordTable.hash(word)
            if let id = stems.words.stem(of: word, hash: hash) {
                body(id)
            } else {
                let id = stems.number(Term(rules.stem(String(encoding: word))))
                stems.words.insert(word, hash: hash, stem: id)
                body(id)
            }
        }
    }
}

/// The stems of a run of documents, numbered in the order they were first met, and the stem of each
/// word seen: a document's terms are counted by number, so that each word is hashed once.
struct StemTable: Sendable {
    var words = WordTable()
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

/// The words an analyzer has seen, by their scalars, each with the number of its stem: a word is found
/// by an FNV hash of its scalars and a comparison of them, without making a string of it.
struct WordTable: Sendable {
    private struct Entry {
        var start: Int
        var length: Int
        var hash: UInt32
        var stem: Int32
    }

    /// Every word's scalars, one after another.
    private var scalars: [Unicode.Scalar] = []
    private var entries: [Entry] = []
    /// Open addressing: an index into `entries`, or -1.
    private var slots = [Int32](repeating: -1, count: 1024)

    static func hash(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for scalar in word { hash = (hash ^ scalar.value) &* 16_777_619 }
        return hash
    }

    func stem(of word: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt32) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash, entry.length == word.count, matches(entry, word) { return entry.stem }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func matches(_ entry: Entry, _ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        scalars.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = word.baseAddress else { return entry.length == 0 }
            return memcmp(base + entry.start, other, entry.length * MemoryLayout<Unicode.Scalar>.stride) == 0
        }
    }

    /// Adds a word that `stem(of:hash:)` did not find.
    mutating func insert(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt32, stem: Int32) {
        entries.append(Entry(start: scalars.count, length: word.count, hash: hash, stem: stem))
        scalars.append(contentsOf: word)
        if entries.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for index in entries.indices { place(Int32(index)) }
        } else {
            place(Int32(entries.count - 1))
        }
    }

    private mutating func place(_ index: Int32) {
        let mask = slots.count - 1
        var slot = Int(entries[Int(index)].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
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
