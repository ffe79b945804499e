import WegweiserCore

/// One page of content in every language of the site: what `wegweiser check --translations` prints.
public struct TranslationRow: Sendable, Hashable {
    /// The original's file, as messages show it.
    public var file: String
    public var original: LanguageCode
    /// Per language of the site; nil when the language has no page (missing_translation: omit).
    public var statuses: [LanguageCode: TranslationStatus]
}

extension Site {
    /// Every page of a content file with the status of each language, ordered by the original's file.
    public func translationRows() -> [TranslationRow] {
        var rows: [TranslationRow] = []
        for group in translationGroups.values {
            var statuses: [LanguageCode: TranslationStatus] = [:]
            var original: Page?
            for id in group.values {
                guard let status = self[id].translationStatus else { continue }
                statuses[self[id].language] = status
                if original == nil, let first = self[id].original { original = self[first] }
            }
            guard let original, let file = original.sourcePath, !statuses.isEmpty else { continue }
            // A spreadsheet row is named by its line.
            let name = file.hasSuffix(".md") ? file : original.location(of: "key").map(\.description) ?? file
            rows.append(TranslationRow(file: name, original: original.language, statuses: statuses))
        }
        return rows.sorted { ($0.file, $0.original) < ($1.file, $1.original) }
    }
}
