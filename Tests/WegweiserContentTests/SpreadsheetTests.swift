import Foundation
import Testing
import WegweiserCore
@testable import WegweiserContent

@Suite struct CSVReaderTests {
    @Test func readsQuotesCommasAndLineBreaksInsideFields() throws {
        let rows = try CSVReader.read("key,title,note\na,\"Beratung, \"\"offen\"\"\",\"zwei\nZeilen\"\n\nb,B,\n", file: "x.csv")
        #expect(rows.map { $0.map(\.text) } == [["key", "title", "note"], ["a", "Beratung, \"offen\"", "zwei\nZeilen"], ["b", "B", ""]])
        #expect(rows[2][0].location == SourceLocation(file: "x.csv", line: 5, column: 1))
        #expect(rows[1][2].location == SourceLocation(file: "x.csv", line: 2, column: 25))
    }

    @Test(arguments: [
        ("a,b\n1,x\"y\n", "x.csv:2:4: error: a quote inside a field that does not start with a quote"),
        ("a,b\n1,\"open\n", "x.csv:2:3: error: this quoted field is never closed"),
        ("a,b\n1,\"x\"y\n", "x.csv:2:6: error: text after the closing quote of a field"),
    ])
    func reportsBrokenQuotingAtItsPlace(text: String, expected: String) {
        #expect {
            _ = try CSVReader.read(text, file: "x.csv")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.description.hasPrefix(expected) == true
        }
    }
}

@Suite struct DataLoaderTests {
    let config = try! SiteConfigLoader.load(
        "title: T\nbase_url: https://x.org/\ntime_zone: Europe/Berlin\nlanguages: [de, en, ar]\n", file: "site.yaml"
    ).0

    func load(_ files: [String: String]) -> ([PageSource], [String]) {
        let fileSystem = MemoryFileSystem(files: files.mapKeys { "/s/data/" + $0 })
        let (sources, diagnostics) = DataLoader(fileSystem: fileSystem, config: config).load(directory: "/s/data", displayDirectory: "data")
        return (sources, diagnostics.sorted.map(\.description))
    }

    @Test func makesOnePagePerRowAndLanguageFromTranslatedColumns() throws {
        let csv = "\u{FEFF}key,title,title:en,services,street,postal_code,city,lat,lon\r\n"
            + "jmd,Jugendmigrationsdienst,Youth migration service,Schule; Ausbildung ;,Markt 1,04860,Torgau,51.5,13.0\r\n"
        let (sources, messages) = load(["directory/stellen.csv": csv])
        #expect(messages.isEmpty)
        #expect(sources.map { "\($0.language) \($0.file.logicalPath) \($0.frontMatter.title ?? "")" } == [
            "de directory/jmd Jugendmigrationsdienst", "en directory/jmd Youth migration service",
        ])
        let german = sources[0].frontMatter.params
        #expect(try german["services"]?.stringList(for: "services") == ["Schule", "Ausbildung"])
        #expect(german["address"]?["city"]?.value == .scalar("Torgau", quoted: true))
        #expect(german["geo"]?["lat"]?.location == SourceLocation(file: "data/directory/stellen.csv", line: 2, column: 94))
        // A translation keeps the fields it does not translate, and knows they are in German.
        #expect(sources[1].frontMatter.params["services"] != nil)
        let de = LanguageCode("de")!
        #expect(sources[1].frontMatter.fieldLanguages == ["services": de, "address": de, "geo": de])
        #expect(sources[0].frontMatter.fieldLanguages.isEmpty)
    }

    @Test func readsYAMLListsAndMaps() throws {
        let (sources, messages) = load([
            "directory/a.yaml": "- key: a\n  title: A\n  title:ar: أ\n",
            "directory/b.yml": "b:\n  title: B\n",
        ])
        #expect(messages.isEmpty)
        #expect(sources.map { "\($0.language) \($0.file.logicalPath)" } == ["ar directory/a", "de directory/a", "de directory/b"])
    }

    @Test(arguments: [
        ("key,title\n,Ohne\n", "data/directory/x.csv:2:1: error: this entry has no 'key'"),
        ("key,title\na,A\na,B\n", "data/directory/x.csv:3:1: error: the key 'a' is used twice in this file"),
        ("key,title\na b,A\n", "data/directory/x.csv:2:1: error: the key 'a b' may hold only letters"),
        ("key,title:fr\na,A\n", "data/directory/x.csv:1:5: error: 'title:fr' names language 'fr', which is not in site.yaml"),
        ("key;title\na;A\n", "data/directory/x.csv:1:1: error: the columns are separated by ';'"),
        ("key,title,title\na,A,B\n", "data/directory/x.csv:1:11: error: the column 'title' appears twice"),
        ("key,title\na,A,extra\n", "data/directory/x.csv:2:5: error: this row has 3 fields but the header has 2 columns"),
        ("key,title,date\na,A,2024-13-01\n", "data/directory/x.csv:2:5: error: 'date' is not a valid date"),
    ])
    func reportsBadRowsAtTheirCell(csv: String, expected: String) {
        let (_, messages) = load(["directory/x.csv": csv])
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }
}

extension Dictionary {
    fileprivate func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
