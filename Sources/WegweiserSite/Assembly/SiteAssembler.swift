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
    public func assemble(sources: [PageSource], resources: [ContentFile]) async -> (Site?, Diagnostics) {
        var assembly = Assembly(site: Site(config: config, options: options), labels: labels)
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
        assembly.addTaxonomies()
        assembly.addNotFoundPages()
        if config.search.enabled { assembly.addSearchPages() }
        assembly.linkTranslations()
        // Events refer to contacts in their own language, which needs the translations linked.
        assembly.resolveEventReferences()
        await assembly.scheduleEvents()
        assembly.orderLists()
        assembly.findFeedLists()
        assembly.checkPathConflicts()
        assembly.addAliases()
        assembly.addResources(resources)
        guard !assembly.diagnostics.hasErrors else { return (nil, assembly.diagnostics) }
        await assembly.renderBodies()
        return (assembly.site, assembly.diagnostics)
    }
}

/// The state of one assembly; each method is one step.
struct Assembly {
    var site: Site
    let labels: SiteLabels
    var diagnostics = Diagnostics()
    var groups: [TranslationGroup] = []
    var tree = SectionTree(groups: [], defaultLanguage: LanguageCode("de")!)
    /// The source whose body each page shows.
    var bodies: [PageID: PageSource] = [:]
    /// Section path → language → the section's page.
    var sectionPages: [String: [LanguageCode: PageID]] = [:]
    /// Drafts and future pages left out of this build: logical path → language → file, so a link to one can say so.
    var unpublished: [String: [LanguageCode: String]] = [:]
    /// Typed fields per source file and type, read once.
    var typedFieldsCache: [String: TypedFields] = [:]

    var config: SiteConfig { site.config }

    init(site: Site, labels: SiteLabels) {
        self.site = site
        self.labels = labels
    }

    /// Leaves out drafts and pages dated after `now`, unless drafts are wanted.
    func publishable(_ sources: [PageSource]) -> [PageSource] {
        sources.filter { source in
            let isFuture = source.frontMatter.date.map { $0.instant > site.options.now } ?? false
            return site.options.includeDrafts || !(source.frontMatter.draft || isFuture)
        }
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
