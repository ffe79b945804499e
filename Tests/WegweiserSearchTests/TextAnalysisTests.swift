import Foundation
import Testing
import WegweiserCore
@testable import WegweiserSearch

/// One row per rule of docs/search.md and per language. The same table checks engine.mjs
/// (Tests/SearchEngine/analysis.test.mjs), so build and query always analyze text alike.
struct TextAnalysisCase: Decodable, CustomTestStringConvertible, Sendable {
    var rule: String
    var lang: String
    var text: String
    var terms: [String]

    var testDescription: String { "\(lang): \(rule)" }

    static let all: [TextAnalysisCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/text-analysis.json")
        return try! JSONDecoder().decode([TextAnalysisCase].self, from: Data(contentsOf: url))
    }()
}

@Test(arguments: TextAnalysisCase.all)
func analyzesTextByRule(_ example: TextAnalysisCase) {
    let analyzer = TextAnalyzer(language: LanguageCode(example.lang)!)
    #expect(analyzer.terms(example.text) == example.terms)
}

/// The stemming rules of every language the cases use, as the index carries them; engine.mjs's tests
/// read this file to stem the cases the way a built index would make it. `make golden` re-records it.
@Test func recordedAnalyzersMatchTheRules() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/analyzers.json")
    let languages = Set(TextAnalysisCase.all.map(\.lang)).sorted()
    let recorded = "{\n" + languages.map { language in
        "\"\(language)\":" + JSONText.encode(StemRules.forLanguage(LanguageCode(language)!).jsonValue)
    }.joined(separator: ",\n") + "\n}\n"
    if ProcessInfo.processInfo.environment["WEGWEISER_RECORD_GOLDEN"] == "1" {
        try recorded.write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == recorded, "re-record with `make golden` and review the diff")
}
