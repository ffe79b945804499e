import Foundation
import Testing
import WegweiserBuild
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
