import Foundation
import Testing
import WegweiserCore
@testable import WegweiserSearch

@Suite struct SearchIndexTests {
    let german = LanguageCode("de")!

    func build(_ documents: [SearchDocument], options: SearchIndexOptions = SearchIndexOptions()) async -> SearchIndex {
        await SearchIndexBuilder(language: german, options: options).build(documents, jobs: 2)
    }

    func impact(_ index: SearchIndex, _ term: String, _ url: String) -> Int? {
        let document = index.documents.firstIndex { $0.url == url }
        return index.postings(of: term).first { $0.document == document }?.impact
    }

    @Test func aWordInTheTitleWeighsMoreThanTheSameWordInTheBody() async {
        let index = await build([
            SearchDocument(url: "/a/", title: "Wohnung", type: "page", body: "Hier geht es um Miete und Nebenkosten."),
            SearchDocument(url: "/b/", title: "Miete", type: "page", body: "Hier geht es um die Wohnung und Nebenkosten."),
            SearchDocument(url: "/c/", title: "Anderes", type: "page", body: "Nichts davon."),
        ])
        #expect(impact(index, "wohnung", "/a/")! > impact(index, "wohnung", "/b/")!)
    }

    @Test func aRareWordWeighsMoreThanACommonOne() async {
        let documents = (0..<10).map { number in
            SearchDocument(url: "/\(number)/", title: "Seite \(number)", type: "page", body: number == 3 ? "Beratung und Sprachkurs" : "Beratung")
        }
        let index = await build(documents)
        #expect(impact(index, "sprachkur", "/3/")! > impact(index, "beratung", "/3/")!)
        #expect(index.postings(of: "beratung").count == 10)
    }

    @Test func typedFieldsAndHeadingsAreSearchable() async {
        let index = await build([
            SearchDocument(
                url: "/jmd/", title: "JMD", type: "contact", headings: ["Unterlagen"], keywords: ["Schuldnerberatung", "Kirchgasse 3"])
        ])
        for term in ["unterlag", "schuldnerberatung", "kirchgass", "3"] {
            #expect(!index.postings(of: term).isEmpty, "\(term)")
        }
    }

    @Test func aTermListsOnlyItsStrongestPagesBeyondTheLimit() async {
        var options = SearchIndexOptions()
        options.maximumPostings = 3
        let documents = (0..<6).map { number in
            SearchDocument(url: "/\(number)/", title: number < 2 ? "Kita" : "Seite", type: "page", body: "Kita " + String(repeating: "Text ", count: number * 20))
        }
        let index = await build(documents, options: options)
        let listed = index.postings(of: "kita").map(\.document)
        #expect(listed.count == 3)
        #expect(listed.contains(0) && listed.contains(1), "the pages with the word in their title are kept")
        #expect(listed == listed.sorted())
    }

    @Test func theSameSiteGivesTheSameBytesWhateverTheOrderOfItsPages() async {
        let documents = (0..<40).map { SearchDocument(url: "/p\($0)/", title: "Seite \($0)", type: $0 % 2 == 0 ? "report" : "page", body: "Text \($0 * 7)") }
        let one = await build(documents).files()
        let other = await build(documents.reversed()).files()
        #expect(one == other)
    }

    @Test func textIsWrittenAsSafeJSON() async throws {
        let index = await build([SearchDocument(url: "/a/", title: "Quote \" and <tag> & \\ slash", type: "page", body: "Zeile\nzwei\t</script>")])
        let text = try #require(index.files().first?.text)
        #expect(!text.contains("</script>"))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let record = (json["docs"] as! [[Any]])[0]
        #expect(record[1] as? String == "Quote \" and <tag> & \\ slash")
        #expect(record[3] as? String == "Zeile zwei </script>")
    }

