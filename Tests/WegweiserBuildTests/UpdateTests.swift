import Foundation
import Testing
import WegweiserCore
import WegweiserSite

@testable import WegweiserBuild

/// `wegweiser serve` applies an edit of a page's file to the pages that show it. Whatever it does,
/// the result must be the site that preparing everything again gives: every page, every generated
/// file and every message.
@Suite struct UpdateTests {
    let site: FixtureSite
    let options: BuildOptions

    init() throws {
        site = try FixtureSite("small")
        options = BuildOptions(
            sourceDirectory: site.directory, outputDirectory: nil, baseURL: "http://127.0.0.1:1313/", now: FixtureSite.now, jobs: 2)
    }

    func prepare() async throws -> PreparedSite {
        let (prepared, report) = await SiteBuilder(options: options).prepare()
        return try #require(prepared, "\(site.messages(report))")
    }

    /// Edits files, updates the site prepared before, and compares it with a site prepared anew.
    func expectUpdateMatchesPrepare(_ edits: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let before = try await prepare()
        for (path, text) in edits { try site.write(text, to: path) }
        let result = await SiteBuilder(options: options).update(before, changes: edits.keys.sorted())
        let (updated, report) = try #require(result, "the edit should not need a whole build", sourceLocation: sourceLocation)
        let site = try #require(updated, "\(self.site.messages(report))", sourceLocation: sourceLocation)
        try await expectSame(site, report: report, sourceLocation: sourceLocation)
    }

    func expectSame(_ updated: PreparedSite, report: BuildReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let (fresh, freshReport) = await SiteBuilder(options: options).prepare()
        let expected = try #require(fresh, sourceLocation: sourceLocation)
        #expect(Set(updated.pages.keys) == Set(expected.pages.keys), sourceLocation: sourceLocation)
        for path in expected.pages.keys.sorted() {
            #expect(updated.renderPage(at: path) == expected.renderPage(at: path), "\(path)", sourceLocation: sourceLocation)
        }
        let files = await updated.generatedFiles(), expectedFiles = await expected.generatedFiles()
        #expect(files.keys.sorted() == expectedFiles.keys.sorted(), sourceLocation: sourceLocation)
        for (path, file) in expectedFiles.sorted(by: { $0.key < $1.key }) {
            #expect(files[path]?.bytes == file.bytes, "\(path)", sourceLocation: sourceLocation)
        }
        #expect(self.site.messages(report) == self.site.messages(freshReport), sourceLocation: sourceLocation)
        #expect(updated.diagnostics.sorted == freshReport.diagnostics.sorted, sourceLocation: sourceLocation)
        #expect(report.pagesPerLanguage.map(\.count) == freshReport.pagesPerLanguage.map(\.count), sourceLocation: sourceLocation)
    }

    @Test func bodyEditOfAPageInThreeLanguages() async throws {
        defer { site.cleanUp() }
        let text = try site.read("content/reports/alpha.de.md")
        try await expectUpdateMatchesPrepare([
            "content/reports/alpha.de.md": text.replacingOccurrences(of: "## Überblick\n\nSiehe", with: "## Neu\n\nJetzt ein [Entwurf](draft.md) und")
        ])
    }

    @Test func renamingAHeadingThatAnotherPageLinksToIsAnErrorAtThatLink() async throws {
        defer { site.cleanUp() }
        let before = try await prepare()
        let text = try site.read("content/reports/bundle/index.de.md")
        try site.write(text.replacingOccurrences(of: "## Ergebnis", with: "## Resultat"), to: "content/reports/bundle/index.de.md")
        let result = try #require(await SiteBuilder(options: options).update(before, changes: ["content/reports/bundle/index.de.md"]))
        #expect(result.0 == nil)
        let message = "content/reports/alpha.de.md:10:28: error: the link 'bundle/index.md#ergebnis' leads to '#ergebnis', which /de/berichte/bundle/ has no heading or other element with that id"
        #expect(site.messages(result.1).contains(message))
        #expect(site.messages(await SiteBuilder(options: options).prepare().1).contains(message))
    }

    @Test func anOriginalChangedAfterItsTranslationOutdatesTheTranslationsPage() async throws {
        defer { site.cleanUp() }
        let english = try site.read("content/reports/alpha.en.md")
        try site.write(english.replacingOccurrences(of: "date: 2025-03-01\n", with: "date: 2025-03-01\nlastmod: 2025-03-06\n"), to: "content/reports/alpha.en.md")
        let text = try site.read("content/reports/alpha.de.md")
        try await expectUpdateMatchesPrepare([
            "content/reports/alpha.de.md": text.replacingOccurrences(of: "lastmod: 2025-03-05T10:30:00", with: "lastmod: 2025-04-01")
        ])
        let (fresh, _) = await SiteBuilder(options: options).prepare()
        #expect(try #require(fresh).renderPage(at: "en/reports/alpha-report/index.html")?.contains("outdated-notice") == true)
    }

    @Test func titleDateAndWeightOfAPageShownAsFallbackMoveItInItsLists() async throws {
        defer { site.cleanUp() }
        try await expectUpdateMatchesPrepare([
            "content/reports/beta.de.md": """
                +++
                title = "Aaa zuerst"
                date = 2024-01-01
                tags = ["Wohnen"]
                summary = "Eine eigene Zusammenfassung."
                +++
                Nur auf Deutsch, jetzt anders.
                """
        ])
    }

