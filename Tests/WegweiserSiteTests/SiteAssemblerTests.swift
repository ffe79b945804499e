import Foundation
import Testing
import WegweiserContent
import WegweiserCore
@testable import WegweiserSite
import WegweiserTestSupport

@Suite struct TranslationTests {
    @Test func linksTranslationsBySharedPathAndByTranslationKey() async throws {
        let site = try await SiteFixture([
            "reports/a.de.md": page("A de"), "reports/a.en.md": page("A en"),
            "jobs.de.md": page("Arbeit", "translationKey: work"), "employment.en.md": page("Work", "translationKey: work"),
        ]).site()
        let a = try #require(site.page(at: "/de/reports/a/"))
        #expect(site.translations(of: a).map(\.path.description) == ["/de/reports/a/", "/en/reports/a/", "/ar/reports/a/"])
        let work = try #require(site.page(at: "/de/jobs/"))
        #expect(site.translation(of: work, in: LanguageCode("en")!)?.path.description == "/en/employment/")
    }

    @Test func buildsAFallbackPageInEveryLanguageWithTheSourceLanguagesText() async throws {
        let site = try await SiteFixture(["reports/b.de.md": page("Nur Deutsch")]).site()
        let fallback = try #require(site.page(at: "/ar/reports/b/"))
        #expect(fallback.isFallback)
        #expect(fallback.language.rawValue == "ar")
        #expect(fallback.contentLanguage.rawValue == "de")
        #expect(fallback.title == "Nur Deutsch")
        #expect(fallback.content.html == "<p>Text.</p>\n")
        #expect(try #require(site.page(at: "/de/reports/b/")).isFallback == false)
    }

    @Test func givesEveryLanguageASearchPageLinkedAcrossLanguages() async throws {
        let site = try await SiteFixture(["_index.de.md": page("Start"), "a.de.md": page("A")]).site()
        for language in ["de", "en", "ar"] {
            let search = try #require(site.page(at: "/\(language)/search/"))
            #expect(search.kind == .search && search.kind.isUtility)
            #expect(site.searchPages[LanguageCode(language)!] == search.id)
            #expect(site.searchIndexPath(in: LanguageCode(language)!)?.description == "/\(language)/search-index.json")
        }
        #expect(site.translationGroups["search"]?.count == 3)
    }

    @Test func leavesMissingTranslationsOutWithOmit() async throws {
        var fixture = SiteFixture(["reports/b.de.md": page("Nur Deutsch"), "reports/c.en.md": page("English only")])
        fixture.siteYAML += "\nmissing_translation: omit\n"
        let site = try await fixture.site()
        #expect(site.paths(.page, in: "de") == ["/de/reports/b/"])
        #expect(site.paths(.page, in: "en") == ["/en/reports/c/"])
        #expect(site.paths(.page, in: "ar") == [])
        #expect(site.paths(.section, in: "ar") == [])
    }

    @Test func followsTheLanguagesFallbackChain() async throws {
        let yaml = """
            title: T
            base_url: https://example.org/
            languages:
              - {code: de}
              - {code: en}
              - {code: de-x-easy, fallback: en}
            """
        let site = try await SiteFixture(["a.de.md": page("Deutsch"), "a.en.md": page("English")], siteYAML: yaml).site()
        let easy = try #require(site.page(at: "/de-x-easy/a/"))
        #expect(easy.isFallback && easy.contentLanguage.rawValue == "en" && easy.title == "English")
    }

    @Test func reportsTwoFilesThatAreTheSameLanguageVersion() async throws {
        let (site, diagnostics) = try await SiteFixture([
            "a.de.md": page("A", "translationKey: k"), "b.de.md": page("B", "translationKey: k"),
        ]).assemble()
        #expect(site == nil)
        #expect(diagnostics.errors.map(\.description) == [
            "content/b.de.md:3:17: error: this page and content/a.de.md are both the 'de' version of one page (same path or translationKey); give one of them another language or translationKey"
        ])
    }
}

