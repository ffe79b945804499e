import Foundation
import WegweiserContent
import WegweiserCore

extension Assembly {
    /// Changes closer together than this count as one: files copied or checked out together get
    /// modification times a moment apart, in no particular order.
    static let changeTolerance: TimeInterval = 10

    /// Marks every page of a content file: the original of its translations, a translation up to
    /// date or outdated, or a fallback.
    mutating func markTranslationStatus() {
        markTranslationStatus(ofGroups: Set(bodies.all.map { site[$0.id].translationKey }))
    }

    /// Marks the pages of the translation groups of `pages` again (after an update of their files).
    mutating func markTranslationStatus(ofGroupsOf pages: [PageID]) {
        markTranslationStatus(ofGroups: Set(pages.map { site[$0].translationKey }))
    }

    private mutating func markTranslationStatus(ofGroups keys: Set<String>) {
        for key in keys {
            let group = site.translationGroups[key] ?? [:]
            // The original: the default language's own text, else the first language's in site.yaml.
            let languages = [config.defaultLanguage] + config.languages.map(\.code)
            guard let originalID = languages.lazy.compactMap({ group[$0] }).first(where: { !site[$0].isFallback && bodies[$0] != nil }),
                let original = bodies[originalID]
            else { continue }
            for id in group.values {
                guard let source = bodies[id] else { continue }
                let status: TranslationStatus
                if site[id].isFallback {
                    status = .fallback
                } else if id == originalID {
                    status = .original
                } else {
                    status = isOutdated(source, against: original) ? .outdated : .upToDate
                }
                site.pages[id.rawValue].translationStatus = status
                site.pages[id.rawValue].original = originalID
            }
        }
    }

    /// Whether the original changed after the translation: by their `lastmod` when both have one,
    /// else by when their files last changed. A `minor_edit` of the original keeps translations current.
    func isOutdated(_ translation: PageSource, against original: PageSource) -> Bool {
        if original.frontMatter.minorEdit { return false }
        if let changed = original.frontMatter.lastmod, let translated = translation.frontMatter.lastmod {
            return changed.instant > translated.instant
        }
        guard let changed = changeTimes[original.displayPath], let translated = changeTimes[translation.displayPath] else { return false }
        return changed.timeIntervalSince(translated) > Self.changeTolerance
    }
}
