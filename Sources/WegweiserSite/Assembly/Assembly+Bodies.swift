import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserMarkdown

extension Assembly {
    /// Renders every page's Markdown in its own language, resolving links between content files,
    /// and fills in summaries and tables of contents.
    mutating func renderBodies() async {
        let site = self.site
        let sectionKeys = sectionPages.compactMapValues { $0.values.first.map { site[$0].translationKey } }
        let resolver = LinkResolver(site: site, bodies: bodies, sectionKeys: sectionKeys, unpublished: unpublished)
        let labels = self.labels
        let work = bodies.sorted { $0.key < $1.key }
        let results = await work.concurrentMap(jobs: site.options.jobs) { id, source in
            Self.render(source, on: site[id], site: site, resolver: resolver, labels: labels)
        }
        for ((id, _), (content, summary, found)) in zip(work, results) {
            self.site.pages[id.rawValue].content = content
            if self.site[id].summary.isEmpty { self.site.pages[id.rawValue].summary = summary }
            diagnostics.append(contentsOf: found)
        }
    }

    private static func render(
        _ source: PageSource, on page: Page, site: Site, resolver: LinkResolver, labels: SiteLabels
    ) -> (PageContent, String, Diagnostics) {
        let options = MarkdownOptions(
            unsafeHTML: site.config.unsafeHTML, hardLineBreaks: site.config.hardLineBreaks,
            footnoteBackLabel: labels.footnoteBackLabels[page.language] ?? "Back to content")
        var diagnostics = Diagnostics()
        let rendered = MarkdownRenderer(options: options).render(source.body) { link in
            switch resolver.resolve(link.destination, on: page, source: source) {
            case .keep: return .keep
            case .replace(let url): return .replace(with: url)
            case .broken(let reason):
                // Each language version renders the same source; report its problems once.
                if !page.isFallback {
                    let line = link.line > 0 ? source.bodyLine + link.line - 1 : source.bodyLine
                    diagnostics.warning(reason, at: SourceLocation(file: source.displayPath, line: line, column: link.column))
                }
                return .keep
            }
        }
        let content = PageContent(
            html: rendered.html, tableOfContents: TableOfContents.make(from: rendered.headings), plainText: rendered.plainText)
        let summary = rendered.textBeforeMoreMarker ?? Summary.shorten(rendered.firstParagraph)
        return (content, summary, diagnostics)
    }
}
