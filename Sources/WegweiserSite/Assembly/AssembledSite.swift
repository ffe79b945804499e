import Foundation
import WegweiserContent
import WegweiserCore

/// A site together with what its assembly learned (which source each page shows, the link resolver,
/// each source's own problems), so that an edit of a page's file can be applied to the pages that
/// show it instead of assembling the whole site again: `wegweiser serve` on a large site.
public struct AssembledSite: Sendable {
    var assembly: Assembly
    /// Every problem of the assembly.
    public let diagnostics: Diagnostics
    /// The pages the update that gave this site made again; none after a whole assembly.
    public let changedPages: [PageID]

    public var site: Site { assembly.site }

    /// Images without alt text, links to another language's text and external links, in the order of
    /// their files and places.
    public var linkFindings: [LinkFinding] {
        assembly.linkFindings.values.flatMap { $0 }.sorted { ($0.location, $0.destination) < ($1.location, $1.destination) }
    }

    init(assembly: Assembly, changedPages: [PageID] = []) {
        self.assembly = assembly
        self.diagnostics = assembly.allDiagnostics
        self.changedPages = changedPages
    }

    /// The site after `changed`, new readings of files this site was assembled from: the pages that
    /// show them are made again (fields, typed fields, event places and dates, body, summary) and
    /// the lists that show those pages sorted again. Nil when an edit reaches further — a page's
    /// address, language versions, terms, aliases, layout, whether it is published, a section's
    /// page, a spreadsheet row: then the site must be assembled again. A site with errors comes back
    /// as nil with its diagnostics.
    public func updating(with changed: [PageSource], changeTimes: [String: Date] = [:]) async -> (AssembledSite?, Diagnostics)? {
        var assembly = self.assembly
        assembly.changeTimes.merge(changeTimes) { _, new in new }
        // Typed fields are read once per source and type; only the changed sources' are read here.
        assembly.typedFieldsCache = [:]
        var touched: [PageID] = []
        var datedBefore: [Bool] = []
        for source in changed {
            let pages = assembly.pagesOfSource[source.identity] ?? []
            guard let old = pages.first.flatMap({ assembly.bodies[$0] }) ?? assembly.unshownSources[source.identity],
                old.file.role == .page, source.file.role == .page, Self.keepsItsPlace(old, source, isPublishable: assembly.isPublishable)
            else { return nil }
            if pages.isEmpty { assembly.unshownSources[source.identity] = source }
            assembly.sourceDiagnostics[source.identity] = nil
            datedBefore += pages.map { assembly.site[$0].displayDate != nil }
            for id in pages { assembly.replaceSource(of: id, with: source) }
            touched += pages
        }
        guard !touched.isEmpty else { return Self.result(assembly, changed: []) }
        // The original's change may outdate its translations; a translation's may bring it up to date.
        assembly.markTranslationStatus(ofGroupsOf: touched)
        var reported = Set<String>()
        for id in touched { assembly.resolveEventReferences(of: id, contacts: assembly.contacts, reported: &reported) }
        // Lists that show a changed page may order it elsewhere now (title, date, weight, schedule).
        var lists = Set<PageID>()
        for id in touched {
            if let parent = assembly.site[id].parent { lists.insert(parent) }
            lists.formUnion(assembly.site[id].terms.map(\.page))
        }
        let moved = Set(touched)
        for list in lists.sorted() { assembly.reposition(moved, in: list) }
        // Sections have a feed when a dated page lies below them.
        if zip(touched, datedBefore).contains(where: { (assembly.site[$0].displayDate != nil) != $1 }) { assembly.findFeedLists() }
        if assembly.sourceDiagnostics.values.contains(where: \.hasErrors) { return (nil, assembly.allDiagnostics) }
        _ = await assembly.renderBodies(of: touched, cache: nil, fingerprint: 0)
        // Anchors: the changed pages' own links, and the links of other pages into them.
        let linking = assembly.anchorLinks.filter { $0.value.contains { moved.contains($0.target) } }.keys
        assembly.checkAnchors(of: Array(moved.union(linking)).sorted())
        if assembly.sourceDiagnostics.values.contains(where: \.hasErrors) || assembly.anchorDiagnostics.values.contains(where: \.hasErrors) {
            return (nil, assembly.allDiagnostics)
        }
        return Self.result(assembly, changed: touched)
    }

    private static func result(_ assembly: Assembly, changed: [PageID]) -> (AssembledSite?, Diagnostics) {
        let site = AssembledSite(assembly: assembly, changedPages: changed)
        return (site, site.diagnostics)
    }

    /// The source a page of a content file was made from (nil for drafts and future pages, which no
    /// page shows): by the path of the file below content/.
    public func source(identity: String) -> PageSource? {
        assembly.pagesOfSource[identity]?.first.flatMap { assembly.bodies[$0] } ?? assembly.unshownSources[identity]
    }

    /// Whether a new reading of a file leaves everything outside its own pages as it was: the same
    /// address, translation group, type, layout, terms and aliases, and published or not as before.
    static func keepsItsPlace(_ old: PageSource, _ new: PageSource, isPublishable: (PageSource) -> Bool) -> Bool {
        let before = old.frontMatter, after = new.frontMatter
        return before.slug == after.slug && before.translationKey == after.translationKey && before.type == after.type
            && before.layout == after.layout && before.paginate == after.paginate && before.aliases == after.aliases
            && before.terms == after.terms
            && before.terms.keys.allSatisfy({ before.locations[$0] == after.locations[$0] })
            && isPublishable(old) == isPublishable(new)
    }
}

extension Assembly {
    /// Notes, for updates, every source and the pages that show it.
    mutating func keepSources(_ all: [PageSource]) {
        var pages: [String: [PageID]] = [:]
        for (id, source) in bodies.all { pages[source.identity, default: []].append(id) }
        pagesOfSource = pages
        for source in all where pages[source.identity] == nil { unshownSources[source.identity] = source }
        typedFieldsCache = [:]
        // The preview has no use for them, and an update would copy them.
        linkFindings = [:]
        keepsLinkFindings = false
    }

    /// Makes a regular page again from a new reading of its source, keeping its place in the site.
    mutating func replaceSource(of id: PageID, with source: PageSource) {
        bodies[id] = source
        var page = site[id]
        page.apply(source, isFallback: page.isFallback, now: site.options.now)
        page.content = .empty
        page.fields = typedFields(of: source, type: page.type)
        page.schedule = page.fields.event.map { event in
            Self.schedule(of: event, now: site.options.now, horizon: scheduleHorizon, timeZone: config.timeZone)
        }
        site.pages[id.rawValue] = page
        fillMissingTitle(of: id, source: source)
    }
}
