import WegweiserCore

/// A file of a language's index, by its path relative to the language's folder.
public struct SearchIndexFile: Sendable, Hashable {
    public var path: String
    public var text: String
}

/// The index as JSON files, in the format `engine.mjs` reads (docs/search.md describes it).
///
/// Small sites get one file, `search-index.json`. Above `splitAbove` bytes, `search-index.json` is a
/// manifest (the analyzer, the page count and types, the first term of each shard), the terms are
/// split at term boundaries into shards of about `shardSize` bytes, and the page records into files of
/// `documentsPerFile` pages, all under `search-index/`; the engine fetches only the shards a query's
/// words fall into and the records of the results it shows.
extension SearchIndex {
    public static let format = "wegweiser-search/1"
    public static let fileName = "search-index.json"
    public static let folderName = "search-index"

    /// The files; `path` is where search-index.json lies below the site root (`de/search-index.json`),
    /// which a split index names so the engine can find its shards without being told.
    public func files(path: String = fileName) -> [SearchIndexFile] {
        let types = Array(Set(documents.map(\.type))).sorted()
        let vocabulary = vocabulary
        // Far too large to be one file: no need to write it whole first.
        if estimatedSize > 2 * options.splitAbove { return splitFiles(types: types, vocabulary: vocabulary, path: path) }
        var whole = header(types: types)
        whole += ",\"docs\":"
        appendDocuments(0..<documents.count, types: types, to: &whole)
        whole += ",\"terms\":{"
        for (index, term) in vocabulary.enumerated() {
            if index > 0 { whole += "," }
            appendTerm(term, to: &whole)
        }
        whole += "}}\n"
        guard whole.utf8.count > options.splitAbove else { return [SearchIndexFile(path: Self.fileName, text: whole)] }
        return splitFiles(types: types, vocabulary: vocabulary, path: path)
    }

    private func splitFiles(types: [String], vocabulary: [String], path: String) -> [SearchIndexFile] {
        var files: [SearchIndexFile] = []
        var shards: [(first: String, file: String)] = []
        var shard = ""
        var first: String?
        // A small split threshold (for tests, or tiny budgets) makes small shards too.
        let shardSize = min(options.shardSize, max(512, options.splitAbove / 4))
        func closeShard() {
            guard let start = first else { return }
            let name = "\(Self.folderName)/terms-\(shards.count).json"
            files.append(SearchIndexFile(path: name, text: "{\"terms\":{" + shard + "}}\n"))
            shards.append((shards.isEmpty ? "" : start, name))
            shard = ""
            first = nil
        }
        for term in vocabulary {
            if first == nil { first = term } else { shard += "," }
            appendTerm(term, to: &shard)
            if shard.utf8.count >= shardSize { closeShard() }
        }
        closeShard()
        let chunk = options.documentsPerFile
        for start in stride(from: 0, to: documents.count, by: chunk) {
            var text = "{\"docs\":"
            appendDocuments(start..<min(start + chunk, documents.count), types: types, to: &text)
            text += "}\n"
            files.append(SearchIndexFile(path: "\(Self.folderName)/docs-\(start / chunk).json", text: text))
        }
        let typeIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        var manifest = header(types: types)
        manifest += ",\"path\":"
        JSONText.appendQuoted(path, to: &manifest)
        manifest += ",\"count\":\(documents.count),\"docTypes\":"
        manifest += JSONText.encode(documents.map { typeIndex[$0.type]! })
        manifest += ",\"docChunk\":\(chunk),\"docPath\":\"\(Self.folderName)/docs-\",\"shards\":"
        manifest += JSONText.encode(shards.map { [$0.first, $0.file] })
        manifest += "}\n"
        return [SearchIndexFile(path: Self.fileName, text: manifest)] + files
    }

    private func header(types: [String]) -> String {
        var text = "{\"format\":\"\(Self.format)\",\"language\":"
        JSONText.appendQuoted(language.rawValue, to: &text)
        text += ",\"analyzer\":" + JSONText.encode(rules.jsonValue) + ",\"types\":" + JSONText.encode(types)
        return text
    }

    /// `[url, title, type, excerpt text]` per page.
    private func appendDocuments(_ range: Range<Int>, types: [String], to text: inout String) {
        text += "["
        for index in range {
            let document = documents[index]
            if index > range.lowerBound { text += "," }
            text += "["
            JSONText.appendQuoted(document.url, to: &text)
            text += ","
            JSONText.appendQuoted(document.title, to: &text)
            text += ",\(types.firstIndex(of: document.type)!),"
            JSONText.appendQuoted(excerpts[index], to: &text)
            text += "]"
        }
        text += "]"
    }

    /// `"term":[first page, weight, gap to the next page, weight, …]`.
    private func appendTerm(_ term: String, to text: inout String) {
        let postings = terms[term]!
        JSONText.appendQuoted(term, to: &text)
        // The numbers as bytes, appended to the text once: a string append per number and comma
        // was most of writing an index.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.documents.count * 8 + 3)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: "["))
        var previous: Int32 = 0
        for (index, document) in postings.documents.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.appendDecimal(Int(document - previous))
            bytes.append(UInt8(ascii: ","))
            bytes.appendDecimal(Int(postings.impacts[index]))
            previous = document
        }
        bytes.append(UInt8(ascii: "]"))
        text += String(decoding: bytes, as: UTF8.self)
    }
}
