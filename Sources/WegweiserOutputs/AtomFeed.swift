import Foundation
import WegweiserCore
import WegweiserSite

/// Atom feeds (RFC 4287): `/<lang>/feed.xml` with the newest pages of a language, and
/// `/<lang>/<section>/feed.xml` per section with dated pages (`Site.feedEntries`).
public enum AtomFeed {
    public static func files(for site: Site) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in site.pages where site.hasFeed(page) {
            let entries = site.feedEntries(below: page)
            let path = page.path.appending(file: "feed.xml")
            files.append(OutputFile(path: path.outputFile, text: feed(for: page, path: path, entries: entries, site: site)))
        }
        return files
    }

    private static func feed(for list: Page, path: URLPath, entries: [Page], site: Site) -> String {
        let siteTitle = site.config.title(for: list.language)
        let title = list.kind == .home ? siteTitle : "\(list.title) – \(siteTitle)"
        let updated = entries.map { ($0.lastmod ?? $0.date!).instant }.max() ?? site.options.now
        var xml = XMLText.declaration
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(list.language)\">\n"
        xml += "  <title>\(title.htmlEscaped)</title>\n"
        xml += "  <id>\(site.absoluteURL(for: path).htmlEscaped)</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(site.absoluteURL(for: path).htmlEscaped)\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(site.absoluteURL(for: list.path).htmlEscaped)\"/>\n"
        xml += "  <updated>\(XMLText.timestamp(updated))</updated>\n"
        xml += "  <author><name>\(siteTitle.htmlEscaped)</name></author>\n"
        xml += "  <generator>Wegweiser</generator>\n"
        for page in entries { xml += entry(page, site: site) }
        return xml + "</feed>\n"
    }

    private static func entry(_ page: Page, site: Site) -> String {
        let url = site.absoluteURL(for: page.path).htmlEscaped
        let published = page.date ?? page.lastmod!
        var xml = "  <entry>\n"
        xml += "    <title>\(page.title.htmlEscaped)</title>\n"
        xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
        xml += "    <id>\(url)</id>\n"
        xml += "    <published>\(XMLText.timestamp(published.instant))</published>\n"
        xml += "    <updated>\(XMLText.timestamp((page.lastmod ?? published).instant))</updated>\n"
        if !page.summary.isEmpty { xml += "    <summary type=\"text\">\(page.summary.htmlEscaped)</summary>\n" }
        for term in page.terms { xml += "    <category term=\"\(term.name.htmlEscaped)\"/>\n" }
        xml += "    <content type=\"html\" xml:base=\"\(url)\">\(page.content.html.htmlEscaped)</content>\n"
        return xml + "  </entry>\n"
    }
}
