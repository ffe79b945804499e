import Foundation
import Testing
import WegweiserContent
import WegweiserCore
import WegweiserSite
@testable import WegweiserTemplates
import WegweiserTestSupport

func themeFile(_ path: String, _ text: String) -> ThemeFile {
    ThemeFile(path: path, displayPath: "theme/" + path, bytes: Array(text.utf8))
}

@Suite struct TemplateLibraryTests {
    @Test func parsesTheBuiltInTheme() throws {
        let library = try TemplateLibrary(theme: Theme(files: BuiltInTheme.files))
        for name in ["baseof", "index", "404", "_default/single", "_default/list", "_default/taxonomy", "_default/term", "partials/head"] {
            #expect(library.names.contains(name), "\(name) is part of the built-in theme")
        }
        #expect(library.stringKeys["skip_to_content"] != nil)
    }

    @Test func reportsASyntaxErrorAtItsLine() {
        let theme = Theme(files: [themeFile("layouts/x.mustache", "<p>\n{{#items}}\n{{title}\n")])
        #expect {
            _ = try TemplateLibrary(theme: theme)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.location == SourceLocation(file: "theme/layouts/x.mustache", line: 3, column: 8)
        }
    }

    @Test func reportsAMissingPartialOrParentWithASuggestion() {
        let theme = Theme(files: [
            themeFile("partials/header.mustache", "<header></header>"),
            themeFile("layouts/x.mustache", "{{> partials/heeder}}\n{{<nobase}}{{/nobase}}"),
        ])
        #expect {
            _ = try TemplateLibrary(theme: theme)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "theme/layouts/x.mustache:1:1: error: the partial 'partials/heeder' does not exist; did you mean 'partials/header'?",
                "theme/layouts/x.mustache:2:1: error: the parent template 'nobase' does not exist",
            ]
        }
    }

    @Test func letsALaterLayerOverrideAFileByName() throws {
        let theme = Theme(files: [
            themeFile("partials/footer.mustache", "theme footer"),
            themeFile("layouts/partials/footer.mustache", "site footer"),
            themeFile("layouts/page.mustache", "{{> partials/footer}}"),
        ])
        #expect(try TemplateLibrary(theme: theme).render("page", context: [:]) == "site footer")
    }
}

@Suite struct LayoutLookupTests {
    func page(_ kind: PageKind, type: String = "report", section: String = "reports", layout: String? = nil, taxonomy: String? = nil) -> Page {
        var page = Page(
            id: PageID(0), kind: kind, language: LanguageCode("de")!, contentLanguage: LanguageCode("de")!,
            path: .root, title: "T", type: type, section: section, translationKey: "k", pageSize: 10)
        page.layout = layout
        page.taxonomy = taxonomy
        return page
    }

    @Test func triesTheMostSpecificTemplateFirst() {
        #expect(LayoutLookup.candidates(for: page(.home)) == ["index", "_default/home", "_default/list"])
        #expect(LayoutLookup.candidates(for: page(.section)) == ["report/list", "reports/list", "_default/section", "_default/list"])
        #expect(LayoutLookup.candidates(for: page(.page)) == ["report/single", "reports/single", "_default/single"])
        #expect(LayoutLookup.candidates(for: page(.page, layout: "wide")) == [
            "report/wide", "reports/wide", "_default/wide", "report/single", "reports/single", "_default/single",
        ])
        #expect(LayoutLookup.candidates(for: page(.term, type: "tags", section: "tags", taxonomy: "tags")) == ["tags/term", "_default/term", "_default/list"])
        #expect(LayoutLookup.candidates(for: page(.notFound)) == ["404", "_default/404"])
    }
}

@Suite struct UIStringsTests {
    let config = try! SiteConfigLoader.load("""
        title: T
        base_url: https://example.org/
        languages:
          - {code: de}
          - {code: en}
          - {code: de-x-easy, fallback: de}
          - {code: uk}
        """, file: "site.yaml").0

    @Test func fallsBackAlongTheChainAndNamesTheMissingKey() throws {
        let theme = Theme(files: [
            themeFile("i18n/de.yaml", "home: Startseite\nmenu: Menü\n"),
            themeFile("i18n/en.yaml", "home: Home\nmenu: Menu\n"),
            themeFile("i18n/de-x-easy.yaml", "home: Start-Seite\n"),
            themeFile("layouts/i18n/de.yaml", "menu: Navigation\n"),
        ])
        let used = ["home": SourceLocation(file: "theme/layouts/x.mustache", line: 2, column: 5), "menu": SourceLocation(file: "theme/layouts/x.mustache", line: 3)]
        let (strings, diagnostics) = try UIStrings.resolve(theme: theme, config: config, usedKeys: used)
        #expect(strings.text("home", in: LanguageCode("de-x-easy")!) == "Start-Seite")
        #expect(strings.text("menu", in: LanguageCode("de-x-easy")!) == "Menü")
        #expect(strings.text("home", in: LanguageCode("uk")!) == "Startseite")
        #expect(diagnostics.sorted.map(\.description) == [
            "theme/layouts/x.mustache:2:5: warning: UI string 'home' is missing for 'uk'; using 'de' (add it to i18n/uk.yaml)",
            "theme/layouts/x.mustache:3:1: warning: UI string 'menu' is missing for 'de-x-easy'; using 'de' (add it to i18n/de-x-easy.yaml)",
            "theme/layouts/x.mustache:3:1: warning: UI string 'menu' is missing for 'uk'; using 'de' (add it to i18n/uk.yaml)",
        ])
    }

    @Test func letsTheSiteOverrideTheTheme() throws {
        let theme = Theme(files: [themeFile("i18n/de.yaml", "home: Startseite\n"), themeFile("i18n/de.yaml", "home: Übersicht\n")])
        let (strings, _) = try UIStrings.resolve(theme: theme, config: config, usedKeys: [:])
        #expect(strings.text("home", in: LanguageCode("de")!) == "Übersicht")
    }

    @Test func fillsInPlaceholders() {
        let strings = UIStrings(tables: [LanguageCode("de")!: ["page_of": "Seite {current} von {total}"]])
        #expect(strings.text("page_of", in: LanguageCode("de")!, ["current": "2", "total": "5"]) == "Seite 2 von 5")
        let odd = UIStrings(tables: [LanguageCode("de")!: ["x": "{{a}} {unknown} {b}{a} } {"]])
        // A value is not searched for placeholders again; unknown names and stray braces stay.
        #expect(odd.text("x", in: LanguageCode("de")!, ["a": "{b}", "b": "B"]) == "{{b}} {unknown} B{b} } {")
    }
}