    @Test func theExcerptStartsWithTheFactsAndEndsAtAWord() async {
        var options = SearchIndexOptions()
        options.excerptLength = 40
        let index = await build([
            SearchDocument(url: "/a/", title: "A", type: "contact", body: "Wir beraten Sie gerne zu allen Fragen rund um Arbeit.", facts: ["Beratung", "Markt 1"])
        ], options: options)
        #expect(index.excerpts == ["Beratung · Markt 1 · Wir beraten Sie"])
    }

    @Test func aLargeIndexIsSplitIntoShardsThatHoldEveryTermOnce() async throws {
        var options = SearchIndexOptions()
        options.splitAbove = 2048
        options.documentsPerFile = 4
        let words = ["Wohnung", "Arbeit", "Kita", "Schule", "Beratung", "Sprachkurs", "Arzt", "Bürgeramt", "Ämter", "Öffnungszeiten", "Ärztin"]
        let documents = (0..<30).map { number in
            SearchDocument(url: "/p\(number)/", title: "Seite \(number)", type: "page",
                           body: (0..<8).map { words[($0 * 7 + number) % words.count] + "\(number)\($0)" }.joined(separator: " "))
        }
        let index = await build(documents, options: options)
        let files = index.files(path: "de/search-index.json")
        let manifest = try JSONSerialization.jsonObject(with: Data(files[0].text.utf8)) as! [String: Any]
        #expect(files[0].path == "search-index.json")
        #expect(manifest["path"] as? String == "de/search-index.json")
        #expect(manifest["count"] as? Int == 30)
        let shards = manifest["shards"] as! [[String]]
        #expect(shards.count > 1)
        #expect(shards[0][0] == "")
        let firsts = shards.map { $0[0] }
        #expect(firsts == firsts.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        var seen: [String] = []
        for (position, shard) in shards.enumerated() {
            let file = try #require(files.first { $0.path == shard[1] })
            let terms = (try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as! [String: Any])["terms"] as! [String: Any]
            let next = position + 1 < shards.count ? shards[position + 1][0] : nil
            for term in terms.keys {
                #expect(!term.utf16.lexicographicallyPrecedes(shard[0].utf16), "\(term) sorts before its shard")
                if let next { #expect(term.utf16.lexicographicallyPrecedes(next.utf16), "\(term) belongs to the next shard") }
            }
            seen += terms.keys
        }
        #expect(seen.sorted() == index.vocabulary.sorted())
        #expect(files.filter { $0.path.contains("/docs-") }.count == 8)
    }

    @Test func aSplitGermanIndexListsCompoundsUnderTheirParts() async {
        var options = SearchIndexOptions()
        options.splitAbove = 1024
        var documents = [
            SearchDocument(url: "/mbe/", title: "MBE", type: "page", body: "Die Migrationsberatung hilft."),
            SearchDocument(url: "/b/", title: "Beratung", type: "page", body: "Beratung für alle."),
        ]
        documents += (0..<30).map { SearchDocument(url: "/x\($0)/", title: "Füllseite \($0)", type: "page", body: "Text Nummer \($0) ohne das Wort.") }
        let index = await build(documents, options: options)
        let compound = index.documents.firstIndex { $0.url == "/mbe/" }!
        let listed = index.postings(of: "beratung")
        #expect(listed.contains { $0.document == compound })
        #expect(impact(index, "beratung", "/b/")! > impact(index, "beratung", "/mbe/")!)
        let whole = await build(documents)
        #expect(!whole.postings(of: "beratung").contains { $0.document == compound }, "a single-file index leaves compounds to the engine")
    }
}

@Suite struct ExcerptSpaceTests {
    /// Beyond ASCII, the excerpt's test for spaces is Unicode's White_Space, without a property lookup.
    @Test func knowsEveryWhiteSpaceBeyondASCII() {
        let differing = (UInt32(0x80)...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            SearchDocument.isSpace($0) != $0.properties.isWhitespace
        }
        #expect(differing.isEmpty, "\(differing.map { "U+" + String($0.value, radix: 16) })")
    }
}
