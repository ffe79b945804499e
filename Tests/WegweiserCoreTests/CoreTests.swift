import Foundation
import Testing
@testable import WegweiserCore

@Suite struct LanguageCodeTests {
    @Test(arguments: [
        ("de", "de"), ("DE", "de"), ("de-x-easy", "de-x-easy"), ("pt_br", "pt-BR"), ("sr-latn", "sr-Latn"),
        ("es-419", "es-419"), ("uk", "uk"), ("zh-Hant-TW", "zh-Hant-TW"),
    ])
    func canonicalizesWellFormedTags(input: String, canonical: String) {
        #expect(LanguageCode(input)?.rawValue == canonical)
    }

    @Test(arguments: ["", "d", "deutsch-x", "de--x", "12", "de-x", "de_ü"])
    func rejectsMalformedTags(_ input: String) {
        #expect(LanguageCode(input) == nil)
    }

    @Test(arguments: [
        ("ar", TextDirection.rightToLeft), ("fa", .rightToLeft), ("ckb", .rightToLeft), ("he", .rightToLeft),
        ("de", .leftToRight), ("uk", .leftToRight), ("ku-Arab", .rightToLeft), ("az-Latn", .leftToRight),
    ])
    func knowsTheUsualDirection(code: String, direction: TextDirection) {
        #expect(LanguageCode(code)?.usualDirection == direction)
    }

    @Test func dropsPrivateUseSubtagsForLocaleData() {
        #expect(LanguageCode("de-x-easy")?.localeIdentifier == "de")
        #expect(LanguageCode("de-x-easy")?.primaryLanguage == "de")
    }
}

@Suite struct URLPathTests {
    @Test(arguments: ["../x", "a/../b", "/a/./b", "a\\b", "x\u{0}y"])
    func rejectsPathsThatCouldLeaveTheOutput(_ text: String) {
        #expect(URLPath(text) == nil)
    }

    @Test func mapsFoldersToIndexFiles() {
        #expect(URLPath("/de/reports/x/")?.outputFile == "de/reports/x/index.html")
        #expect(URLPath("/de/feed.xml")?.outputFile == "de/feed.xml")
        #expect(URLPath.root.description == "/")
        #expect(URLPath.root.appending("de").appending(file: "404.html").description == "/de/404.html")
    }

    @Test func percentEncodesForXML() {
        #expect(URLPath("/ar/tags/سكن/")?.percentEncoded == "/ar/tags/%D8%B3%D9%83%D9%86/")
        #expect(URLPath("/de/a b/")?.percentEncoded == "/de/a%20b/")
        #expect(URLPath("/de/a b/")?.hrefEncoded == "/de/a%20b/")
        #expect(URLPath("/ar/%سكن#?\"/")?.hrefEncoded == "/ar/%25سكن%23%3F%22/")
        #expect(URLPath("/ar/%سكن#?\"/")?.percentEncoded == "/ar/%25%D8%B3%D9%83%D9%86%23%3F%22/")
        #expect(URLPath("/de/berlin-mitte/")?.hrefEncoded == "/de/berlin-mitte/")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Über uns – Beratung!", "über-uns-beratung"),
        ("U\u{308}ber uns", "über-uns"),
        ("Çalışma İzni", "çalışma-i\u{307}zni"),
        ("Arbeit & Ausbildung", "arbeit-ausbildung"),
        ("مركز الإرشاد", "مركز-الإرشاد"),
        ("Житло / Wohnen", "житло-wohnen"),
        ("  Spaces  around ", "spaces-around"),
        ("C++ (2024)", "c-2024"),
        ("می‌خواهم", "می\u{200C}خواهم"),
        ("!!!", ""),
    ])
    func makesUnicodeAwareSlugs(text: String, slug: String) {
        #expect(Slug.make(from: text) == slug)
    }

    /// Text the quick test takes for composed must be what Foundation's normalization gives, for
    /// every scalar below U+0900 alone and after a letter; text with a combining mark goes to Foundation.
    @Test func quickCompositionTestAgreesWithFoundation() {
        for value in UInt32(0x20)..<0x900 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)), "\u{627}" + String(Character(scalar))]
            where Slug.isComposed(text) {
                #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "U+\(String(value, radix: 16))")
            }
        }
        #expect(!Slug.isComposed("\u{627}\u{654}"))  // alef and hamza above: أ
        #expect(!Slug.isComposed("\u{435}\u{308}"))  // е and diaeresis: ё
        #expect(!Slug.isComposed("\u{387}"))  // a singleton
        #expect(Slug.isComposed("Житло مركز Ελλάδα"))
    }

    /// ASCII text takes a byte-wise path; with one accented letter at the end the same text takes the
    /// Unicode path, which must agree on every ASCII character.
    @Test func asciiPathAgreesWithTheUnicodePath() {
        for value in UInt8(0)..<0x80 {
            let text = "x" + String(UnicodeScalar(value)) + "Y"
            #expect(Slug.make(from: text) + "é" == Slug.make(from: text + "é"), "byte \(value)")
        }
    }
}

