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

    /// The text a result shows its excerpt from, at most `length` characters, cut at a word, spaces
    /// collapsed: the facts, which say more in a list of results than prose, then the summary (unless
    /// the body begins with it), then the body.
    func excerptSource(length: Int) -> String {
        var pieces: [String] = []
        if !facts.isEmpty { pieces.append(facts.joined(separator: " · ")) }
        let summary = summary.trimmingWhitespace
        let opening = String(summary.unicodeScalars.prefix(40))
        let bodyOpening = body.unicodeScalars.drop { Self.isSpace($0) }.prefix(opening.unicodeScalars.count)
        if !summary.isEmpty, !bodyOpening.elementsEqual(opening.unicodeScalars) { pieces.append(summary) }
        pieces.append(body)
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(length + 1)
        var lastSpace: Int?
        var pendingSpace = false
        for (number, piece) in pieces.enumerated() {
            if number > 0, !text.isEmpty, !piece.isEmpty {
                text.append(contentsOf: " ·".unicodeScalars)
                pendingSpace = true
            }
            for scalar in piece.unicodeScalars {
                if Self.isSpace(scalar) {
                    pendingSpace = !text.isEmpty
                    continue
                }
                if pendingSpace {
                    lastSpace = text.count
                    text.append(" ")
                    pendingSpace = false
                }
                guard text.count < length else {
                    if let lastSpace, lastSpace > length * 3 / 4 { return String(encoding: text[..<lastSpace]) }
                    return String(encoding: text)
                }
                text.append(scalar)
            }
        }
        return String(encoding: text)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x0A, 0x09, 0x0D: true
        case 0..<0x80: false
        // Unicode's White_Space beyond ASCII, without a property lookup per letter of the text.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
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
