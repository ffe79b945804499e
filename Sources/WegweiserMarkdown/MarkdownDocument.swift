import WegweiserCore

/// A link or image destination as written in a Markdown body, with its place in the body.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    /// Line and column in the Markdown body (1-based); 0 when cmark-gfm does not know (autolinks).
    public var line: Int
    public var column: Int
    public var isImage: Bool
    /// For images: the alternative text; for links: the link text.
    public var text: String

    public init(destination: String, line: Int, column: Int, isImage: Bool, text: String) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
        self.text = text
    }
}

/// What to do with a link while rendering.
public enum LinkRewrite: Sendable, Hashable {
    case keep
    case replace(with: String)
}

/// A heading of a rendered body, for its id and the table of contents.
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading as plain text.
    public var text: String

    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}

/// A Markdown body turned into HTML, with what lists, feeds, search and link checks need.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var headings: [MarkdownHeading]
    /// The whole body as plain text, blocks separated by newlines.
    public var plainText: String
    /// The first paragraph as plain text: a page's summary when it has none of its own.
    public var firstParagraph: String
    /// The plain text before a `<!--more-->` line, when the body has one: an author-chosen summary.
    public var textBeforeMoreMarker: String?
    /// Every link and image as written, before any rewrite.
    public var links: [MarkdownLink]

    public init(
        html: String, headings: [MarkdownHeading], plainText: String, firstParagraph: String,
        textBeforeMoreMarker: String? = nil, links: [MarkdownLink]
    ) {
        self.html = html
        self.headings = headings
        self.plainText = plainText
        self.firstParagraph = firstParagraph
        self.textBeforeMoreMarker = textBeforeMoreMarker
        self.links = links
    }
}

/// How Markdown is read and written.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through (with GFM's tag filter) instead of dropping it.
    public var unsafeHTML: Bool
    /// Turn every line break inside a paragraph into `<br>`.
    public var hardLineBreaks: Bool
    /// The accessible label of a footnote's link back to its reference, in the page's language.
    public var footnoteBackLabel: String
    /// Ids the page's template uses (the skip link's target), which headings must not take.
    public var reservedIDs: Set<String>
    /// Hidden text after a link that leaves the site, in the page's language: "(external link)".
    public var externalLinkLabel: String
    /// The site's own hosts: an http(s) link to any other host is marked as external.
    public var siteHosts: Set<String>
    /// The accessible name of the region a table scrolls in, in the page's language: "Table".
    public var tableLabel: String

    public init(
        unsafeHTML: Bool = false, hardLineBreaks: Bool = false, footnoteBackLabel: String = "Back to content",
        reservedIDs: Set<String> = ["main"], externalLinkLabel: String = "(external link)", siteHosts: Set<String> = [],
        tableLabel: String = "Table"
    ) {
        self.unsafeHTML = unsafeHTML
        self.hardLineBreaks = hardLineBreaks
        self.footnoteBackLabel = footnoteBackLabel
        self.reservedIDs = reservedIDs
        self.externalLinkLabel = externalLinkLabel
        self.siteHosts = Set(siteHosts.map { $0.lowercased() })
        self.tableLabel = tableLabel
    }
}
