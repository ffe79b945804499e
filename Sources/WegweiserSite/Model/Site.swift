import Foundation
import WegweiserContent
import WegweiserCore

/// What a build takes from the command line rather than from the site.
public struct SiteOptions: Sendable {
    /// "Today", for future-dated pages; fixed by `--now` for reproducible builds.
    public var now: Date
    /// Include drafts and future-dated pages (`--drafts`).
    public var includeDrafts: Bool
    /// Parallel tasks for rendering.
    public var jobs: Int
    /// Bodies rendered by an earlier assembly, to reuse (`wegweiser serve`).
    public var bodyCache: RenderedBodyCache?

    public init(
        now: Date = Date(), includeDrafts: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        bodyCache: RenderedBodyCache? = nil
    ) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.jobs = max(1, jobs)
        self.bodyCache = bodyCache
    }
}

/// A redirect from an old or alternative address to a page.
public struct Redirect: Sendable, Hashable {
    public var from: URLPath
    public var to: URLPath
    public var language: LanguageCode
    /// The alias in front matter that asked for it.
    public var location: SourceLocation?

    public init(from: URLPath, to: URLPath, language: LanguageCode, location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.language = language
        self.location = location
    }
}

/// A file from content/ that is copied into the output beside a page or section.
public struct ResourceCopy: Sendable, Hashable {
    /// The path below content/.
    public var source: String
    public var destination: URLPath

    public init(source: String, destination: URLPath) {
        self.source = source
        self.destination = destination
    }
}

/// The whole site as a model: every page of every language, linked by ID. Immutable once assembled.
public struct Site: Sendable {
    public let config: SiteConfig
    public let options: SiteOptions
    public internal(set) var pages = ChunkedArray<Page>()
    public internal(set) var homes: [LanguageCode: PageID] = [:]
    public internal(set) var notFoundPages: [LanguageCode: PageID] = [:]
    public internal(set) var searchPages: [LanguageCode: PageID] = [:]
    /// Translation key → the page of each language (fallback pages included).
    public internal(set) var translationGroups: [String: [LanguageCode: PageID]] = [:]
    /// Per language, the taxonomy pages in configuration order.
    public internal(set) var taxonomyPages: [LanguageCode: [PageID]] = [:]
    public internal(set) var redirects: [Redirect] = []
    /// The home pages and the sections with dated pages: the lists that have an Atom feed.
    public internal(set) var feedLists: Set<PageID> = []
    public internal(set) var resources: [ResourceCopy] = []
    /// The base URL's path and the whole base URL without a trailing slash, read once: every link
    /// of every page starts with one of them.
    private let hrefPrefix: String
    private let absolutePrefix: String

    init(config: SiteConfig, options: SiteOptions) {
        self.config = config
        self.options = options
        let base = config.baseURL.path
        hrefPrefix = base.hasSuffix("/") ? String(base.dropLast()) : base
        var absolute = config.baseURL.absoluteString
        if absolute.hasSuffix("/") { absolute.removeLast() }
        absolutePrefix = absolute
    }

    /// Borrowed, not copied: a page is a large value, and most uses read one field (`site[id].title`).
    public subscript(id: PageID) -> Page {
        unsafeAddress { pages.address(of: id.rawValue) }
    }

    public var languages: [LanguageConfig] { config.languages }

    public func language(_ code: LanguageCode) -> LanguageConfig {
        config.language(code) ?? config.languages[0]
    }

    /// The same page in every language that has it, in the order of site.yaml (this page included).
    public func translations(of page: Page) -> [Page] {
        translationIDs(of: page).map { self[$0] }
    }

    /// The IDs of `translations(of:)`: no copies of the pages, for callers that read a few fields.
    public func translationIDs(of page: Page) -> [PageID] {
        guard let group = translationGroups[page.translationKey] else { return [page.id] }
        return config.languages.compactMap { group[$0.code] }
    }

    /// The page of `language` in `page`'s translation group, if that language has it.
    public func translation(of page: Page, in language: LanguageCode) -> Page? {
        translationID(of: page, in: language).map { self[$0] }
    }

    /// The ID of `page`'s version in `language`: no copy of the page, for callers that read one field.
    public func translationID(of page: Page, in language: LanguageCode) -> PageID? {
        translationGroups[page.translationKey]?[language]
    }

    /// The top-level sections of a language, for navigation.
    public func topSections(in language: LanguageCode) -> [Page] {
        guard let home = homes[language] else { return [] }
        return self[home].subsections.map { self[$0] }
    }

    /// The search engine's module, the same for every language: `/search/engine.mjs`.
    public static let searchEnginePath = URLPath(segments: ["search", "engine.mjs"], isDirectory: false)

    /// A language's search index: `/de/search-index.json` (with `/de/search-index/` when split).
    public func searchIndexPath(in language: LanguageCode) -> URLPath? {
        homes[language].map { self[$0].path.appending(file: "search-index.json") }
    }

    /// The path as a link inside the site, with the base URL's path: `/sub/de/reports/`.
    public func url(for path: URLPath) -> String {
        hrefPrefix + path.hrefEncoded
    }

    /// The path as an absolute, percent-encoded URL, for feeds, sitemaps and canonical links.
    public func absoluteURL(for path: URLPath) -> String {
        absolutePrefix + path.percentEncoded
    }
}
