import Foundation
import WegweiserContent
import WegweiserCore

extension Assembly {
    /// For every configured taxonomy and language: a page listing the terms and one page per term.
    /// Fallback pages stay out: their terms are in another language.
    mutating func addTaxonomies() async {
        let keys = site.pages.map(ListKey.init)
        // Finding each taxonomy's terms reads every page: done side by side, as it only reads. The
        // pages are then added in order, so that their IDs never depend on scheduling.
        let pairs = config.languages.map(\.code).flatMap { language in config.taxonomies.map { (language, $0) } }
        let found = await pairs.concurrentMap(jobs: site.options.jobs, chunkSize: 1) { [site, labels] pair in
            Self.terms(of: pair.1, in: pair.0, site: site, labels: labels)
        }
        for ((language, taxonomy), (terms, warnings)) in zip(pairs, found) {
            diagnostics.append(contentsOf: warnings)
            addTaxonomy(taxonomy, in: language, terms: terms, order: keys)
        }
    }

    typealias Terms = [String: (spellings: [String: Int], pages: [PageID], language: LanguageCode?)]

    /// The terms of one taxonomy in one language, by slug, with the spellings and pages of each.
    private static func terms(of definition: Taxonomy, in language: LanguageCode, site: Site, labels: SiteLabels) -> (Terms, Diagnostics) {
        let taxonomy = definition.name
        var terms: Terms = [:]
        var diagnostics = Diagnostics()
        // The name, slug and language of each value, made once: most values recur on many pages.
        var known: [String: (name: String, slug: String, code: LanguageCode?)?] = [:]
        func term(of value: String) -> (name: String, slug: String, code: LanguageCode?)? {
            if let term = known[value] { return term }
            // Spoken languages are codes; their terms carry the languages' own names.
            let code = definition.holdsLanguages ? LanguageCode(value) : nil
            let term: (name: String, slug: String, code: LanguageCode?)?
            if definition.holdsLanguages && code == nil {
                term = nil
            } else {
                let name = code.map(\.endonym)
                    ?? (definition.field == "category" ? labels.categoryNames[language]?[value] : nil) ?? value
                term = (name, code.map { $0.rawValue.lowercased() } ?? Slug.make(from: value), code)
            }
            known[value] = term
            return term
        }
        // By index, the page read in place: a `for page in` loop copied every page of the site for
        // every language and taxonomy.
        for index in site.pages.indices {
            guard site.pages[index].language == language, site.pages[index].kind == .page, !site.pages[index].isFallback,
                let names = site.pages[index].params[definition.field].flatMap({ try? $0.stringList(for: definition.field) })
            else { continue }
            let id = site.pages[index].id
            var slugsOfPage = Set<String>()
            for value in names.map({ $0.trimmingSpaces() }) where !value.isEmpty {
                guard let (name, slug, code) = term(of: value) else { continue }
                guard slugsOfPage.insert(slug).inserted else { continue }
                guard !slug.isEmpty else {
                    diagnostics.warning(
                        "the \(taxonomy) term '\(name)' has no letters or digits for its address; it is left out",
                        at: site.pages[index].location(of: definition.field))
                    continue
                }
                terms[slug, default: ([:], [], nil)].spellings[name, default: 0] += 1
                terms[slug, default: ([:], [], nil)].pages.append(id)
                terms[slug]!.language = code
            }
        }
        return (terms, diagnostics)
    }

    private mutating func addTaxonomy(_ definition: Taxonomy, in language: LanguageCode, terms: Terms, order keys: [ListKey]) {
        let taxonomy = definition.name
        guard !terms.isEmpty, let home = site.homes[language] else { return }
        let title = labels.taxonomyTitles[language]?[taxonomy] ?? Slug.words(of: taxonomy)
        let taxonomyPath = site[home].path.appending(taxonomy)
        var taxonomyPage = Page(
            id: nextID, kind: .taxonomy, language: language, contentLanguage: language, path: taxonomyPath, title: title,
            type: taxonomy, section: taxonomy, translationKey: "taxonomy:" + taxonomy, pageSize: config.paginate)
        taxonomyPage.taxonomy = taxonomy
        taxonomyPage.parent = home
        let taxonomyID = append(taxonomyPage)
        site.taxonomyPages[language, default: []].append(taxonomyID)
        for slug in terms.keys.sorted() {
            let (spellings, pages, nameLanguage) = terms[slug]!
            let name = spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            // A spoken language's term page carries its name in that language.
            var term = Page(
                id: nextID, kind: .term, language: language, contentLanguage: nameLanguage ?? language,
                path: taxonomyPath.appending(slug),
                title: name, type: taxonomy, section: taxonomy, translationKey: "term:\(taxonomy)/\(slug)",
                pageSize: config.paginate)
            term.taxonomy = taxonomy
            term.parent = taxonomyID
            term.children = pages.sorted { keys[$0.rawValue] < keys[$1.rawValue] }
            let termID = append(term)
            site.pages[taxonomyID.rawValue].children.append(termID)
            for page in pages {
                site.pages[page.rawValue].terms.append(
                    TermReference(taxonomy: taxonomy, name: name, slug: slug, page: termID, nameLanguage: nameLanguage))
            }
        }
        let locale = Locale(identifier: language.localeIdentifier)
        // Sorted outside the array: sorting in place while reading titles from it would copy every page.
        let termIDs = site.pages[taxonomyID.rawValue].children.sorted {
            site.pages[$0.rawValue].title.compare(site.pages[$1.rawValue].title, options: [.caseInsensitive], locale: locale)
                == .orderedAscending
        }
        site.pages[taxonomyID.rawValue].children = termIDs
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

    /// One search page per language, at `/<lang>/search/`.
    mutating func addSearchPages() {
        for language in config.languages.map(\.code) {
            guard let home = site.homes[language] else { continue }
            var page = Page(
                id: nextID, kind: .search, language: language, contentLanguage: language,
                path: site[home].path.appending("search"), title: labels.searchTitles[language] ?? "Search", type: "search",
                section: "", translationKey: "search", pageSize: config.paginate)
            page.parent = home
            site.searchPages[language] = append(page)
        }
    }

    /// Indexes every page by translation key and language, for switchers and links.
    mutating func linkTranslations() {
        var groups: [String: [LanguageCode: PageID]] = [:]
        for index in site.pages.indices {
            groups[site.pages[index].translationKey, default: [:]][site.pages[index].language] = site.pages[index].id
        }
        site.translationGroups = groups
    }
}
