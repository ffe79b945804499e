import Foundation
import WegweiserCore

extension Assembly {
    /// For every configured taxonomy and language: a page listing the terms and one page per term.
    /// Fallback pages stay out: their terms are in another language.
    mutating func addTaxonomies() {
        let keys = site.pages.map(ListKey.init)
        for language in config.languages.map(\.code) {
            for taxonomy in config.taxonomies {
                addTaxonomy(taxonomy, in: language, order: keys)
            }
        }
    }

    private mutating func addTaxonomy(_ taxonomy: String, in language: LanguageCode, order keys: [ListKey]) {
        var terms: [String: (spellings: [String: Int], pages: [PageID])] = [:]
        for page in site.pages where page.language == language && page.kind == .page && !page.isFallback {
            guard let names = page.params[taxonomy].flatMap({ try? $0.stringList(for: taxonomy) }) else { continue }
            var slugsOfPage = Set<String>()
            for name in names.map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                let slug = Slug.make(from: name)
                guard slugsOfPage.insert(slug).inserted else { continue }
                guard !slug.isEmpty else {
                    diagnostics.warning("the \(taxonomy) term '\(name)' has no letters or digits for its address; it is left out", at: page.location(of: taxonomy))
                    continue
                }
                terms[slug, default: ([:], [])].spellings[name, default: 0] += 1
                terms[slug, default: ([:], [])].pages.append(page.id)
            }
        }
        guard !terms.isEmpty, let home = site.homes[language] else { return }
        let title = labels.taxonomyTitles[language]?[taxonomy] ?? Self.humanize(taxonomy)
        let taxonomyPath = site[home].path.appending(taxonomy)
        var taxonomyPage = Page(
            id: nextID, kind: .taxonomy, language: language, contentLanguage: language, path: taxonomyPath, title: title,
            type: taxonomy, section: taxonomy, translationKey: "taxonomy:" + taxonomy, pageSize: config.paginate)
        taxonomyPage.taxonomy = taxonomy
        taxonomyPage.parent = home
        let taxonomyID = append(taxonomyPage)
        site.taxonomyPages[language, default: []].append(taxonomyID)
        for slug in terms.keys.sorted() {
            let (spellings, pages) = terms[slug]!
            let name = spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            var term = Page(
                id: nextID, kind: .term, language: language, contentLanguage: language, path: taxonomyPath.appending(slug),
                title: name, type: taxonomy, section: taxonomy, translationKey: "term:\(taxonomy)/\(slug)",
                pageSize: config.paginate)
            term.taxonomy = taxonomy
            term.parent = taxonomyID
            term.children = pages.sorted { keys[$0.rawValue] < keys[$1.rawValue] }
            let termID = append(term)
            site.pages[taxonomyID.rawValue].children.append(termID)
            for page in pages {
                site.pages[page.rawValue].terms.append(TermReference(taxonomy: taxonomy, name: name, slug: slug, page: termID))
            }
        }
        let locale = Locale(identifier: language.localeIdentifier)
        let pages = site.pages
        site.pages[taxonomyID.rawValue].children.sort {
            pages[$0.rawValue].title.compare(pages[$1.rawValue].title, options: [.caseInsensitive], locale: locale) == .orderedAscending
        }
    }

    /// One "page not found" page per language, at `/<lang>/404.html`.
    mutating func addNotFoundPages() {
        for language in config.languages.map(\.code) {
            guard let home = site.homes[language] else { continue }
            let title = labels.notFoundTitles[language] ?? "Page not found"
            var page = Page(
                id: nextID, kind: .notFound, language: language, contentLanguage: language,
                path: site[home].path.appending(file: "404.html"), title: title, type: "404", section: "",
                translationKey: "404", pageSize: config.paginate)
            page.parent = home
            site.notFoundPages[language] = append(page)
        }
    }

    /// Indexes every page by translation key and language, for switchers and links.
    mutating func linkTranslations() {
        var groups: [String: [LanguageCode: PageID]] = [:]
        for page in site.pages { groups[page.translationKey, default: [:]][page.language] = page.id }
        site.translationGroups = groups
    }
}
