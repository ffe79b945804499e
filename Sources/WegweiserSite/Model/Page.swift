import Foundation
import WegweiserContent
import WegweiserCore

/// Addresses a page inside its `Site`.
public struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

/// What a page is, which decides its template and what it lists.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case home
    case section
    case page
    /// The list of a taxonomy's terms: `/de/tags/`.
    case taxonomy
    /// The pages that carry one term: `/de/tags/wohnen/`.
    case term
    case notFound = "404"
    /// The search page of a language: `/de/search/`.
    case search

    /// Whether the page lists other pages (and so can be paginated).
    public var isList: Bool { self == .home || self == .section || self == .term || self == .taxonomy }

    /// Pages that are tools of the site rather than content: left out of sitemaps, feeds and search.
    public var isUtility: Bool { self == .notFound || self == .search }
}

/// A term of a taxonomy as a page shows it: `Wohnen` → `/de/tags/wohnen/`.
public struct TermReference: Sendable, Hashable {
    public var taxonomy: String
    public var name: String
    public var slug: String
    public var page: PageID
    /// For spoken languages: the language the name is written in (its own).
    public var nameLanguage: LanguageCode?

    public init(taxonomy: String, name: String, slug: String, page: PageID, nameLanguage: LanguageCode? = nil) {
        self.taxonomy = taxonomy
        self.name = name
        self.slug = slug
        self.page = page
        self.nameLanguage = nameLanguage
    }
}

/// A page's Markdown body, rendered for this page's language.
public struct PageContent: Sendable, Hashable {
    public var html: String
    public var tableOfContents: [TableOfContentsEntry]
    public var plainText: String

    public init(html: String, tableOfContents: [TableOfContentsEntry], plainText: String) {
        self.html = html
        self.tableOfContents = tableOfContents
        self.plainText = plainText
    }

    public static let empty = PageContent(html: "", tableOfContents: [], plainText: "")
}

/// A heading in a table of contents, with the headings below it.
public struct TableOfContentsEntry: Sendable, Hashable {
    public var id: String
    public var title: String
    public var level: Int
    public var children: [TableOfContentsEntry]

    public init(id: String, title: String, level: Int, children: [TableOfContentsEntry] = []) {
        self.id = id
        self.title = title
        self.level = level
        self.children = children
    }
}

/// When an event takes place, seen from the build's "now".
public struct EventSchedule: Sendable, Hashable {
    /// The next starts from now on (the running one included), at most a few.
    public var upcoming: [Date]
    /// The start of the last occurrence that has begun, if any.
    public var lastStart: Date?
    /// How long each occurrence lasts.
    public var duration: TimeInterval

    public var isUpcoming: Bool { !upcoming.isEmpty }

    public init(upcoming: [Date], lastStart: Date?, duration: TimeInterval) {
        self.upcoming = upcoming
        self.lastStart = lastStart
        self.duration = duration
    }
}

/// How a page's text stands against the original of its translations (the default language's text,
/// or without one the first language's in site.yaml that has it).
public enum TranslationStatus: String, Sendable, Hashable, CaseIterable {
    case original
    case upToDate = "up to date"
    /// The original changed after this translation, and not as a `minor_edit`.
    case outdated
    /// No translation yet: the page shows another language's text.
    case fallback
}

/// One output page of the site, in one language.
public struct Page: Sendable, Identifiable {
    public let id: PageID
    public var kind: PageKind
    /// The language version the page belongs to: its URL and its interface.
    public var language: LanguageCode
    /// The language of its text; differs from `language` on a fallback page.
    public var contentLanguage: LanguageCode
    public var path: URLPath
    public var title: String
    public var summary = ""
    public var date: ContentDate?
    public var lastmod: ContentDate?
    public var weight: Int?
    /// `report`, `contact`, `event`, `page`, or a type a site defines.
    public var type: String
    /// The top-level section (`reports`), empty for pages at the top.
    public var section: String
    /// The section page this page belongs to; nil for the home page.
    public var parent: PageID?
    /// For lists: the regular pages they list, in order.
    public var children: [PageID] = []
    /// For the home page and sections: the sections below, in order.
    public var subsections: [PageID] = []
    public var terms: [TermReference] = []
    /// Pages that are translations of one another share this key.
    public var translationKey: String
    /// Shown with another language's text because this language has no translation.
    public var isFallback = false
    public var isDraft = false
    /// Listed by the site's search (front matter `search: false` leaves a page out).
    public var isSearchable = true
    public var isFuture = false
    public var layout: String?
    public var image: PageImage?
    /// The front matter, for templates.
    public var params: [String: DataNode] = [:]
    public var content = PageContent.empty
    /// Entries per page of this page's list.
    public var pageSize: Int
    /// The file it came from, as messages show it; nil for generated pages.
    public var sourcePath: String?
    /// Where each front matter field was written.
    public var fieldLocations: [String: SourceLocation] = [:]
    /// Fields whose text is in another language than `contentLanguage` (see `FrontMatter.fieldLanguages`).
    public var fieldLanguages: [String: LanguageCode] = [:]
    /// For term pages, the taxonomy key and term name; for taxonomy pages the key.
    public var taxonomy: String?
    public var aliases: [PageAlias] = []
    /// The name other pages use for this page: its file name without language (or a spreadsheet row's
    /// `key`), the same in every language: `jmd-torgau`.
    public var key = ""
    /// The checked fields of a report, contact or event.
    public var fields: TypedFields = .none
    /// For events: the directory entries named as `location` and `organizer`, in this page's language.
    public var eventPlace: PageID?
    public var eventOrganizer: PageID?
    /// For events: when they take place, seen from "now".
    public var schedule: EventSchedule?
    /// For pages of content files: how their text stands against the original; with the original.
    public var translationStatus: TranslationStatus?
    public var original: PageID?

    public init(
        id: PageID, kind: PageKind, language: LanguageCode, contentLanguage: LanguageCode, path: URLPath,
        title: String, type: String, section: String, translationKey: String, pageSize: Int
    ) {
        self.id = id
        self.kind = kind
        self.language = language
        self.contentLanguage = contentLanguage
        self.path = path
        self.title = title
        self.type = type
        self.section = section
        self.translationKey = translationKey
        self.pageSize = pageSize
    }

    /// A place in the page's source for messages: the field's value, or the file's start.
    public func location(of field: String? = nil) -> SourceLocation? {
        if let field, let location = fieldLocations[field] { return location }
        return sourcePath.map { SourceLocation(file: $0) }
    }

    /// The date lists show and sort by: `date`, else `lastmod`.
    public var displayDate: ContentDate? { date ?? lastmod }
}

extension Page {
    /// The iCalendar file beside an event's page: `/de/events/sprachcafe/sprachcafe.ics`.
    public var calendarFile: URLPath { path.appending(file: (path.segments.last ?? "event") + ".ics") }

    /// The vCard beside a contact's page: `/de/directory/jmd/jmd.vcf`.
    public var vcardFile: URLPath { path.appending(file: (path.segments.last ?? "contact") + ".vcf") }
}
