import Foundation
import Testing
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether `text` is well-formed XML, read by Foundation's XML parser (libxml2).
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite struct OutputsTests {
    static let files = [
        "_index.de.md": page("Start"), "_index.en.md": page("Home"),
        "reports/a.de.md": page("A & B", "date: 2025-01-02\nlastmod: 2025-02-01\ntags: [Wohnen]"),
        "reports/a.en.md": page("A en", "date: 2025-01-02"),
        "reports/b.de.md": page("B", "date: 2025-03-01\naliases: [/alt/b/]", body: "**fett** <b>roh</b>"),
        "reports/c.de.md": page("Ohne Datum"),
    ]

    @Test func writesASitemapIndexAndOneSitemapPerLanguageWithHreflangAlternates() async throws {
        let site = try await SiteFixture(Self.files).site()
        let files = Dictionary(uniqueKeysWithValues: Sitemap.files(for: site).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(files.keys.sorted() == ["ar/sitemap.xml", "de/sitemap.xml", "en/sitemap.xml", "sitemap.xml"])
        #expect(files.values.allSatisfy(isWellFormedXML))
        let index = try #require(files["sitemap.xml"])
        #expect(index.contains("<loc>https://example.org/de/sitemap.xml</loc>"))
        let german = try #require(files["de/sitemap.xml"])
        #expect(german.contains("<loc>https://example.org/de/reports/a/</loc>\n    <lastmod>2025-01-31T23:00:00Z</lastmod>"))
        #expect(german.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/reports/a/\"/>"))
        #expect(german.contains("hreflang=\"x-default\" href=\"https://example.org/de/reports/a/\""))
        // Fallback copies are not alternates and not in the sitemap: their text is another language's.
        #expect(!(files["ar/sitemap.xml"] ?? "").contains("/ar/reports/a/"))
        #expect(!german.contains("hreflang=\"ar\" href=\"https://example.org/ar/reports/a/\""))
    }

    @Test func writesAtomFeedsPerLanguageAndSectionNewestFirst() async throws {
        let site = try await SiteFixture(Self.files).site()
        let feeds = Dictionary(uniqueKeysWithValues: AtomFeed.files(for: site).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(feeds.keys.sorted() == ["ar/feed.xml", "de/feed.xml", "de/reports/feed.xml", "en/feed.xml", "en/reports/feed.xml"])
        #expect(feeds.values.allSatisfy(isWellFormedXML))
        let german = try #require(feeds["de/feed.xml"])
        let titles = german.components(separatedBy: "<entry>\n    <title>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles == ["B", "A &amp; B"])
        #expect(german.contains("<updated>2025-02-28T23:00:00Z</updated>"))
        #expect(german.contains("<category term=\"Wohnen\"/>"))
        #expect(german.contains("&lt;strong&gt;fett&lt;/strong&gt;"))
    }

    @Test func writesRedirectsThatWorkWithoutJavaScript() async throws {
        let site = try await SiteFixture(Self.files).site()
        let redirect = try #require(Redirects.files(for: site).first)
        #expect(redirect.path == "alt/b/index.html")
        let html = String(decoding: redirect.bytes, as: UTF8.self)
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/de/reports/b/\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/de/reports/b/\">"))
        #expect(!html.contains("<script"))

        let root = String(decoding: Redirects.rootPage(for: site).bytes, as: UTF8.self)
        #expect(root.contains("<meta http-equiv=\"refresh\" content=\"0; url=/de/\">"))
        #expect(root.contains("<a href=\"/ar/\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"))
    }

    @Test func namesTheSitemapInRobotsTxt() async throws {
        let site = try await SiteFixture(Self.files).site()
        #expect(String(decoding: RobotsFile.file(for: site).bytes, as: UTF8.self) == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }
}
