import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserMarkdown

extension Assembly {
    /// Every page's Markdown rendered in its own language, resolving links between content files, on
    /// a task of its own: from a copy of the site as it is now, since only the pages' addresses and
    /// translations matter to a body. `finishBodies` takes the result.
    func renderingBodies() -> Task<BodyRendering, Never> {
        let (site, bodies, labels) = (self.site, self.bodies, self.labels)
        let makeResolver = resolverMaker()
        let cache = site.options.bodyCache
        let fingerprint = cache == nil ? 0 : renderingFingerprint()
        return Task {
            let resolver = makeResolver()
            let pages = bodies.ids
            let results = await Self.renderBodies(
                of: pages, bodies: bodies, site: site, resolver: resolver, labels: labels, cache: cache, fingerprint: fingerprint)
            return BodyRendering(pages: pages, results: results)
        }
    }

    /// Makes the link resolver of the site as it is now (its addresses, translations and files).
    private func resolverMaker() -> @Sendable () -> LinkResolver {
        let (site, bodies, unpublished) = (self.site, self.bodies, self.unpublished)
        let sectionKeys = sectionPages.compactMapValues { $0.values.first.map { site[$0].translationKey } }
        return { LinkResolver(site: site, bodies: bodies, sectionKeys: sectionKeys, unpublished: unpublished) }
    }

    /// Fills in the rendered bodies, summaries and tables of contents. A site kept for updates keeps
    /// a resolver of the finished site: the one the bodies were rendered with holds the copy they were
    /// rendered from, whose pages the last steps changed (a second copy of them, for as long as the
    /// site is served).
    mutating func finishBodies(_ rendering: BodyRendering, keepingResolver: Bool) {
        apply(rendering.results, to: rendering.pages)
        resolver = keepingResolver ? resolverMaker()() : nil
        site.options.bodyCache?.replace(with: Dictionary(rendering.results, uniquingKeysWith: { first, _ in first }))
    }

    /// Renders the bodies of `pages` with the kept resolver, taking what `cache` has; returns each
    /// page's rendering under its cache key.
    mutating func renderBodies(
        of pages: [PageID], cache: RenderedBodyCache?, fingerprint: Int
    ) async -> [(RenderedBodyCache.Key, RenderedBodyCache.Rendered)] {
        guard let resolver else { preconditionFailure("the resolver is made before any body is rendered") }
        let results = await Self.renderBodies(
            of: pages, bodies: bodies, site: site, resolver: resolver, labels: labels, cache: cache, fingerprint: fingerprint)
        apply(results, to: pages)
        return results
    }

    private static func renderBodies(
        of pages: [PageID], bodies: PageBodies, site: Site, resolver: LinkResolver, labels: SiteLabels, cache: RenderedBodyCache?,
        fingerprint: Int
    ) async -> [(RenderedBodyCache.Key, RenderedBodyCache.Rendered)] {
        await pages.concurrentMap(jobs: site.options.jobs) { id in
            let page = site[id]
            let source = bodies[id]!
            let key = RenderedBodyCache.Key(
                body: source.body, source: source.displayPath, path: page.path, language: page.language,
                isFallback: page.isFallback, site: fingerprint)
            // Cancelled when the assembly found errors: nothing is rendered for nothing.
            if Task.isCancelled {
                return (key, RenderedBodyCache.Rendered(content: .empty, summary: "", diagnostics: Diagnostics(), anchors: [], findings: []))
            }
            if let known = cache?.rendered(for: key) { return (key, known) }
            return (key, render(source, on: page, site: site, resolver: resolver, labels: labels))
        }
    }

    private mutating func apply(_ results: [(RenderedBodyCache.Key, RenderedBodyCache.Rendered)], to pages: [PageID]) {
        for (id, (_, rendered)) in zip(pages, results) {
            let source = bodies[id]!
            self.site.pages[id.rawValue].content = rendered.content
            if self.site[id].summary.isEmpty { self.site.pages[id.rawValue].summary = rendered.summary }
            report(rendered.diagnostics, for: source)
            anchorLinks[id] = rendered.anchors.isEmpty ? nil : rendered.anchors
            if keepsLinkFindings { linkFindings[id] = rendered.findings.isEmpty ? nil : rendered.findings }
        }
    }

