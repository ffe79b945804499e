import Foundation
import WegweiserCore

/// How an index is laid out; the defaults suit sites from ten pages to tens of thousands.
public struct SearchIndexOptions: Sendable, Hashable {
    /// Up to this size (bytes of JSON) the index is one file; above it, a small manifest and shards.
    public var splitAbove = 256 * 1024
    /// The size a term shard aims at (about a third of it gzipped).
    public var shardSize = 16 * 1024
    /// Documents per file of document records, in a split index.
    public var documentsPerFile = 20
    /// A term lists at most this many pages, those where it weighs most: a word on every page finds
    /// nothing in particular, and its list would cost a reader more than it tells.
    public var maximumPostings = 1000
    /// Characters of text kept per page for its excerpt.
    public var excerptLength = 500

    public init() {}
}

/// A term's pages, ascending, with its weight in each (1…255).
struct Postings: Sendable, Hashable {
    var documents: [Int32] = []
    var impacts: [UInt8] = []
}

/// A language's index in memory, before it is written as files.
public struct SearchIndex: Sendable {
    public let language: LanguageCode
    public let rules: StemRules
    public let documents: [SearchDocument]
    let excerpts: [String]
    let terms: [String: Postings]
    public let options: SearchIndexOptions
    /// Roughly the bytes of the index as one file.
    let estimatedSize: Int

    /// Every term, in the order JavaScript sorts strings (by UTF-16 code units), which the engine's
    /// lookup of shards relies on.
    public var vocabulary: [String] { terms.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } }

    /// The pages of a term with their weights, for tests and tools.
    public func postings(of term: String) -> [(document: Int, impact: Int)] {
        guard let postings = terms[term] else { return [] }
        return zip(postings.documents, postings.impacts).map { (Int($0), Int($1)) }
    }
}

/// Builds the index of one language: BM25F weights per term and page, computed at build time so that
/// a query only adds numbers.
public struct SearchIndexBuilder: Sendable {
    public let language: LanguageCode
    public var options: SearchIndexOptions

    /// BM25's saturation (k1): how quickly more occurrences of a word stop adding weight. Above the
    /// usual 1.2 because the field weights already multiply each occurrence.
    static let saturation = 1.4

    public init(language: LanguageCode, options: SearchIndexOptions = SearchIndexOptions()) {
        self.language = language
        self.options = options
    }

    public func build(_ documents: [SearchDocument], jobs: Int = 1) async -> SearchIndex {
        let documents = documents.sorted { ($0.url, $0.title) < ($1.url, $1.title) }
        let analyzer = TextAnalyzer(language: language)
        let excerptLength = options.excerptLength
        // Chunks of pages share a table of stems; then their numbers are made the same for all.
        let chunks = stride(from: 0, to: documents.count, by: 128).map { Array(documents[$0..<min($0 + 128, documents.count)]) }
        let analyzedChunks = await chunks.concurrentMap(jobs: jobs, chunkSize: 1) { chunk in
            var stems = StemTable()
            var scratch = AnalyzedDocument.Scratch()
            let documents = chunk.map {
                AnalyzedDocument($0, analyzer: analyzer, excerptLength: excerptLength, stems: &stems, scratch: &scratch)
            }
            return (stems: stems.stems, documents: documents)
        }
        var vocabulary = StemTable()
        var analyzed: [AnalyzedDocument] = []
        analyzed.reserveCapacity(documents.count)
        for chunk in analyzedChunks {
            let numbers = chunk.stems.map { vocabulary.number($0) }
            for var document in chunk.documents {
                for index in document.counts.indices { document.counts[index].stem = numbers[Int(document.counts[index].stem)] }
                analyzed.append(document)
            }
        }
        var terms = await weigh(analyzed, stems: vocabulary.stems, jobs: jobs)
        let size = estimatedSize(of: terms, documents: analyzed)
        if analyzer.rules.joinsCompounds, size > options.splitAbove {
            addCompoundParts(to: &terms)
        }
        return SearchIndex(
            language: language, rules: analyzer.rules, documents: documents, excerpts: analyzed.map(\.excerpt),
            terms: quantize(terms), options: options, estimatedSize: size)
    }

    /// BM25F: per field, occurrences weighted and normalized by the field's length, summed, then
    /// saturated and multiplied by the term's rarity.
    private func weigh(_ documents: [AnalyzedDocument], stems: [Term], jobs: Int) async -> [String: [(Int32, Double)]] {
        var totalLengths = SIMD8<Double>()
        var frequency = [Int](repeating: 0, count: stems.count)
        for document in documents {
            totalLengths += document.lengths
            for (stem, _) in document.counts { frequency[Int(stem)] += 1 }
        }
        let averageLengths = (totalLengths / Double(max(1, documents.count))).replacing(with: 1, where: totalLengths .< Double(max(1, documents.count)))
        var weights = SIMD8<Double>(), lengthNormalization = SIMD8<Double>()
        for field in SearchField.allCases {
            weights[field.rawValue] = field.weight
            lengthNormalization[field.rawValue] = field.lengthNormalization
        }
        let count = Double(documents.count)
        let impacts = await documents.concurrentMap(jobs: jobs, chunkSize: 64) { [frequency, weights, lengthNormalization] document -> [(Int32, Double)] in
            let norm = 1 - lengthNormalization + lengthNormalization * document.lengths / averageLengths
            let fieldWeights = weights / norm
            return document.counts.map { stem, occurrences in
                let tf = (SIMD8<Double>(occurrences) * fieldWeights).sum()
                let df = Double(frequency[Int(stem)])
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                return (stem, idf * tf * (Self.saturation + 1) / (tf + Self.saturation))
            }
        }
        var postings = [[(Int32, Double)]](repeating: [], count: stems.count)
        for (index, list) in impacts.enumerated() {
            for (stem, impact) in list { postings[Int(stem)].append((Int32(index), impact)) }
        }
        return Dictionary(uniqueKeysWithValues: zip(stems.lazy.map(\.text), postings))
    }

