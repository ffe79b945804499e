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
        let groupsByKey = Dictionary(groups.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, _) in bodies.all {
            markTranslationStatus(of: id, group: groupsByKey[site[id].translationKey])
        }
    }

    /// Marks the pages of the translation groups of `pages` again (after an update of their files).
    mutating func markTranslationStatus(ofGroupsOf pages: [PageID]) {
        let keys = Set(pages.map { site[$0].translationKey })
        let groupsByKey = Dictionary(groups.filter { keys.contains($0.key) }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for key in keys {
            for id in (site.translationGroups[key] ?? [:]).values where bodies[id] != nil {
                markTranslationStatus(of: id, group: groupsByKey[key])
            }
        }
    }

    private mutating func markTranslationStatus(of id: PageID, group: TranslationGroup?) {
        let page = site[id]
        // The original as its page shows it now (an update in `wegweiser serve` changes pages' sources).
        guard let group, let source = bodies[id], let language = originalSource(of: group)?.language,
            let originalID = site.translationGroups[page.translationKey]?[language], let original = bodies[originalID]
        else { return }
        let status: TranslationStatus
        if page.isFallback {
            status = .fallback
        } else if source.identity == original.identity {
            status = .original
        } else {
            status = isOutdated(source, against: original) ? .outdated : .upToDate
        }
        site.pages[id.rawValue].translationStatus = status
        site.pages[id.rawValue].original = originalID
    }

    /// The text the others translate: the default language's, else the first language's that has it.
    func originalSource(of group: TranslationGroup) -> PageSource? {
        group.sources[config.defaultLanguage] ?? config.languages.lazy.compactMap { group.sources[$0.code] }.first
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