    /// Checks the links of `pages` that name an anchor (`#fragment`): the page they lead to must have
    /// an element with that id (a heading, a footnote, an element of raw HTML), or it is `#top` or `#main`.
    mutating func checkAnchors(of pages: [PageID]) {
        for id in pages {
            guard let source = bodies[id] else { continue }
            var found = Diagnostics()
            for link in anchorLinks[id] ?? [] where !Self.hasAnchor(link.fragment, on: site[link.target]) {
                let message = "the link '\(link.destination)' leads to '#\(link.fragment)', which \(site[link.target].path) has no heading or other element with that id"
                found.append(Diagnostic(config.brokenLinks, message, at: link.location))
            }
            anchorDiagnostics[source.identity] = found.isEmpty ? nil : found
        }
    }

    static func hasAnchor(_ fragment: String, on page: Page) -> Bool {
        let id = fragment.removingPercentEncoding ?? fragment
        return ["top", "main"].contains(id) || page.content.html.contains("id=\"" + id.htmlEscaped + "\"")
    }

    /// What every body's rendering depends on besides its own text and page: where each page and file
    /// of the site is, which pages are left out, the Markdown settings and labels.
    private func renderingFingerprint() -> Int {
        var hasher = Hasher()
        for page in site.pages {
            hasher.combine(page.key)
            hasher.combine(page.sourcePath)
            hasher.combine(page.language)
            hasher.combine(page.path)
            hasher.combine(page.translationKey)
        }
        for (path, languages) in unpublished.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            for (language, file) in languages.sorted(by: { $0.key < $1.key }) {
                hasher.combine(language)
                hasher.combine(file)
            }
        }
        for resource in site.resources { hasher.combine(resource.source) }
        hasher.combine(site.config.unsafeHTML)
        hasher.combine(site.config.hardLineBreaks)
        for labels in [labels.footnoteBackLabels, labels.externalLinkLabels, labels.tableLabels] {
            for (language, label) in labels.sorted(by: { $0.key < $1.key }) {
                hasher.combine(language)
                hasher.combine(label)
            }
        }
        hasher.combine(site.config.baseURL)
        return hasher.finalize()
    }

    private static func render(
        _ source: PageSource, on page: Page, site: Site, resolver: LinkResolver, labels: SiteLabels
    ) -> RenderedBodyCache.Rendered {
        let options = MarkdownOptions(
            unsafeHTML: site.config.unsafeHTML, hardLineBreaks: site.config.hardLineBreaks,
            footnoteBackLabel: labels.footnoteBackLabels[page.language] ?? "Back to content",
            externalLinkLabel: labels.externalLinkLabels[page.language] ?? "(external link)",
            siteHosts: Set([site.config.baseURL.host].compactMap { $0 }),
            tableLabel: labels.tableLabels[page.language] ?? "Table")
        var diagnostics = Diagnostics()
        var anchors: [AnchorLink] = []
        var findings: [LinkFinding] = []
        let rendered = MarkdownRenderer(options: options).render(source.body) { link in
            // Each language version renders the same source; its problems are reported once.
            let location = SourceLocation(
                file: source.displayPath, line: link.line > 0 ? source.bodyLine + link.line - 1 : source.bodyLine, column: link.column)
            let resolution = resolver.resolve(link.destination, on: page, source: source)
            if !page.isFallback, let anchor = AnchorLink(link.destination, resolution: resolution, on: page, at: location) {
                anchors.append(anchor)
            }
            if !page.isFallback, let finding = LinkFinding(link, resolution: resolution, on: page, site: site, at: location) {
                findings.append(finding)
            }
            switch resolution {
            case .keep: return .keep
            case .replace(let url), .page(let url, _): return .replace(with: url)
            case .broken(let reason):
                if !page.isFallback { diagnostics.append(Diagnostic(site.config.brokenLinks, reason, at: location)) }
                return .keep
            case .unpublished(let reason):
                if !page.isFallback { diagnostics.warning(reason, at: location) }
                return .keep
            }
        }
        let content = PageContent(
            html: rendered.html, tableOfContents: TableOfContents.make(from: rendered.headings), plainText: rendered.plainText)
        let summary = rendered.textBeforeMoreMarker ?? Summary.shorten(rendered.firstParagraph)
        return RenderedBodyCache.Rendered(
            content: content, summary: summary, diagnostics: diagnostics, anchors: anchors, findings: findings)
    }
}