@Suite struct PermalinkTests {
    @Test func usesSlugsPerLanguageForPagesAndSections() async throws {
        let site = try await SiteFixture([
            "reports/_index.de.md": page("Berichte", "slug: berichte"), "reports/_index.en.md": page("Reports"),
            "reports/a.de.md": page("A", "slug: erster"), "reports/a.en.md": page("A", "slug: first"),
        ]).site()
        #expect(site.paths(.page, in: "de") == ["/de/berichte/erster/"])
        #expect(site.paths(.page, in: "en") == ["/en/reports/first/"])
        #expect(site.paths(.page, in: "ar") == ["/ar/berichte/erster/"])
    }

    @Test func putsBundleResourcesBesideEveryLanguageVersion() async throws {
        let site = try await SiteFixture([
            "reports/b/index.de.md": page("B"), "reports/b/img/photo.jpg": "JPEG", "reports/chart.png": "PNG",
        ]).site()
        #expect(site.resources.map { "\($0.source) → \($0.destination)" } == [
            "reports/b/img/photo.jpg → /ar/reports/b/img/photo.jpg", "reports/chart.png → /ar/reports/chart.png",
            "reports/b/img/photo.jpg → /de/reports/b/img/photo.jpg", "reports/chart.png → /de/reports/chart.png",
            "reports/b/img/photo.jpg → /en/reports/b/img/photo.jpg", "reports/chart.png → /en/reports/chart.png",
        ])
    }

    @Test func makesRedirectsForAliasesInTheLanguageFolderOrAtTheRoot() async throws {
        let site = try await SiteFixture(["a.de.md": page("A", "aliases: [/alt/, frueher/a/]")]).site()
        #expect(site.redirects.map { "\($0.from) → \($0.to)" } == ["/alt/ → /de/a/", "/de/frueher/a/ → /de/a/"])
    }

    @Test func reportsTwoPagesClaimingOneAddress() async throws {
        let (site, diagnostics) = try await SiteFixture(["a.de.md": page("A"), "b.de.md": page("B", "slug: a")]).assemble()
        #expect(site == nil)
        #expect(diagnostics.errors.map(\.description) == [
            "content/b.de.md:3:7: error: this page and content/a.de.md both claim the address /de/a/; give one of them another 'slug'"
        ])
    }

    @Test func leavesOutDraftsAndFuturePagesUnlessAskedFor() async throws {
        var fixture = SiteFixture([
            "a.de.md": page("A"), "draft.de.md": page("D", "draft: true"), "later.de.md": page("L", "date: 2027-01-01"),
        ])
        #expect(try await fixture.site().paths(.page, in: "de") == ["/de/a/"])
        fixture.drafts = true
        let site = try await fixture.site()
        #expect(site.paths(.page, in: "de") == ["/de/a/", "/de/draft/", "/de/later/"])
        #expect(site.page(at: "/de/draft/")?.isDraft == true)
        #expect(site.page(at: "/de/later/")?.isFuture == true)
    }
}

@Suite struct ListTests {
    @Test func ordersByWeightThenNewestThenTitle() async throws {
        let site = try await SiteFixture([
            "r/old.de.md": page("Old", "date: 2024-01-01"), "r/new.de.md": page("New", "date: 2025-01-01"),
            "r/first.de.md": page("First", "weight: 1\ndate: 2020-01-01"), "r/b.de.md": page("beta"), "r/a.de.md": page("Alpha"),
        ]).site()
        let section = try #require(site.page(at: "/de/r/"))
        #expect(section.children.map { site[$0].title } == ["First", "New", "Old", "Alpha", "beta"])
    }

