/// One page as the search sees it: where it is, what it is called, and its text by field.
public struct SearchDocument: Sendable, Hashable {
    /// The page's address as links on the site write it: `/de/beratung/`.
    public var url: String
    public var title: String
    /// `report`, `contact`, `event` or `page`, for filtering.
    public var type: String
    public var summary: String
    public var headings: [String]
    /// Typed fields and taxonomy terms: services, categories, municipality, spoken languages, addresses.
    public var keywords: [String]
    public var body: String
    /// Short facts a result shows before the text (a contact's services and address).
    public var facts: [String]

    public init(
        url: String, title: String, type: String, summary: String = "", headings: [String] = [], keywords: [String] = [],
        body: String = "", facts: [String] = []
    ) {
        self.facts = facts
        self.url = url
        self.title = title
        self.type = type
        self.summary = summary
        self.headings = headings
        self.keywords = keywords
        self.body = body
    }

    /// The text a result shows its excerpt from, cut at a word: the facts, which say more in a list
    /// of results than prose, then the summary, then the body.
    func excerptSource(length: Int) -> String {
        let summary = summary.trimmingWhitespace
        let body = String(body.prefix(length * 2)).trimmingWhitespace
        var text = summary.isEmpty || body.hasPrefix(summary.prefix(40)) ? body : summary + " " + body
        if !facts.isEmpty {
            text = facts.joined(separator: " · ") + (text.isEmpty ? "" : " · " + text)
        }
        text = text.prefix(length * 2).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.count > length else { return text }
        text = String(text.prefix(length))
        if let space = text.lastIndex(where: \.isWhitespace), text.distance(from: text.startIndex, to: space) > length * 3 / 4 {
            text = String(text[..<space])
        }
        return text
    }
}

/// The fields of a document, each with its weight and length normalization (BM25F).
enum SearchField: Int, CaseIterable {
    case title, headings, keywords, summary, body

    var weight: Double {
        switch self {
        case .title: 6
        case .headings: 2
        case .keywords: 3
        case .summary: 2
        case .body: 1
        }
    }

    /// How much a longer field dilutes a word (BM25's b).
    var lengthNormalization: Double {
        switch self {
        case .title, .headings, .keywords: 0.5
        case .summary, .body: 0.75
        }
    }

    func text(of document: SearchDocument) -> String {
        switch self {
        case .title: document.title
        case .headings: document.headings.joined(separator: "\n")
        case .keywords: document.keywords.joined(separator: "\n")
        case .summary: document.summary
        case .body: document.body
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