/// Bodies rendered beside the rest of the assembly: each page's rendering under its cache key.
struct BodyRendering: Sendable {
    var pages: [PageID]
    var results: [(RenderedBodyCache.Key, RenderedBodyCache.Rendered)]
}

/// A link to an anchor of a page (`#fragment`, `other.md#fragment`), checked once every body is rendered.
struct AnchorLink: Sendable, Hashable {
    var target: PageID
    var fragment: String
    var destination: String
    var location: SourceLocation

    /// The anchor a link names on the page it leads to, if it names one.
    init?(_ destination: String, resolution: LinkResolver.Resolution, on page: Page, at location: SourceLocation) {
        let target: PageID
        switch resolution {
        case .keep where destination.hasPrefix("#"): target = page.id
        case .page(_, let id): target = id
        default: return nil
        }
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        let fragment = String(destination[destination.index(after: hash)...])
        guard !fragment.isEmpty else { return nil }
        self.target = target
        self.fragment = fragment
        self.destination = destination
        self.location = location
    }
}

/// What `wegweiser check --links` reports besides broken links: images without a text alternative,
/// links that lead to another language's text, and the external links it fetches with `--external`.
public struct LinkFinding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case imageWithoutAlt
        /// The page the link leads to shows another language's text (a fallback, or the only version).
        case otherLanguage(target: String, textLanguage: LanguageCode)
        case external
    }

    public var kind: Kind
    public var destination: String
    public var location: SourceLocation

    public init(kind: Kind, destination: String, location: SourceLocation) {
        self.kind = kind
        self.destination = destination
        self.location = location
    }

    init?(_ link: MarkdownLink, resolution: LinkResolver.Resolution, on page: Page, site: Site, at location: SourceLocation) {
        if link.isImage {
            guard link.text.trimmingSpaces().isEmpty else { return nil }
            self.init(kind: .imageWithoutAlt, destination: link.destination, location: location)
            return
        }
        if Self.isWebAddress(link.destination) {
            guard case .keep = resolution else { return nil }
            self.init(kind: .external, destination: link.destination, location: location)
            return
        }
        guard case .page(_, let id) = resolution else { return nil }
        guard site[id].isFallback || site[id].language != page.language else { return nil }
        // Naming the other language's file (`jmd.de.md`) links that language on purpose.
        let file = link.destination.split(separator: "#").first.map(String.init) ?? link.destination
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let parts = name.split(separator: ".")
        if name.hasSuffix(".md"), parts.count >= 3, LanguageCode(String(parts[parts.count - 2])) == site[id].contentLanguage { return nil }
        self.init(
            kind: .otherLanguage(target: site.url(for: site[id].path), textLanguage: site[id].contentLanguage), destination: link.destination,
            location: location)
    }

    /// `http://` or `https://` in any case, checked by bytes (every link of every page asks).
    private static func isWebAddress(_ destination: String) -> Bool {
        var bytes = destination.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        var next = bytes.next()
        if next.map({ $0 | 0x20 }) == UInt8(ascii: "s") { next = bytes.next() }
        return next == UInt8(ascii: ":") && bytes.next() == UInt8(ascii: "/") && bytes.next() == UInt8(ascii: "/")
    }
}
