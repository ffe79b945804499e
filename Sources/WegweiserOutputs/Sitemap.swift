import Foundation
import WegweiserCore
import WegweiserSite

/// `sitemap.xml` files: one per language (split every 50,000 addresses, the protocol's limit) and an
/// index at the root. Each entry names its translations as `xhtml:link` hreflang alternates.
public enum Sitemap {
    static let limit = 50_000

    public static func files(for site: Site) -> [OutputFile] {
        var files: [OutputFile] = []
        var sitemaps: [URLPath] = []
        let published = site.publishedPages
        // Each page's address is written for itself and for each of its translations: made once.
        let addresses = site.pages.indices.map { site.absoluteURL(for: site.pages[$0].path).htmlEscaped }
        for language in site.languages {
            guard let home = site.homes[language.code] else { continue }
            let pages = published.filter { site[$0].language == language.code }
            let chunks = stride(from: 0, to: max(pages.count, 1), by: limit).map { Array(pages[$0..<min($0 + limit, pages.count)]) }
            for (index, chunk) in chunks.enumerated() {
                let path = site[home].path.appending(file: index == 0 ? "sitemap.xml" : "sitemap-\(index + 1).xml")
                sitemaps.append(path)
                files.append(OutputFile(path: path.outputFile, text: urlSet(chunk, site: site, addresses: addresses)))
            }
        }
        files.append(OutputFile(path: "sitemap.xml", text: index(sitemaps, site: site)))
        return files
    }

    private static func urlSet(_ pages: [PageID], site: Site, addresses: [String]) -> String {
        var xml = XMLText.declaration
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for id in pages {
            xml += "  <url>\n    <loc>\(addresses[id.rawValue])</loc>\n"
            if let date = site[id].lastmod ?? site[id].date {
                xml += "    <lastmod>\(XMLText.timestamp(date.instant))</lastmod>\n"
            }
            let translations = site.translationIDs(of: site[id]).filter { !site[$0].isFallback }
            if translations.count > 1 {
                for translation in translations {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(site[translation].language)\" href=\"\(addresses[translation.rawValue])\"/>\n"
                }
                if let main = translations.first(where: { site[$0].language == site.config.defaultLanguage }) {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(addresses[main.rawValue])\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    private static func index(_ sitemaps: [URLPath], site: Site) -> String {
        var xml = XMLText.declaration
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in sitemaps {
            xml += "  <sitemap>\n    <loc>\(site.absoluteURL(for: path).htmlEscaped)</loc>\n  </sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }
}
