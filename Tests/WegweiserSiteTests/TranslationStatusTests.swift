import Foundation
import Testing
import WegweiserContent
import WegweiserCore
import WegweiserSite
import WegweiserTestSupport

/// Each page of content against the original of its translations: `wegweiser check --translations`
/// and the templates' "translation may be outdated".
@Suite struct TranslationStatusTests {
    static let files = [
        // By lastmod: English older than the German original, Arabic newer.
        "a.de.md": page("A", "lastmod: 2026-01-10"), "a.en.md": page("A", "lastmod: 2026-01-05"),
        "a.ar.md": page("A", "lastmod: 2026-01-12"),
        // A minor edit of the original keeps the older translation current.
        "b.de.md": page("B", "lastmod: 2026-01-10\nminor_edit: true"), "b.en.md": page("B", "lastmod: 2026-01-01"),
        // Only in German: the others show it as a fallback.
        "c.de.md": page("C"),
        // Only in English: English is the original, German and Arabic fall back to it.
        "d.en.md": page("D"),
        // Without lastmod on both sides: when their files changed.
        "e.de.md": page("E", "lastmod: 2026-01-10"), "e.en.md": page("E"), "e.ar.md": page("E"),
    ]

    func status(_ path: String, _ site: Site) -> TranslationStatus? { site.page(at: path)?.translationStatus }

    @Test func marksOriginalsUpToDateOutdatedAndFallbackPages() async throws {
        var fixture = SiteFixture(Self.files)
        let day = { (text: String) in ISO8601DateFormatter().date(from: text + "T12:00:00Z")! }
        fixture.changeTimes = [
            "content/e.de.md": day("2026-02-01"), "content/e.en.md": day("2026-01-15"),
            // Saved a moment before the original: the same change, as when files are copied together.
            "content/e.ar.md": day("2026-02-01").addingTimeInterval(-3),
        ]
        let site = try await fixture.site()
        #expect(status("/de/a/", site) == .original)
        #expect(status("/en/a/", site) == .outdated)
        #expect(status("/ar/a/", site) == .upToDate)
        #expect(site.page(at: "/en/a/")?.original.map { site[$0].path.description } == "/de/a/")
        #expect(status("/en/b/", site) == .upToDate)
        #expect(status("/de/c/", site) == .original && status("/en/c/", site) == .fallback && status("/ar/c/", site) == .fallback)
        #expect(status("/en/d/", site) == .original && status("/de/d/", site) == .fallback)
        #expect(status("/en/e/", site) == .outdated)
        #expect(status("/ar/e/", site) == .upToDate)
        // Section and home pages without an _index file have no text to translate.
        #expect(status("/de/", site) == nil)
    }

    @Test func listsEveryPageWithItsStatusPerLanguageAndMissingOnesWhenOmitted() async throws {
        var fixture = SiteFixture(Self.files)
        fixture.siteYAML += "\nmissing_translation: omit\n"
        let site = try await fixture.site()
        let rows = Dictionary(uniqueKeysWithValues: site.translationRows().map { ($0.file, $0) })
        #expect(rows.keys.sorted() == ["content/a.de.md", "content/b.de.md", "content/c.de.md", "content/d.en.md", "content/e.de.md"])
        let en = LanguageCode("en")!, ar = LanguageCode("ar")!, de = LanguageCode("de")!
        #expect(rows["content/a.de.md"]?.statuses == [de: .original, en: .outdated, ar: .upToDate])
        #expect(rows["content/c.de.md"]?.statuses == [de: .original])
        #expect(rows["content/d.en.md"]?.original == en)
        #expect(rows["content/d.en.md"]?.statuses == [en: .original])
    }

    @Test func minorEditMustBeTrueOrFalse() async throws {
        let (_, diagnostics) = try await SiteFixture(["x.de.md": page("X", "minor_edit: tiny")]).assemble()
        #expect(diagnostics.sorted.map(\.description) == ["content/x.de.md:3:13: error: 'minor_edit' must be true or false, not 'tiny'"])
    }
}
