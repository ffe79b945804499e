import Foundation
import Testing
import WegweiserBuild
import WegweiserCore

/// Each kind of bad input gives `file:line:column: error: …` at the real source line, a failed build,
/// and an output folder exactly as it was before.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        /// The start of the expected message: `file:line:column: error: text`.
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "malformed YAML", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\ntags: [Wohnen\ndate: 2025-03-01\n---\nText\n",
            expected: "content/reports/alpha.de.md:4:5: error: invalid YAML"),
        Case(
            name: "impossible date", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\ndate: 2024-13-45\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:7: error: 'date' is not a valid date: '2024-13-45': there is no month 13"),
        Case(
            name: "draft that is not a boolean", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\ndraft: maybe\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:8: error: 'draft' must be true or false, not 'maybe'"),
        Case(
            name: "slug that leaves the output folder", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\nslug: ../../x\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:7: error: slug '../../x' must be one URL segment"),
        Case(
            name: "alias that leaves the site", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\naliases: [/ok/, ../../x]\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:17: error: alias '../../x' must stay inside the site"),
        Case(
            name: "two pages claiming one URL", file: "content/reports/gamma.de.md",
            text: "---\ntitle: Gamma\nslug: beta\n---\nText\n",
            expected: "content/reports/gamma.de.md:3:7: error: this page and"),
        Case(
            name: "an alias taking a page's address", file: "content/reports/gamma.de.md",
            text: "---\ntitle: Gamma\naliases: [/de/berichte/beta/]\n---\nText\n",
            expected: "content/reports/gamma.de.md:3:11: error: alias /de/berichte/beta/ is already the address of"),
        Case(
            name: "a language suffix not in site.yaml", file: "content/reports/alpha.fr.md",
            text: "---\ntitle: Alpha\n---\nTexte\n",
            expected: "content/reports/alpha.fr.md:1:1: error: the file name says language 'fr', which is not in site.yaml"),
        Case(
            name: "a template syntax error", file: "layouts/_default/single.mustache",
            text: "{{<baseof}}{{$main}}\n<h1>{{page.title}</h1>\n{{/main}}{{/baseof}}\n",
            expected: "layouts/_default/single.mustache:2:"),
        Case(
            name: "a partial that does not exist", file: "layouts/_default/single.mustache",
            text: "{{<baseof}}{{$main}}\n{{> partials/sidebar}}\n{{/main}}{{/baseof}}\n",
            expected: "layouts/_default/single.mustache:2:1: error: the partial 'partials/sidebar' does not exist"),
        Case(
            name: "a missing layout", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\nlayout: gallery\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:9: error: there is no template for layout 'gallery'"),
        Case(
            name: "an accessibility statement without its facts in site.yaml", file: "content/barrierefreiheit.de.md",
            text: "---\ntitle: Erklärung zur Barrierefreiheit\nlayout: accessibility\n---\n",
            expected: "content/barrierefreiheit.de.md:3:9: error: layout 'accessibility' writes the accessibility statement from site.yaml"),
        Case(
            name: "an accessibility statement with a bad date", file: "site.yaml",
            text: "title: T\nbase_url: https://x.org/\nlanguages: [de]\naccessibility:\n  conformance: full\n  prepared: 26.11.2026\n  contact: {email: a@x.org}\n",
            expected: "site.yaml:6:13: error: 'prepared' is not a valid date: '26.11.2026'"),
        Case(
            name: "an unknown theme", file: "site.yaml",
            text: "title: T\nbase_url: https://example.org/\nlanguages: [de, en, ar]\ntheme: fancy\n",
            expected: "site.yaml:4:8: error: theme 'fancy' not found"),
        Case(
            name: "a default language that is not a site language", file: "site.yaml",
            text: "title: T\nbase_url: https://example.org/\ndefault_language: fr\nlanguages: [de, en, ar]\n",
            expected: "site.yaml:3:19: error: default_language 'fr' is not one of the languages"),
        Case(
            name: "unterminated front matter", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\nText without a closing fence\n",
            expected: "content/reports/alpha.de.md:1:1: error: the front matter that starts here is never closed"),
        Case(
            name: "malformed TOML", file: "content/reports/beta.de.md",
            text: "+++\ntitle = \"Beta\"\ndate = 2025-04-01\nweight = one\n+++\nText\n",
            expected: "content/reports/beta.de.md:4:10: error: 'one' is not a TOML value"),
        Case(
            name: "a search flag that is not a boolean", file: "content/reports/alpha.de.md",
            text: "---\ntitle: Alpha\nsearch: hidden\n---\nText\n",
            expected: "content/reports/alpha.de.md:3:9: error: 'search' must be true or false, not 'hidden'"),
        Case(
            name: "a section where the search page belongs", file: "content/search/_index.de.md",
            text: "---\ntitle: Suche\n---\n",
            expected: "content/search/_index.de.md:1:1: error: this page takes the address /de/search/, which the site's search page needs"),
        Case(
            name: "a search index split below a kilobyte", file: "site.yaml",
            text: "title: T\nbase_url: https://example.org/\nlanguages: [de, en, ar]\nsearch: {split_above: 100}\n",
            expected: "site.yaml:4:23: error: 'split_above' is a size in bytes and must be at least 1024"),
        Case(
            name: "a malformed i18n file", file: "i18n/de.yaml",
            text: "made_with: [a, b]\n",
            expected: "i18n/de.yaml:1:12: error: 'made_with' must be a text"),
    ]

    @Test(arguments: cases)
    func reportsBadInputAtItsSourceAndLeavesOutputUntouched(_ badCase: Case) async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let before = try FixtureSite.snapshot(of: site.output)

        try site.write(badCase.text, to: badCase.file)
        let report = await site.build()

        #expect(!report.succeeded)
        let messages = site.messages(report)
        #expect(messages.contains { $0.hasPrefix(badCase.expected) }, "expected \(badCase.expected), got \(messages)")
        #expect(try FixtureSite.snapshot(of: site.output) == before, "the output must stay exactly as it was")
    }

    @Test func reportsAFileThatIsNotUTF8AtTheFirstBadByte() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let before = try FixtureSite.snapshot(of: site.output)
        try site.writeBytes(Array("---\ntitle: Gr".utf8) + [0xFC] + Array("n\n---\nText\n".utf8), to: "content/reports/alpha.de.md")

        let report = await site.build()

        #expect(!report.succeeded)
        #expect(site.messages(report).contains { $0.hasPrefix("content/reports/alpha.de.md:2:10: error: invalid UTF-8 byte 0xFC") })
        #expect(try FixtureSite.snapshot(of: site.output) == before)
    }

    @Test func reportsEveryProblemOfARunNotOnlyTheFirst() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        try site.write("---\ntitle: A\ndate: 2024-02-30\n---\n", to: "content/reports/alpha.de.md")
        try site.write("---\ntitle: B\ndraft: vielleicht\n---\n", to: "content/reports/alpha.en.md")
        try site.write("---\ntitle: C\n---\n", to: "content/reports/alpha.tr.md")

        let report = await site.build()

        #expect(report.diagnostics.errors.count == 3)
        #expect(site.messages(report).map { String($0.prefix(while: { $0 != " " })) } == [
            "content/reports/alpha.de.md:3:7:", "content/reports/alpha.en.md:3:8:", "content/reports/alpha.tr.md:1:1:",
        ])
    }

    /// The theme loads while the content is read: the problems of both come in one run.
    @Test func reportsTheThemesAndTheContentsProblemsTogether() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try site.write("{{<baseof}}{{$main}}\n{{> partials/sidebar}}\n{{/main}}{{/baseof}}\n", to: "layouts/_default/single.mustache")
        try site.write("---\ntitle: A\ndate: 2024-02-30\n---\n", to: "content/reports/alpha.de.md")
        let before = try FixtureSite.snapshot(of: site.output)

        let report = await site.build()

        #expect(site.messages(report).map { String($0.prefix(while: { $0 != " " })) } == [
            "content/reports/alpha.de.md:3:7:", "layouts/_default/single.mustache:2:1:",
        ])
        #expect(report.steps.map(\.name).prefix(3) == ["Read site.yaml", "Load theme", "Read content"])
        #expect(try FixtureSite.snapshot(of: site.output) == before)
    }
}