    @Test func paginatesListsWithTheFirstPageAtTheListsAddress() async throws {
        var files: [String: String] = [:]
        for index in 1...5 { files["r/p\(index).de.md"] = page("P\(index)", "date: 2025-01-0\(index)") }
        files["r/_index.de.md"] = page("R", "paginate: 2")
        let site = try await SiteFixture(files).site()
        let pagers = site.pagerPages(for: try #require(site.page(at: "/de/r/")))
        #expect(pagers.map(\.path.description) == ["/de/r/", "/de/r/page/2/", "/de/r/page/3/"])
        #expect(pagers.map { $0.items.count } == [2, 2, 1])
        #expect(pagers.allSatisfy { $0.count == 3 })
    }

    @Test func groupsTermsBySlugAndUsesTheCommonestSpelling() async throws {
        let site = try await SiteFixture([
            "a.de.md": page("A", "tags: [Wohnen, Arbeit]"), "b.de.md": page("B", "tags: [wohnen]"),
            "c.de.md": page("C", "tags: [Wohnen]"), "c.en.md": page("C", "tags: [Housing]"),
        ]).site()
        #expect(site.paths(.term, in: "de") == ["/de/tags/arbeit/", "/de/tags/wohnen/"])
        let wohnen = try #require(site.page(at: "/de/tags/wohnen/"))
        #expect(wohnen.title == "Wohnen")
        #expect(wohnen.children.count == 3)
        #expect(site.paths(.term, in: "en") == ["/en/tags/housing/"])
        // Fallback pages carry another language's terms and stay out of this language's taxonomy.
        #expect(site.paths(.term, in: "ar") == [])
        #expect(site.page(at: "/de/a/")?.terms.map(\.name) == ["Arbeit", "Wohnen"])
    }

    @Test func takesTheSummaryFromFrontMatterTheMoreMarkerOrTheFirstParagraph() async throws {
        let long = String(repeating: "Wort ", count: 80)
        let site = try await SiteFixture([
            "a.de.md": page("A", "summary: Eigene Zusammenfassung."),
            "b.de.md": page("B", body: "Erster Teil.\n\n<!--more-->\n\nZweiter Teil."),
            "c.de.md": page("C", body: "Erster Absatz.\n\nZweiter Absatz."),
            "d.de.md": page("D", body: long),
        ]).site()
        #expect(site.page(at: "/de/a/")?.summary == "Eigene Zusammenfassung.")
        #expect(site.page(at: "/de/b/")?.summary == "Erster Teil.")
        #expect(site.page(at: "/de/c/")?.summary == "Erster Absatz.")
        let shortened = try #require(site.page(at: "/de/d/")?.summary)
        #expect(shortened.count <= 242 && shortened.hasSuffix(" …"))
    }

    @Test func buildsANestedTableOfContents() async throws {
        let site = try await SiteFixture(["a.de.md": page("A", body: "## Eins\n\n### Eins a\n\n## Zwei\n")]).site()
        let toc = try #require(site.page(at: "/de/a/")).content.tableOfContents
        #expect(toc.map(\.title) == ["Eins", "Zwei"])
        #expect(toc[0].children.map(\.id) == ["eins-a"])
    }
}

@Suite struct LinkTests {
    static let files = [
        "directory/jmd.de.md": page("JMD", "slug: jugendmigrationsdienst"), "directory/jmd.en.md": page("Youth migration service"),
        "reports/x/index.de.md": page("X", body: "## Ergebnis\n"),
        "reports/a.de.md": page("A", body: """
            [file](../directory/jmd.md) [lang](../directory/jmd.de.md) [url](../../directory/jmd/)
            [anchor](x/index.md#ergebnis) [section](../directory/_index.md) [ext](https://example.org/a.md)
            [mail](mailto:a@b.de) [here](#top) [gone](missing.md) [bundle](../x/)
            """),
        "reports/a.en.md": page("A", body: "[file](../directory/jmd.md) [url](../../directory/jmd/)"),
    ]

    func links(on path: String) async throws -> [String] {
        let (site, _) = try await SiteFixture(Self.files).assemble()
        let html = try #require(site?.page(at: path)?.content.html)
        return html.split(separator: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func resolvesLinksBetweenContentFilesInThePagesLanguage() async throws {
        #expect(try await links(on: "/de/reports/a/") == [
            "/de/directory/jugendmigrationsdienst/", "/de/directory/jugendmigrationsdienst/", "/de/directory/jugendmigrationsdienst/",
            "/de/reports/x/#ergebnis", "/de/directory/", "https://example.org/a.md", "mailto:a@b.de", "#top", "missing.md", "/de/reports/x/",
        ])
        #expect(try await links(on: "/en/reports/a/") == ["/en/directory/jmd/", "/en/directory/jmd/"])
        // A fallback copy links to the pages of its own language.
        #expect(try await links(on: "/ar/reports/a/").prefix(3) == ["/ar/directory/jugendmigrationsdienst/", "/ar/directory/jugendmigrationsdienst/", "/ar/directory/jugendmigrationsdienst/"])
    }