    /// Lists a compound under the words it ends or starts with, where the index knows them as words of
    /// their own ("Migrationsberatung" under "beratung"), with less weight than the word itself. A split
    /// index needs this: its engine cannot scan the whole vocabulary for words that contain the query.
    private func addCompoundParts(to terms: inout [String: [(Int32, Double)]]) {
        let vocabulary = Set(terms.keys)
        var additions: [String: [Int32: Double]] = [:]
        for (term, postings) in terms {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count >= 9 else { continue }
            var parts = Set<String>()
            for split in 4...(scalars.count - 5) {
                let head = String(String.UnicodeScalarView(scalars[split...]))
                if vocabulary.contains(head) { parts.insert(head) }
                let modifier = String(String.UnicodeScalarView(scalars[..<split]))
                if vocabulary.contains(modifier) { parts.insert(modifier) }
            }
            for part in parts {
                for (document, impact) in postings {
                    additions[part, default: [:]][document] = max(additions[part]?[document] ?? 0, impact * 0.6)
                }
            }
        }
        for (part, documents) in additions {
            var merged = Dictionary(terms[part]!.map { ($0.0, $0.1) }, uniquingKeysWith: max)
            merged.merge(documents, uniquingKeysWith: max)
            terms[part] = merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Weights as integers 1…255, and each term's list cut to its strongest pages.
    private func quantize(_ terms: [String: [(Int32, Double)]]) -> [String: Postings] {
        let strongest = terms.values.lazy.flatMap { $0.map(\.1) }.max() ?? 1
        let scale = 255 / max(strongest, .leastNonzeroMagnitude)
        return terms.mapValues { list in
            var list = list
            if list.count > options.maximumPostings {
                list = Array(list.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(options.maximumPostings)).sorted { $0.0 < $1.0 }
            }
            var postings = Postings()
            postings.documents.reserveCapacity(list.count)
            postings.impacts.reserveCapacity(list.count)
            for (document, impact) in list {
                postings.documents.append(document)
                postings.impacts.append(UInt8(clamping: max(1, Int((impact * scale).rounded()))))
            }
            return postings
        }
    }

    /// Roughly the bytes of the whole index as one file: terms, postings and excerpts.
    private func estimatedSize(of terms: [String: [(Int32, Double)]], documents: [AnalyzedDocument]) -> Int {
        terms.reduce(0) { $0 + $1.key.utf8.count + 4 + $1.value.count * 6 } + documents.reduce(0) { $0 + $1.excerpt.utf8.count + 60 }
    }
}

/// A document's terms with their occurrences per field (in the lanes of `SearchField`), and its
/// fields' lengths in terms. Occurrences are whole numbers, exact in `Float`, which halves what a
/// language's analysis holds.
struct AnalyzedDocument: Sendable {
    /// Each stem of the document (its number in the table it was analyzed with) and its occurrences.
    var counts: [(stem: Int32, occurrences: SIMD8<Float>)] = []
    var lengths = SIMD8<Double>()
    var excerpt: String

    /// Where each stem number's entry is in the document being analyzed (plus one; 0 for none): an
    /// array kept from document to document instead of a dictionary per document.
    struct Scratch {
        var entries: [Int32] = []
    }

    init(_ document: SearchDocument, analyzer: TextAnalyzer, excerptLength: Int, stems: inout StemTable, scratch: inout Scratch) {
        var counts: [(stem: Int32, occurrences: SIMD8<Float>)] = []
        for field in SearchField.allCases {
            var length = 0.0
            analyzer.forEachTerm(field.text(of: document), stems: &stems) { stem in
                let number = Int(stem)
                if number >= scratch.entries.count {
                    scratch.entries.append(contentsOf: repeatElement(0, count: number + 1 - scratch.entries.count))
                }
                if scratch.entries[number] == 0 {
                    counts.append((stem, SIMD8()))
                    scratch.entries[number] = Int32(counts.count)
                }
                counts[Int(scratch.entries[number]) - 1].occurrences[field.rawValue] += 1
                length += 1
            }
            lengths[field.rawValue] = length
        }
        for (stem, _) in counts { scratch.entries[Int(stem)] = 0 }
        self.counts = counts
        excerpt = document.excerptSource(length: excerptLength)
    }
}
