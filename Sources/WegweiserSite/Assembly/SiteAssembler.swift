import Foundation
import WegweiserContent
import WegweiserCore

/// Turns checked page sources into the site model: translations, sections, permalinks, order,
/// taxonomies, redirects and rendered bodies.
public struct SiteAssembler: Sendable {
    public let config: SiteConfig
    public let options: SiteOptions
    public let labels: SiteLabels

    public init(config: SiteConfig, options: SiteOptions, labels: SiteLabels = SiteLabels()) {
        self.config = config
        self.options = options
        self.labels = labels
    }

    /// The site, or nil when an error makes a correct site impossible; the diagnostics say why.
    /// `forUpdates` keeps what an update needs (`AssembledSite.updating(with:)`, for `wegweiser serve`).
    /// `changeTimes` says when each file (by the path messages show) last changed, for translation status.
    public func assemble(
        sources: [PageSource], resources: [ContentFile], changeTimes: [String: Date] = [:], forUpdates: Bool = false
    ) async -> (AssembledSite?, Diagnostics) {
        var assembly = Assembly(site: Site(config: config, options: options), labels: labels)
        assembly.changeTimes = changeTimes
        let published = assembly.publishable(sources)
        let publishedSources = Set(published.map(\.identity))
        for source in sources where !publishedSources.contains(source.identity) {
            assembly.unpublished[source.file.logicalPath, default: [:]][source.language] = source.displayPath
        }
        assembly.groupTranslations(published)
        await assembly.decodeTypedFields()
        for language in config.languages.map(\.code) {
            assembly.addPages(in: language)
        }
        await assembly.addTaxonomies()
        assembly.addNotFoundPages()
        if config.search.enabled { assembly.addSearchPages() }
        assembly.linkTranslations()
        assembly.addResources(resources)
        // Every page has its address now, which is all a body's links need: the Markdown is rendered
        // beside the steps that follow, which change nothing a body shows.
        let bodies = assembly.renderingBodies()
        assembly.markTranslationStatus()
        // Events refer to contacts in their own language, which needs the translations linked.
        assembly.resolveEventReferences()
        await assembly.scheduleEvents()
        await assembly.orderLists()
        assembly.findFeedLists()
        assembly.checkPathConflicts()
        assembly.addAliases()
        guard !assembly.allDiagnostics.hasErrors else {
            bodies.cancel()
            return (nil, assembly.allDiagnostics)
        }
        assembly.finishBodies(await bodies.value, keepingResolver: forUpdates)
        assembly.checkAnchors(of: Array(assembly.anchorLinks.keys))
        if forUpdates { assembly.keepSources(sources) }
        let assembled = AssembledSite(assembly: assembly)
        return (assembled, assembled.diagnostics)
    }
}

/// The state of one assembly; each method is one step.
struct Assembly {
    var site: Site
    let labels: SiteLabels
    /// Problems that concern the pages and parts of the whole site.
    var diagnostics = Diagnostics()
    /// Problems of the steps that read one source alone (its typed fields, title, event references,
    /// body), by source identity: an update replaces a changed source's.
    var sourceDiagnostics: [String: Diagnostics] = [:]
    var groups: [TranslationGroup] = []
    var tree = SectionTree(groups: [], defaultLanguage: LanguageCode("de")!)
    /// The source whose body each page shows.
    var bodies = PageBodies()
    /// Section path → language → the section's page.
    var sectionPages: [String: [LanguageCode: PageID]] = [:]
    /// Drafts and future pages left out of this build: logical path → language → file, so a link to one can say so.
    var unpublished: [String: [LanguageCode: String]] = [:]
    /// Typed fields per source file and type, read once.
    var typedFieldsCache: [String: TypedFields] = [:]
    /// When each file last changed, by the path messages show.
    var changeTimes: [String: Date] = [:]
    /// Links to anchors, by the page whose body has them, and the problems found with them by source
    /// identity (an update checks again the links that lead to the pages it changed).
    var anchorLinks: [PageID: [AnchorLink]] = [:]
    var anchorDiagnostics: [String: Diagnostics] = [:]
    /// For `wegweiser check --links`, by the page whose body has them; not kept for updates.
    var linkFindings: [PageID: [LinkFinding]] = [:]
    var keepsLinkFindings = true
    /// The resolver the bodies were rendered with; it reads only addresses, which updates keep.
    var resolver: LinkResolver?
    /// For updates: the pages that show each source (by identity), the sources no page shows
    /// (drafts, future pages), and contacts by key.
    var pagesOfSource: [String: [PageID]] = [:]
    var unshownSources: [String: PageSource] = [:]
    var contacts: [String: [String]] = [:]

    var config: SiteConfig { site.config }

    /// Every problem found: the site's, then each source's in the order of their identities.
    var allDiagnostics: Diagnostics {
        var all = diagnostics
        for key in sourceDiagnostics.keys.sorted() { all.append(contentsOf: sourceDiagnostics[key]!) }
        for key in anchorDiagnostics.keys.sorted() { all.append(contentsOf: anchorDiagnostics[key]!) }
        return all
    }

    /// Records problems of one source's own steps.
    mutating func report(_ found: Diagnostics, for source: PageSource) {
        guard !found.isEmpty else { return }
        sourceDiagnostics[source.identity, default: Diagnostics()].append(contentsOf: found)
    }

    init(site: Site, labels: SiteLabels) {
        self.site = site
        self.labels = labels
    }

    /// Leaves out drafts and pages dated after `now`, unless drafts are wanted.
    func publishable(_ sources: [PageSource]) -> [PageSource] {
        sources.filter(isPublishable)
    }

    func isPublishable(_ source: PageSource) -> Bool {
        let isFuture = source.frontMatter.date.map { $0.instant > site.options.now } ?? false
        return site.options.includeDrafts || !(source.frontMatter.draft || isFuture)
    }

    mutating func groupTranslations(_ sources: [PageSource]) {
        groups = TranslationGroup.make(from: sources, diagnostics: &diagnostics)
        tree = SectionTree(groups: groups, defaultLanguage: config.defaultLanguage)
    }

    /// The ID the next appended page gets.
    var nextID: PageID { PageID(site.pages.count) }

    /// Appends a page made with `nextID` and returns its ID.
    @discardableResult
    mutating func append(_ page: Page) -> PageID {
        precondition(page.id == nextID, "pages are appended in ID order")
        site.pages.append(page)
        return page.id
    }
}

/// The source whose body each page shows, by page: an array in chunks, like the pages, so that an
/// update of one page's source does not copy every other's.
struct PageBodies: Sendable {
    private var sources = ChunkedArray<PageSource?>()

    subscript(id: PageID) -> PageSource? {
        get { id.rawValue < sources.count ? sources[id.rawValue] : nil }
        set {
            while sources.count <= id.rawValue { sources.append(nil) }
            sources[id.rawValue] = newValue
        }
    }

    /// Every page with a body and its source, in page order.
    var all: [(id: PageID, source: PageSource)] {
        sources.indices.compactMap { index in sources[index].map { (PageID(index), $0) } }
    }

    /// Every page with a body, in order (without copying the sources).
    var ids: [PageID] {
        sources.indices.filter { sources[$0] != nil }.map(PageID.init)
    }
}