    @Test func aLinkToAContentFileThatDoesNotExistIsAnErrorOrAWarningAsSiteYAMLSays() async throws {
        let (_, diagnostics) = try await SiteFixture(Self.files).assemble()
        #expect(diagnostics.sorted.map(\.description) == [
            "content/reports/a.de.md:6:36: error: the link 'missing.md' names no content file (looked for reports/missing.md)"
        ])
        var lenient = SiteFixture(Self.files)
        lenient.siteYAML += "\nbroken_links: warning\n"
        #expect(try await lenient.assemble().1.sorted.map(\.description) == [
            "content/reports/a.de.md:6:36: warning: the link 'missing.md' names no content file (looked for reports/missing.md)"
        ])
    }
}

/// Links to anchors: `#x` on the page itself, `other.md#x` on the page it leads to, in the linking
/// page's language.
@Suite struct AnchorLinkTests {
    static let files = [
        "x.de.md": page("X", body: "## Ergebnis\n\nText[^1].\n\n[^1]: Fußnote.\n\n<p id=\"roh\">Roh</p>\n"),
        "x.en.md": page("X", body: "## Result\n"),
        "a.de.md": page("A", body: """
            ## Oben

            [1](x.md#ergebnis) [2](x.md#fehlt) [3](#oben) [4](#unten) [5](#top) [6](x.md#fn-1) [7](../x/#ergebnis) [8](x.md#%C3%BCber)
            """),
        // English links to the English page: #ergebnis is a German heading.
        "a.en.md": page("A", body: "[1](x.md#result) [2](x.md#ergebnis)"),
        // Shown as a fallback in Arabic: its links are checked once, in its own language.
        "b.de.md": page("B", body: "[1](x.md#ergebnis)"),
    ]

    @Test func reportsAnchorsThatThePageTheyLeadToDoesNotHave() async throws {
        var fixture = SiteFixture(Self.files)
        fixture.siteYAML += "\nbroken_links: warning\n"
        let (_, diagnostics) = try await fixture.assemble()
        #expect(diagnostics.sorted.map(\.description) == [
            "content/a.de.md:6:20: warning: the link 'x.md#fehlt' leads to '#fehlt', which /de/x/ has no heading or other element with that id",
            "content/a.de.md:6:47: warning: the link '#unten' leads to '#unten', which /de/a/ has no heading or other element with that id",
            "content/a.de.md:6:104: warning: the link 'x.md#%C3%BCber' leads to '#%C3%BCber', which /de/x/ has no heading or other element with that id",
            "content/a.en.md:4:18: warning: the link 'x.md#ergebnis' leads to '#ergebnis', which /en/x/ has no heading or other element with that id",
        ])
    }

    @Test func anAddressOfTheSiteWhereThereIsNoPageIsAnError() async throws {
        let (_, diagnostics) = try await SiteFixture([
            "x.de.md": page("X"), "a.de.md": page("A", body: "[gut](../x/) [weg](../y/) [datei](bild.png)"),
        ]).assemble()
        #expect(diagnostics.sorted.map(\.description) == [
            "content/a.de.md:4:14: error: the link '../y/' leads to /de/y/, where there is no page"
        ])
    }

    @Test func aMissingAnchorIsAnErrorByDefault() async throws {
        let (site, diagnostics) = try await SiteFixture(["x.de.md": page("X"), "a.de.md": page("A", body: "[x](x.md#weg)")]).assemble()
        #expect(site == nil || diagnostics.hasErrors)
        #expect(diagnostics.sorted.map(\.description) == [
            "content/a.de.md:4:1: error: the link 'x.md#weg' leads to '#weg', which /de/x/ has no heading or other element with that id"
        ])
    }
}