    @Test func eventDatesAndPlace() async throws {
        defer { site.cleanUp() }
        let text = try site.read("content/events/treff.de.md")
        try await expectUpdateMatchesPrepare([
            "content/events/treff.de.md": text.replacingOccurrences(of: "start: 2025-12-02T17:00", with: "start: 2026-02-03T18:00")
                .replacingOccurrences(of: "end: 2025-12-02T19:00", with: "end: 2026-02-03T20:30")
                .replacingOccurrences(of: "location: office", with: "location: beratung")
        ])
    }

    @Test func contactShownOnEventPagesAndTwoFilesAtOnce() async throws {
        defer { site.cleanUp() }
        let office = try site.read("content/directory/office.de.md")
        let alpha = try site.read("content/reports/alpha.en.md")
        try await expectUpdateMatchesPrepare([
            "content/directory/office.de.md": office.replacingOccurrences(of: "title: Bürgerbüro", with: "title: Bürgeramt")
                .replacingOccurrences(of: "+49 30 1234-5", with: "+49 30 9999-0")
                .replacingOccurrences(of: "languages: [de, en, ar]", with: "languages: [de, en, ar, fa]"),
            "content/reports/alpha.en.md": alpha + "\nOne more paragraph.\n",
        ])
    }

    @Test func missingTitleAndAFileThatStaysADraft() async throws {
        defer { site.cleanUp() }
        let draft = try site.read("content/reports/draft.de.md")
        try await expectUpdateMatchesPrepare([
            "content/jobs.de.md": "---\ntranslationKey: work\nweight: 1\ndate: 2025-02-01\n---\nOhne Titel.\n",
            "content/reports/draft.de.md": draft + "\nNoch ein Satz.\n",
        ])
    }

    @Test(arguments: [
        ("content/reports/alpha.de.md", "title: Alpha-Bericht\n", "title: Alpha-Bericht\nslug: anders\n"),
        ("content/reports/alpha.de.md", "tags: [Wohnen, Arbeit]", "tags: [Wohnen]"),
        ("content/reports/alpha.de.md", "title: Alpha-Bericht\n", "title: Alpha-Bericht\ndraft: true\n"),
        ("content/reports/alpha.de.md", "date: 2025-03-01", "date: 2027-03-01"),
        ("content/reports/alpha.de.md", "title: Alpha-Bericht\n", "title: Alpha-Bericht\ntranslationKey: alpha\n"),
        ("content/reports/alpha.de.md", "aliases: [/alt/alpha/, alter-alpha/]", "aliases: [/anders/]"),
        ("content/reports/alpha.de.md", "title: Alpha-Bericht\n", "title: Alpha-Bericht\nlayout: other\n"),
        ("content/reports/alpha.de.md", "title: Alpha-Bericht\n", "title: Alpha-Bericht\ntype: event\n"),
        ("content/reports/_index.de.md", "", "\nMehr.\n"),
        ("content/reports/neu.de.md", "", "---\ntitle: Neu\n---\nNeu.\n"),
        ("data/directory/list.csv", "", "\n"),
        ("site.yaml", "", "\n"),
    ])
    func editsThatMoveAPageNeedAWholeBuild(file: String, old: String, new: String) async throws {
        defer { site.cleanUp() }
        let before = try await prepare()
        let text = (try? site.read(file)) ?? ""
        try site.write(old.isEmpty ? text + new : text.replacingOccurrences(of: old, with: new), to: file)
        let result = await SiteBuilder(options: options).update(before, changes: [file])
        #expect(result == nil)
    }

    @Test func aRemovedFileNeedsAWholeBuild() async throws {
        defer { site.cleanUp() }
        let before = try await prepare()
        try site.remove("content/reports/beta.de.md")
        let result = await SiteBuilder(options: options).update(before, changes: ["content/reports/beta.de.md"])
        #expect(result == nil)
    }

    @Test func aBrokenFieldIsReportedAtItsPlaceAndItsRepairUpdatesFromTheLastGoodSite() async throws {
        defer { site.cleanUp() }
        let before = try await prepare()
        let text = try site.read("content/reports/beta.de.md")
        try site.write(text.replacingOccurrences(of: "date = 2025-04-01", with: "date = \"im April\""), to: "content/reports/beta.de.md")
        let broken = try #require(await SiteBuilder(options: options).update(before, changes: ["content/reports/beta.de.md"]))
        #expect(broken.0 == nil)
        #expect(site.messages(broken.1).contains { $0.hasPrefix("content/reports/beta.de.md:3:8: error:") })
        // The event names a contact that does not exist: an error of the assembly, at its field.
        let event = try site.read("content/events/treff.de.md")
        try site.write(event.replacingOccurrences(of: "location: office", with: "location: offfice"), to: "content/events/treff.de.md")
        let unknown = try #require(await SiteBuilder(options: options).update(before, changes: ["content/events/treff.de.md"]))
        #expect(unknown.0 == nil)
        #expect(site.messages(unknown.1).contains { $0.hasPrefix("content/events/treff.de.md:7:11: error: 'location' names 'offfice'") })
        // Both repaired: the update starts from the last site that built, with every change since.
        try site.write(text.replacingOccurrences(of: "Nur auf Deutsch", with: "Wieder gut"), to: "content/reports/beta.de.md")
        try site.write(event, to: "content/events/treff.de.md")
        let repaired = try #require(
            await SiteBuilder(options: options).update(before, changes: ["content/events/treff.de.md", "content/reports/beta.de.md"]))
        try await expectSame(try #require(repaired.0), report: repaired.1)
    }
}
