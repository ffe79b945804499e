import Foundation
import Testing
import WegweiserCore
import WegweiserSite
import WegweiserTemplates
import WegweiserTestSupport

@Suite struct RenderContextTests {
    static let files = [
        "_index.de.md": page("Start"), "_index.en.md": page("Home"),
        "reports/a.de.md": page("A", "date: 2025-01-02"), "reports/a.en.md": page("A en"),
        "reports/b.de.md": page("B"),
    ]

    func context(_ path: String) async throws -> [String: Any] {
        let site = try await SiteFixture(Self.files).site()
        let strings = UIStrings(tables: [
            LanguageCode("en")!: ["fallback_notice": "Not in {language} yet; shown in {source}.", "page_of": "Page {current} of {total}"]
        ])
        let page = try #require(site.page(at: path))
        let context = RenderContextBuilder(site: site, strings: strings).context(for: page, pager: site.pagerPages(for: page)[0])
        return try #require(context.plain as? [String: Any])
    }

    @Test func linksEveryLanguageInTheSwitcherAndOnlyRealTranslationsAsAlternates() async throws {
        let context = try await context("/de/reports/a/")
        let switcher = try #require(context["translations"] as? [[String: Any]])
        #expect(switcher.map { $0["url"] as? String } == ["/de/reports/a/", "/en/reports/a/", "/ar/reports/a/"])
        #expect(switcher.map { $0["is_current"] as? Bool } == [true, false, false])
        let alternates = try #require(context["alternates"] as? [[String: Any]])
        #expect(alternates.map { $0["hreflang"] as? String } == ["de", "en", "x-default"])
    }

    @Test func marksAFallbackPageAndPointsItsCanonicalAtTheOriginal() async throws {
        let context = try await context("/en/reports/b/")
        let page = try #require(context["page"] as? [String: Any])
        #expect(page["is_fallback"] as? Bool == true)
        #expect(page["lang"] as? String == "de")
        #expect(page["fallback_notice"] as? String == "Not in English yet; shown in German.")
        #expect(context["canonical"] as? String == "https://example.org/de/reports/b/")
        #expect((context["alternates"] as? [[String: Any]])?.isEmpty == true)
        let language = try #require(context["language"] as? [String: Any])
        #expect(language["code"] as? String == "en")
    }

    @Test func givesDatesForTheDatetimeAttributeAndForReading() async throws {
        let page = try #require(try await context("/de/reports/a/")["page"] as? [String: Any])
        let date = try #require(page["date"] as? [String: Any])
        #expect(date["iso"] as? String == "2025-01-02")
        #expect(date["text"] as? String == "2. Januar 2025")
    }
}

extension TemplateValue {
    /// The value as plain dictionaries, arrays and scalars, for reading in tests.
    var plain: Any {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .list(let items): items.map(\.plain)
        case .map(let map): map.dictionary.mapValues(\.plain)
        case .null: Optional<Any>.none as Any
        }
    }
}
