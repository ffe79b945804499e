import Foundation
import Testing
import WegweiserBuild
import WegweiserContent
@testable import WegweiserCLI

/// `wegweiser new`: a new site and new pages of every type build at once, without a warning.
@Suite(.serialized) struct NewCommandTests {
    let folder = FileManager.default.temporaryDirectory.appending(path: "wegweiser-new-\(UUID().uuidString)").path
    var site: String { folder + "/site" }

    func build() async -> BuildReport {
        await SiteBuilder(options: BuildOptions(sourceDirectory: site, outputDirectory: folder + "/output", jobs: 2)).build()
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + path) }

    @Test(arguments: [[], ["ar", "de"], ["en"]])
    func aNewSiteBuildsWithoutAWarning(languages: [String]) async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await WegweiserCommand.run(arguments: ["new", "site", site] + languages.flatMap { ["--lang", $0] }) == 0)
        let report = await build()
        #expect(report.succeeded)
        #expect(report.diagnostics.all.map(\.description) == [])
        let main = languages.first ?? "de"
        let german = main == "de"
        for page in [
            "\(main)/index.html", "\(main)/reports/\(german ? "erster-bericht" : "first-report")/index.html",
            "\(main)/directory/beratungsstelle/index.html", "\(main)/directory/sprachcafe/index.html",
            "\(main)/events/\(german ? "sprechstunde" : "open-hours")/index.html", "\(main)/\(german ? "ueber-uns" : "about")/index.html",
        ] {
            #expect(exists("output/" + page), "\(page)")
        }
        for language in (languages.isEmpty ? ["de", "en"] : languages) { #expect(exists("output/\(language)/index.html")) }
    }

    @Test func newPagesOfEveryTypeAndLanguageBuildWithoutAWarningAndShowEveryField() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await WegweiserCommand.run(arguments: ["new", "site", site]) == 0)
        let created: [([String], String)] = [
            (["report", "Stralsund 2026"], "content/reports/stralsund-2026.de.md"),
            (["report", "stralsund-2026", "--lang", "en"], "content/reports/stralsund-2026.en.md"),
            (["contact", "JMD Torgau"], "content/directory/jmd-torgau.de.md"),
            (["event", "Nähcafé", "--lang", "en"], "content/events/nähcafé.en.md"),
            (["page", "impressum"], "content/impressum.de.md"),
        ]
        for (arguments, path) in created {
            #expect(await WegweiserCommand.run(arguments: ["new"] + arguments + ["--source", site]) == 0)
            #expect(exists("site/" + path), "\(path)")
        }
        let report = await build()
        #expect(report.diagnostics.all.map(\.description) == [])
        #expect(exists("output/en/reports/stralsund-2026/index.html") && exists("output/de/reports/stralsund-2026/index.html"))
        let german = try String(contentsOfFile: site + "/content/reports/stralsund-2026.de.md", encoding: .utf8)
        #expect(german.contains("title: Stralsund 2026\n"))
        let english = try String(contentsOfFile: site + "/content/reports/stralsund-2026.en.md", encoding: .utf8)
        #expect(english.contains("title: Stralsund 2026\n") && english.contains("## Overview"))
        for (type, fields) in [("reports/stralsund-2026.de", TypeFields.report), ("directory/jmd-torgau.de", TypeFields.contact),
                               ("events/nähcafé.en", TypeFields.event)] {
            let text = try String(contentsOfFile: site + "/content/\(type).md", encoding: .utf8)
            for field in fields { #expect(text.contains("\n\(field): ") || text.contains("\n# \(field): "), "\(type): \(field)") }
        }
    }

    @Test func pagesGoToTheSectionOfTheirType() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let write = { (text: String, path: String) in
            let url = URL(fileURLWithPath: site + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("title: T\nbase_url: https://example.org/\nlanguages: [de]\n", "site.yaml")
        try write("---\ntitle: Berichte\ntype: report\n---\n", "content/berichte/_index.de.md")
        try write("+++\ntitle = \"Stellen\"\ntype = \"contact\"\n+++\n", "content/stellen/_index.de.md")
        #expect(await WegweiserCommand.run(arguments: ["new", "report", "Halbjahr", "--source", site]) == 0)
        #expect(await WegweiserCommand.run(arguments: ["new", "contact", "Amt", "--source", site]) == 0)
        #expect(await WegweiserCommand.run(arguments: ["new", "event", "Fest", "--source", site]) == 0)
        #expect(exists("site/content/berichte/halbjahr.de.md"))
        #expect(exists("site/content/stellen/amt.de.md"))
        #expect(exists("site/content/events/fest.de.md"))
    }

    @Test func refusesToOverwriteAndToGuess() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await WegweiserCommand.run(arguments: ["new", "site", site]) == 0)
        // A folder with something in it, an existing page, a page without a site.
        #expect(await WegweiserCommand.run(arguments: ["new", "site", site]) == 1)
        #expect(await WegweiserCommand.run(arguments: ["new", "contact", "Beratungsstelle", "--source", site]) == 1)
        try Data("---\ntitle: Ohne Sprache\n---\n".utf8).write(to: URL(fileURLWithPath: site + "/content/reports/ohne.md"))
        #expect(await WegweiserCommand.run(arguments: ["new", "report", "ohne", "--source", site]) == 1)
        #expect(await WegweiserCommand.run(arguments: ["new", "report", "x", "--source", folder]) == 1)
        // Wrong command lines.
        for arguments in [
            ["report", "x", "--lang", "fr"], ["report", "x", "--lang", "d_e"], ["report", "!!!"], ["report", "x", "--title", "T"],
            ["report", "x", "--lang", "de", "--lang", "en"], ["folder", "x"],
        ] {
            #expect(await WegweiserCommand.run(arguments: ["new"] + arguments + ["--source", site]) == 2, "\(arguments)")
        }
        #expect(await WegweiserCommand.run(arguments: ["new", "site", folder + "/other", "--lang", "de", "--lang", "de"]) == 2)
    }
}