@Suite struct SourceTextTests {
    @Test func stripsAByteOrderMark() throws {
        #expect(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("Hallo".utf8), file: "a.md") == "Hallo")
    }

    @Test func pointsAtTheFirstInvalidByte() {
        let bytes = Array("Zeile 1\nGrü".utf8) + [0xFF] + Array("n\n".utf8)
        #expect {
            _ = try SourceText.decode(bytes, file: "a.md")
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.location == SourceLocation(file: "a.md", line: 2, column: 4)
                && diagnostic?.message.contains("0xFF") == true
        }
    }

    @Test func rejectsUTF16WithAHint() {
        #expect(throws: DiagnosticError.self) { try SourceText.decode([0xFF, 0xFE, 0x41, 0x00], file: "a.md") }
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("titel", ["title", "date", "tags"], "title"),
        ("opening_hour", ["opening_hours", "organization"], "opening_hours"),
        ("tgas", ["tags", "title"], "tags"),
        ("colour", ["title", "date"], nil),
    ] as [(String, [String], String?)])
    func suggestsTheClosestKnownWord(word: String, candidates: [String], suggestion: String?) {
        #expect(Suggestions.closest(to: word, in: candidates) == suggestion)
    }
}

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(file: "content/a.md", line: 3, column: 7))
        #expect(diagnostic.description == "content/a.md:3:7: error: bad")
    }

    @Test func sortsByFileLineAndColumnAndDropsRepeats() {
        var diagnostics = Diagnostics()
        diagnostics.warning("w", at: SourceLocation(file: "b.md", line: 1))
        diagnostics.error("e", at: SourceLocation(file: "a.md", line: 9))
        diagnostics.error("e", at: SourceLocation(file: "a.md", line: 9))
        diagnostics.error("f", at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(diagnostics.sorted.map(\.description) == ["a.md:2:5: error: f", "a.md:9:1: error: e", "b.md:1:1: warning: w"])
    }
}

@Suite struct ConcurrentMapTests {
    @Test func keepsTheOrderWhateverTheScheduling() async {
        let numbers = Array(0..<1000)
        let squares = await numbers.concurrentMap(jobs: 4, chunkSize: 7) { $0 * $0 }
        #expect(squares == numbers.map { $0 * $0 })
    }
}

@Suite struct MemoryFileSystemTests {
    @Test func listsWritesMovesAndRemoves() throws {
        let fileSystem = MemoryFileSystem(files: ["/site/content/a.md": "A", "/site/content/x/b.md": "B"])
        #expect(try fileSystem.entries(at: "/site/content").map(\.name) == ["a.md", "x"])
        #expect(try fileSystem.filesRecursively(under: "/site") == ["content/a.md", "content/x/b.md"])
        try fileSystem.move("/site/content", to: "/site/moved")
        #expect(fileSystem.kind(at: "/site/moved/x/b.md") == .file)
        #expect(fileSystem.kind(at: "/site/content") == nil)
        try fileSystem.remove("/site/moved/x")
        #expect(try fileSystem.filesRecursively(under: "/site") == ["moved/a.md"])
    }
}

@Suite struct JSONTextTests {
    @Test func writesSortedKeysAndEscapesWhatHTMLWouldRead() {
        let json = JSONText.encode(["b": [1, 2.5, true, "x"], "a": "</script> & \"q\"\n"] as [String: Any])
        #expect(json == #"{"a":"\u003c/script\u003e \u0026 \"q\"\n","b":[1,2.5,true,"x"]}"#)
    }

    @Test func escapesControlCharactersAndJavaScriptLineEndsButCopiesOtherText() {
        #expect(JSONText.encode("a\u{1}b\u{1F}\u{2028}c\u{2029}") == #""a\u0001b\u001f\u2028c\u2029""#)
        #expect(JSONText.encode("Straße – مرحبا 👋 \\ \t") == #""Straße – مرحبا 👋 \\ \t""#)
        #expect(JSONText.encode("\u{2027}\u{202A}") == "\"\u{2027}\u{202A}\"")
    }

    @Test(arguments: ["", "plain", "a\u{1}b\u{1F}\u{2028}c\u{2029}", "</script> & \"q\"\n\t\r\\", "Straße – مرحبا 👋", "\u{E2}\u{2027}x"])
    func quotesIntoBytesAsIntoText(text: String) {
        var bytes: [UInt8] = []
        JSONText.appendQuoted(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONText.encode(text))
    }