@Suite struct UnpublishedLinkTests {
    @Test func saysWhenALinkLeadsToADraft() async throws {
        let (_, diagnostics) = try await SiteFixture([
            "a.de.md": page("A", body: "[d](d.md) [e](../e/)"), "d.de.md": page("D", "draft: true"),
            "e.de.md": page("E", "date: 2030-01-01"),
        ]).assemble()
        #expect(diagnostics.warnings.map(\.description) == [
            "content/a.de.md:4:1: warning: the link 'd.md' leads to content/d.de.md, which is a draft or dated in the future and not part of this build",
            "content/a.de.md:4:11: warning: the link '../e/' leads to content/e.de.md, which is a draft or dated in the future and not part of this build",
        ])
    }
}

@Suite struct ResourceLinkTests {
    @Test func resolvesImagesRelativeToTheMarkdownFile() async throws {
        let site = try await SiteFixture([
            "images/logo.png": "PNG", "reports/b/index.de.md": page("B", body: "![Plan](plan.png)"),
            "reports/b/plan.png": "PNG", "reports/a.de.md": page("A", body: "![Logo](../images/logo.png) ![Plan](b/plan.png)"),
        ]).site()
        let html = try #require(site.page(at: "/en/reports/a/")).content.html
        #expect(html == "<p><img src=\"/en/images/logo.png\" alt=\"Logo\" /> <img src=\"/en/reports/b/plan.png\" alt=\"Plan\" /></p>\n")
        #expect(try #require(site.page(at: "/de/reports/b/")).content.html == "<p><img src=\"/de/reports/b/plan.png\" alt=\"Plan\" /></p>\n")
    }

    @Test func encodesCharactersThatAreNotAllowedInAnAddress() async throws {
        let site = try await SiteFixture(["my report.de.md": page("A"), "übersicht.de.md": page("Ü")]).site()
        let urls = site.pages.filter { $0.kind == .page && $0.language.rawValue == "de" }.map { site.url(for: $0.path) }.sorted()
        #expect(urls == ["/de/my%20report/", "/de/übersicht/"])
    }
}

@Suite struct ReviewedAssemblyTests {
    @Test func keepsAPageAndASectionOfTheSamePathApart() async throws {
        let site = try await SiteFixture([
            "reports.de.md": page("Über Berichte", "slug: ueber-berichte"), "reports.en.md": page("About reports", "slug: about-reports"),
            "reports/_index.de.md": page("Berichte"), "reports/_index.en.md": page("Reports"),
        ]).site()
        let about = try #require(site.page(at: "/de/ueber-berichte/"))
        #expect(site.translations(of: about).map(\.path.description) == ["/de/ueber-berichte/", "/en/about-reports/", "/ar/ueber-berichte/"])
    }

    @Test func listsAPageOnceUnderATermItNamesTwice() async throws {
        let site = try await SiteFixture(["a.de.md": page("A", "tags: [Wohnen, wohnen]")]).site()
        #expect(site.page(at: "/de/tags/wohnen/")?.children.count == 1)
        #expect(site.page(at: "/de/a/")?.terms.count == 1)
    }
}

/// What `wegweiser check --links` reports besides broken links.
@Suite struct LinkFindingTests {
    @Test func findsImagesWithoutAltLinksToAnotherLanguagesTextAndExternalLinks() async throws {
        let (assembled, _) = try await SiteFixture([
            "x.de.md": page("X"), "y.de.md": page("Y"), "y.en.md": page("Y"),
            "a.en.md": page("A", body: """
                ![](plan.svg) ![Plan](plan.svg) [x](x.md) [x on purpose](x.de.md) [y](y.md) [web](https://example.com/a) [mail](mailto:a@b.de)
                """),
            // A fallback copy reports nothing: its file is checked in its own language.
            "b.de.md": page("B", body: "![](plan.svg)"),
        ]).assembleKeepingState()
        let findings = try #require(assembled).linkFindings
        #expect(findings.map { "\($0.location) \($0.kind) \($0.destination)" } == [
            "content/a.en.md:4:1 imageWithoutAlt plan.svg",
            "content/a.en.md:4:33 otherLanguage(target: \"/en/x/\", textLanguage: de) x.md",
            "content/a.en.md:4:77 external https://example.com/a",
            "content/b.de.md:4:1 imageWithoutAlt plan.svg",
        ])
    }
}