/// `wegweiser check --translations`: the table, totals and the interface texts a language lacks.
@Suite(.serialized) struct TranslationTableTests {
    let folder = FileManager.default.temporaryDirectory.appending(path: "wegweiser-table-\(UUID().uuidString)").path

    @Test func printsEveryPageTotalsAndMissingInterfaceTexts() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await WegweiserCommand.run(arguments: ["new", "site", folder, "--lang", "de", "--lang", "de-x-easy"]) == 0)
        #expect(await WegweiserCommand.run(arguments: ["new", "report", "erster-bericht", "--lang", "de-x-easy", "--source", folder]) == 0)
        let (assembled, report) = await SiteBuilder(options: BuildOptions(sourceDirectory: folder, jobs: 2)).assemble()
        let site = try #require(assembled?.site)
        let table = TranslationTable(site: site, missingStrings: report.missingStrings)
        // Columns are aligned; compared with single spaces and without the temporary folder.
        let lines = table.text.replacingOccurrences(of: folder + "/", with: "").split(separator: "\n").map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(lines.contains("file de de-x-easy"))
        #expect(lines.contains("content/reports/erster-bericht.de.md original up to date"))
        #expect(lines.contains("content/directory/beratungsstelle.de.md original fallback"))
        #expect(lines.contains("data/directory/adressen.csv:2:1 original up to date"))
        #expect(lines.contains("de: 9 original"))
        #expect(lines.contains("de-x-easy: 6 up to date, 3 fallback"))
        let missing = try #require(lines.first { $0.hasPrefix("de-x-easy (") })
        #expect(missing.contains("add_to_calendar,") && missing.contains("outdated_notice,"))
        let json = table.json
        #expect((json["languages"] as? [String]) == ["de", "de-x-easy"])
        #expect(((json["missing_strings"] as? [String: [String]])?["de-x-easy"]?.contains("read_original")) == true)
    }
}