    /// JSON-LD is built as `JSONValue`s: the text must be what `encode` writes for the same dictionary.
    @Test func valuesWriteWhatTheDictionaryWouldGive() {
        var object: JSONObject = ["name": "first", "@type": "Place", "zeta": .double(48.5), "alpha": .double(-3)]
        object["name"] = "Ba\u{308}ckerei <Nord> & \"Süd\"\u{2028}"
        object["list"] = .strings(["b", "a"])
        object["nested"] = ["z": .bool(false), "a": .int(7), "nan": .double(.nan), "items": .array([["k": "v"], "</script>"])]
        object["gone"] = "x"
        object["gone"] = nil
        let dictionary: [String: Any] = [
            "name": "Ba\u{308}ckerei <Nord> & \"Süd\"\u{2028}", "@type": "Place", "zeta": 48.5, "alpha": -3.0,
            "list": ["b", "a"], "nested": ["z": false, "a": 7, "nan": Double.nan, "items": [["k": "v"] as [String: Any], "</script>"] as [Any]] as [String: Any],
        ]
        #expect(object.encoded == JSONText.encode(dictionary))
        #expect(object.encoded.hasPrefix(#"{"@type":"Place","alpha":-3,"list":["b","a"],"name":"#))
        #expect(object["zeta"] == .double(48.5) && object["gone"] == nil)
    }
}

@Suite struct ByteOrderTests {
    /// Folder listings are sorted by bytes: the fast comparison must agree with the generic one.
    @Test func sortsAsTheBytesDo() {
        let names = ["", "a", "A", "a.de.md", "a.md", "ab", "b", "Zürich", "Zurich", "zürich-verein-mit-langem-namen.de.md",
                     "zürich-verein-mit-langem-namen.ar.md", "e\u{301}", "\u{E9}", "مرحبا", "👋", "index.md", "_index.md"]
        for left in names {
            for right in names {
                #expect(left.precedesByBytes(right) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
            }
        }
    }
}

@Suite struct TrimmingTests {
    /// The native trimming must give what Foundation's character sets give, on every kind of blank.
    @Test(arguments: ["", "   ", " a ", "\tStraße\u{00A0}", "\u{3000}東京\u{2003}", "\n a b \n", "\r\nx\u{0085}", "\u{2028}y\u{2029}", "é\u{301} ", "\u{200B}z"])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpacesNewlinesAndPunctuation() == text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)))
        let punctuated = "«" + text + "», —"
        #expect(punctuated.trimmingSpacesNewlinesAndPunctuation() == punctuated.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)))
    }
}

@Suite struct ChunkedArrayTests {
    @Test(arguments: [0, 1, 255, 256, 257, 1000])
    func holdsWhatWasAppendedInOrder(count: Int) {
        let array = ChunkedArray(0..<count)
        #expect(array.count == count)
        #expect(Array(array) == Array(0..<count))
        #expect(array.indices == 0..<count)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = ChunkedArray((0..<600).map { "page \($0)" })
        var copy = original
        copy[3] = "changed"
        copy[599] += "!"
        copy.append("new")
        #expect(original[3] == "page 3" && original[599] == "page 599" && original.count == 600)
        #expect(copy[3] == "changed" && copy[599] == "page 599!" && copy[600] == "new" && copy.count == 601)
        #expect(Array(copy[4..<599]) == Array(original[4..<599]))
    }
}

@Suite struct ByteTextTests {
    @Test(arguments: [0, 7, 10, 99, 100, 65_535, -1, -450, Int.max, Int.min])
    func writesDecimalsAsStringDoes(value: Int) {
        var bytes: [UInt8] = [UInt8(ascii: "x")]
        bytes.appendDecimal(value)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(value))
    }

    @Test(arguments: ["plain", "", "a<b & \"c\" 'd'>", "tab\tline\nbell\u{07}end", "Straße – مركز"])
    func appendsEscapedTextAsHTMLEscapedGivesIt(text: String) {
        var output = "<p>"
        output.appendHTMLEscaped(text)
        #expect(output == "<p>" + text.htmlEscaped)
    }
}

@Suite struct CivilDayTests {
    /// The arithmetic stamp agrees with Foundation's calendar over centuries, both sides of 1970,
    /// at offsets east and west of UTC.
    @Test func writesStampsAsTheCalendarDoes() {
        var calendar = Calendar(identifier: .gregorian)
        for offset in [0, 3600, 7200, -18_000, 19_800] {
            calendar.timeZone = TimeZone(secondsFromGMT: offset)!
            for step in stride(from: -4_000_000_000.0, through: 4_000_000_000.0, by: 37_131_977.0) {
                let date = Date(timeIntervalSince1970: step)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                let expected = String(
                    format: "%04d%02d%02dT%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
                #expect(CivilDay.compactStamp(date, offset: offset) == expected, "\(date) at \(offset)")
            }
        }
    }
}