@Suite struct LocaleFormatterTests {
    let config = try! SiteConfigLoader.load(
        "title: T\nbase_url: https://example.org/\ntime_zone: Europe/Berlin\nlanguages: [de, en, ar, uk, tr]\n", file: "site.yaml"
    ).0

    @Test(arguments: [("de", "5. März 2026"), ("en", "March 5, 2026"), ("uk", "5 березня 2026 р."), ("tr", "5 Mart 2026")])
    func writesDatesAsEachLanguageDoes(language: String, expected: String) throws {
        let date = try ContentDate.parse("2026-03-05", timeZone: config.timeZone).get()
        let text = LocaleFormatter(config: config).format(date, in: LanguageCode(language)!)
        #expect(text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") == expected)
    }

    @Test func writesArabicDatesInArabic() throws {
        let date = try ContentDate.parse("2026-03-05", timeZone: config.timeZone).get()
        #expect(LocaleFormatter(config: config).format(date, in: LanguageCode("ar")!).contains("مارس"))
    }

    @Test(arguments: [("de", "12.345"), ("en", "12,345"), ("uk", "12 345")])
    func writesNumbersAsEachLanguageDoes(language: String, expected: String) {
        let text = LocaleFormatter(config: config).format(12345, in: LanguageCode(language)!)
        #expect(text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") == expected)
    }

    @Test func givesTimesWithTheSiteOffsetForDatetimeAttributes() throws {
        let formatter = LocaleFormatter(config: config)
        #expect(formatter.iso8601(try ContentDate.parse("2026-07-01T09:30", timeZone: config.timeZone).get()) == "2026-07-01T09:30:00+02:00")
        #expect(formatter.iso8601(try ContentDate.parse("2026-07-01", timeZone: config.timeZone).get()) == "2026-07-01")
    }
}

@Suite struct PageParamsTests {
    /// `page.params` is made for themes that name it, and left out (unseen) for the rest.
    @Test func makesPageParamsOnlyForTemplatesThatNameThem() async throws {
        let site = try await SiteFixture(["_index.de.md": page("Start"), "reports/a.de.md": page("A", "colour: blau")]).site()
        let page = try #require(site.page(at: "/de/reports/a/"))
        func render(_ template: String) throws -> String {
            let library = try TemplateLibrary(theme: Theme(files: [themeFile("layouts/x.mustache", template)]))
            let renderer = PageRenderer(library: library, contexts: RenderContextBuilder(site: site, strings: UIStrings(tables: [:])))
            return renderer.render(page, pager: site.pagerPages(for: page)[0], template: "x")
        }
        #expect(try render("{{page.params.colour}}") == "blau")
        #expect(try render("{{#page.params}}{{colour}}{{/page.params}}") == "blau")
        #expect(try render("{{#page}}{{#params}}{{colour}}{{/params}}{{/page}}") == "blau")
        #expect(PageRenderer(
            library: try TemplateLibrary(theme: Theme(files: [themeFile("layouts/x.mustache", "{{page.title}}")])),
            contexts: RenderContextBuilder(site: site, strings: UIStrings(tables: [:]))).contexts.includesPageParams == false)
    }
}

@Suite struct ParamValueTests {
    /// Front matter and site.yaml values reach templates typed: quoted text stays text, unquoted
    /// booleans and numbers become them, a null is left out (and is "" in a list).
    @Test func typesParamsForTemplates() async throws {
        var fixture = SiteFixture([
            "_index.de.md": page("Start"),
            "reports/a.de.md": page("A", "count: 3\nshown: \"false\"\nlist: [x, ~, \"1.5\"]\nnothing: ~"),
        ])
        fixture.siteYAML += "\nparams: {email: a@example.org, map: true, year: 2024, ratio: 1.5, off: false}\n"
        let site = try await fixture.site()
        let page = try #require(site.page(at: "/de/reports/a/"))
        let library = try TemplateLibrary(theme: Theme(files: [themeFile("layouts/x.mustache", """
            {{site.params.email}}|{{#site.params.map}}map{{/site.params.map}}|{{site.params.year}}|{{site.params.ratio}}|\
            {{^site.params.off}}off{{/site.params.off}}|{{page.params.count}}|{{#page.params.shown}}shown{{/page.params.shown}}|\
            {{#page.params.list}}[{{.}}]{{/page.params.list}}|{{^page.params.nothing}}none{{/page.params.nothing}}
            """)]))
        let renderer = PageRenderer(library: library, contexts: RenderContextBuilder(site: site, strings: UIStrings(tables: [:])))
        #expect(renderer.render(page, pager: site.pagerPages(for: page)[0], template: "x")
            == "a@example.org|map|2024|1.5|off|3|shown|[x][][1.5]|none")
    }
}
