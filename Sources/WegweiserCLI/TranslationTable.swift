import Foundation
import WegweiserCore
import WegweiserSite

/// `wegweiser check --translations`: every page of content in every language, totals per language,
/// and the interface texts each language lacks.
struct TranslationTable {
    let languages: [LanguageCode]
    let rows: [TranslationRow]
    let missingStrings: [LanguageCode: [String]]

    init(site: Site, missingStrings: [LanguageCode: [String]]) {
        languages = site.languages.map(\.code)
        rows = site.translationRows()
        self.missingStrings = missingStrings
    }

    /// What a language's cell says: the status, or "missing" for no page.
    static func cell(_ status: TranslationStatus?) -> String { status?.rawValue ?? "missing" }

    /// Per language, how many pages have each status ("missing" included).
    var totals: [LanguageCode: [String: Int]] {
        var totals: [LanguageCode: [String: Int]] = [:]
        for row in rows {
            for language in languages { totals[language, default: [:]][Self.cell(row.statuses[language]), default: 0] += 1 }
        }
        return totals
    }

    var text: String {
        let header = ["file"] + languages.map(\.rawValue)
        let body = rows.map { row in [row.file] + languages.map { Self.cell(row.statuses[$0]) } }
        var lines = ["Translations of \(rows.count) pages:", ""] + ReportPrinter.columns([header] + body) + [""]
        let order = ["original", TranslationStatus.upToDate.rawValue, TranslationStatus.outdated.rawValue,
                     TranslationStatus.fallback.rawValue, "missing"]
        for language in languages {
            let counts = totals[language] ?? [:]
            lines.append("\(language): " + order.compactMap { name in counts[name].map { "\($0) \(name)" } }.joined(separator: ", "))
        }
        let lacking = languages.filter { !(missingStrings[$0] ?? []).isEmpty }
        if lacking.isEmpty {
            lines.append("Every language has all interface texts.")
        } else {
            lines.append("Interface texts missing (add them to i18n/<language>.yaml):")
            for language in lacking {
                let keys = missingStrings[language]!.sorted()
                lines.append("  \(language) (\(keys.count)): " + keys.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: [String: Any] {
        [
            "languages": languages.map(\.rawValue),
            "pages": rows.map { row -> [String: Any] in
                ["file": row.file, "original": row.original.rawValue,
                 "status": Dictionary(uniqueKeysWithValues: languages.map { ($0.rawValue, Self.cell(row.statuses[$0])) })]
            },
            "totals": Dictionary(uniqueKeysWithValues: totals.map { ($0.key.rawValue, $0.value) }),
            "missing_strings": Dictionary(uniqueKeysWithValues: missingStrings.filter { !$0.value.isEmpty }.map { ($0.key.rawValue, $0.value.sorted()) }),
        ]
    }
}
