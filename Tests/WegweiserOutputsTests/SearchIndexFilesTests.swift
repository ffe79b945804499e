import Foundation
import Testing
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTestSupport

@Suite struct SearchIndexFilesTests {
    static let files = [
        "_index.de.md": page("Start", body: "Startseite mit Wohnung"), "_index.en.md": page("Home"),
        "wohnen.de.md": page("Wohnen", "summary: Eine Wohnung finden."),
        "wohnen.en.md": page("Housing"),
        "nur-deutsch.de.md": page("Nur Deutsch"),
        "intern.de.md": page("Intern", "search: false"),
        "directory/jmd.de.md": page(
            "JMD", "organization: Jugendmigrationsdienst\nservices: [Schuldnerberatung]\nlanguages: [uk]\naddress: {street: Markt 1, postal_code: '12345', city: Musterstadt}"),
    ]

    func index(_ language: String, in files: [OutputFile]) throws -> [String: Any] {
        let file = try #require(files.first { $0.path == "\(language)/search-index.json" })
        return try JSONSerialization.jsonObject(with: Data(file.bytes)) as! [String: Any]
    }

    @Test func indexesTheRegularPagesOfEachLanguageOnly() async throws {
        let site = try await SiteFixture(Self.files).site()
        let files = await SearchIndexFiles.files(for: site)
        #expect(files.contains { $0.path == "search/engine.mjs" })
        let german = try index("de", in: files)
        #expect((german["docs"] as! [[Any]]).map { $0[0] as! String }.sorted() == ["/de/directory/jmd/", "/de/nur-deutsch/", "/de/wohnen/"])
        // The English site shows "Nur Deutsch" as a fallback copy: its text is German, so it is not in the English index.
        #expect((try index("en", in: files)["docs"] as! [[Any]]).map { $0[0] as! String } == ["/en/wohnen/"])
        #expect((try index("ar", in: files)["docs"] as! [[Any]]).isEmpty)
    }

    @Test func aContactIsFoundByItsServicesAddressAndSpokenLanguagesInThePagesLanguage() async throws {
        let site = try await SiteFixture(Self.files).site()
        let terms = try index("de", in: await SearchIndexFiles.files(for: site))["terms"] as! [String: Any]
        for term in ["schuldnerberatung", "jugendmigrationsdienst", "markt", "12345", "musterstadt", "ukrainisch"] {
            #expect(terms[term] != nil, "\(term)")
        }
        let record = (try index("de", in: await SearchIndexFiles.files(for: site))["docs"] as! [[Any]]).first { $0[0] as! String == "/de/directory/jmd/" }!
        #expect(record[3] as? String == "Schuldnerberatung · Markt 1, 12345 Musterstadt · Text.")
    }

    @Test func aSiteWithoutSearchHasNoIndexAndNoSearchPage() async throws {
        var fixture = SiteFixture(Self.files)
        fixture.siteYAML += "\nsearch: false\n"
        let site = try await fixture.site()
        #expect(await SearchIndexFiles.files(for: site).isEmpty)
        #expect(site.searchPages.isEmpty)
        #expect(!site.pages.contains { $0.kind == .search })
    }
}
