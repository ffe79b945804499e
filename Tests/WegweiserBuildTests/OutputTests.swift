import Foundation
import Testing
@testable import WegweiserBuild
import WegweiserCore

@Suite struct OutputTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let first = try FixtureSite.snapshot(of: site.output)
        #expect(await site.build(output: site.directory + "/second").succeeded)
        #expect(try FixtureSite.snapshot(of: site.directory + "/second") == first)
    }

    @Test func aSuccessfulBuildLeavesNoStaleFilesButKeepsDotFiles() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try site.write("old", to: "output/de/removed-page/index.html")
        try site.write("", to: "output/.gitkeep")
        try site.write("[core]", to: "output/.git/config")

        #expect(await site.build().succeeded)

        let files = try FixtureSite.snapshot(of: site.output).keys
        #expect(!files.contains("de/removed-page/index.html"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/.gitkeep"))
        #expect(try site.read("output/.git/config") == "[core]")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.directory).filter { $0.hasPrefix(".output.") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderOfOtherFiles() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        try site.write("mine", to: "documents/letter.txt")
        let report = await site.build(output: site.directory + "/documents")
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.first?.message.contains("holds files that Wegweiser did not write") == true)
        #expect(try site.read("documents/letter.txt") == "mine")
        // A folder with only dot files (a .gitkeep) is fine.
        try site.write("", to: "empty/.gitkeep")
        #expect(await site.build(output: site.directory + "/empty").succeeded)
    }

    @Test func buildsIntoOneFolderOneAtATime() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        async let first = site.build()
        async let second = site.build()
        let reports = await [first, second]
        #expect(reports.allSatisfy { $0.succeeded })
        let golden = try FixtureSite.snapshot(of: FixtureSite.golden.appending(path: "small").path)
        var built = try FixtureSite.snapshot(of: site.output)
        built.removeValue(forKey: "search/engine.mjs")  // not recorded: see GoldenSiteTests
        #expect(built == golden)
    }

    @Test func reportsTwoThingsThatWantTheSameFile() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        try site.write("---\ntitle: G\naliases: [/sitemap.xml, /de/feed.xml/x/]\n---\n", to: "content/g.de.md")
        let report = await site.build()
        #expect(site.messages(report) == [
            "content/g.de.md:3:11: error: sitemap.xml would be written twice (also for the sitemap); change the slug, alias or file name",
            "content/g.de.md:3:25: error: de/feed.xml/x/index.html needs a folder de/feed.xml, which is also a file (for a feed); change the slug, alias or file name",
        ])
    }

    @Test func refusesAnOutputFolderThatWouldReplaceTheSite() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        for output in [site.directory, site.directory + "/..", site.directory + "/content/out"] {
            let report = await site.build(output: output)
            #expect(!report.succeeded)
            #expect(report.diagnostics.errors.first?.message.contains("choose another --output") == true)
        }
        #expect(FileManager.default.fileExists(atPath: site.directory + "/content/reports/alpha.de.md"))
    }

    @Test func draftsAndFuturePagesAppearOnlyWhenAskedFor() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        var files = try FixtureSite.snapshot(of: site.output)
        #expect(files["de/berichte/draft/index.html"] == nil)
        #expect(files["de/berichte/future/index.html"] == nil)

        #expect(await site.build(drafts: true).succeeded)
        files = try FixtureSite.snapshot(of: site.output)
        let draft = String(decoding: try #require(files["de/berichte/draft/index.html"]), as: UTF8.self)
        let future = String(decoding: try #require(files["de/berichte/future/index.html"]), as: UTF8.self)
        #expect(draft.contains("class=\"preview-banner\""))
        #expect(future.contains("class=\"preview-banner\""))
    }

    @Test func aFutureDateIsPublishedOnceItsDayHasCome() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        let later = ISO8601DateFormatter().date(from: "2030-06-01T00:00:00Z")!
        #expect(await site.build(now: later).succeeded)
        #expect(FileManager.default.fileExists(atPath: site.output + "/de/berichte/future/index.html"))
    }
}

@Suite struct StaleContactTests {
    @Test func listsContactsVerifiedTooLongAgoOrNeverOncePerPlaceTheDateIsWritten() async throws {
        let site = try FixtureSite("small")
        defer { site.cleanUp() }
        let options = BuildOptions(sourceDirectory: site.directory, now: ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z")!)
        let (assembled, report) = await SiteBuilder(options: options).assemble()
        let model = assembled?.site
        #expect(report.succeeded)
        let (stale, checked) = try #require(model).staleContacts(olderThan: 12)
        #expect(checked == 3)
        #expect(stale.map { $0.diagnostic.description.replacingOccurrences(of: site.directory + "/", with: "") } == [
            "content/directory/office.de.md:15:16: warning: 'Bürgerbüro' was last verified on 2025-11-01, 13 months ago",
            "data/directory/list.csv:3:1: warning: 'Café\nfür alle' has no last_verified date; add it when you have checked the entry",
        ])
    }
}

/// Paths are claimed kind by kind (pages, then feeds and the like, search indexes, copies); a clash
/// is found whichever kind came first, and reported at the later file.
@Suite struct DestinationClaimsTests {
    private func messages(_ batches: [[(path: String, origin: WegweiserCore.SourceLocation?)]]) -> [String] {
        let claims = DestinationClaims()
        var messages: [String] = []
        for batch in batches {
            do throws(DiagnosticError) {
                try claims.claim(batch)
            } catch {
                messages += error.diagnostics.map(\.description)
            }
        }
        return messages
    }

    private let page = WegweiserCore.SourceLocation(file: "content/a.md", line: 2, column: 7)
    private let file = WegweiserCore.SourceLocation(file: "static/x")

    @Test func acceptsDistinctFilesInSharedFolders() {
        #expect(messages([[("de/a/index.html", page), ("de/b/index.html", nil)], [("de/feed.xml", nil), ("de/a/cal.ics", nil)]]).isEmpty)
    }

    @Test func reportsTheLaterOfTwoFilesWithOnePath() {
        #expect(messages([[("de/a/index.html", page)], [("de/a/index.html", file)]]) == [
            "static/x:1:1: error: de/a/index.html would be written twice (also for content/a.md:2:7); change the slug, alias or file name"
        ])
        #expect(messages([[("de/a/index.html", nil), ("de/a/index.html", page)]]) == [
            "content/a.md:2:7: error: de/a/index.html would be written twice (also for a generated page); change the slug, alias or file name"
        ])
    }

    @Test func reportsAFileWhereAFolderIsNeededInEitherOrder() {
        let message = "de/feed.xml/x/index.html needs a folder de/feed.xml, which is also a file (for a feed); change the slug, alias or file name"
        #expect(messages([[("de/feed.xml/x/index.html", page)], [("de/feed.xml", nil)]]) == ["content/a.md:2:7: error: " + message])
        #expect(messages([[("de/feed.xml", nil)], [("de/feed.xml/x/index.html", page)]]) == ["content/a.md:2:7: error: " + message])
        #expect(messages([[("de/feed.xml", nil), ("de/feed.xml/y/z/index.html", page)]]).count == 1)
    }
}
