import Foundation
import WegweiserContent
import WegweiserCore

extension Assembly {
    /// The home page, sections and pages of one language, with their paths.
    mutating func addPages(in language: LanguageCode) {
        var sectionURLs: [String: URLPath] = [:]
        for path in tree.pathsTopDown where hasContent(section: path, in: language) {
            let node = tree[path]!
            let indexSource = node.index?.source(for: language, config: config)
            let url: URLPath
            if path.isEmpty {
                url = URLPath(segments: [language.rawValue], isDirectory: true)
            } else {
                let segment = indexSource?.source.frontMatter.slug ?? SectionTree.lastSegment(of: path)
                url = sectionURLs[SectionTree.parent(of: path)]!.appending(segment)
            }
            sectionURLs[path] = url
            let id = addSectionPage(node, language: language, url: url, indexSource: indexSource)
            sectionPages[path, default: [:]][language] = id
            if !path.isEmpty, let parent = sectionPages[SectionTree.parent(of: path)]?[language] {
                site.pages[id.rawValue].parent = parent
                site.pages[parent.rawValue].subsections.append(id)
            }
            for groupIndex in node.pageGroups {
                addRegularPage(groups[groupIndex], language: language, section: id, sectionURL: url)
            }
        }
        site.homes[language] = sectionPages[""]?[language]
    }

    /// Whether a section has anything to show in a language; the home page always has.
    func hasContent(section path: String, in language: LanguageCode) -> Bool {
        guard let node = tree[path] else { return false }
        if path.isEmpty || node.index?.source(for: language, config: config) != nil { return true }
        if node.pageGroups.contains(where: { groups[$0].source(for: language, config: config) != nil }) { return true }
        return node.subsections.contains { hasContent(section: $0, in: language) }
    }

    private var now: Date { site.options.now }

    private mutating func addSectionPage(
        _ node: SectionTree.Node, language: LanguageCode, url: URLPath,
        indexSource: (source: PageSource, isFallback: Bool)?
    ) -> PageID {
        let isHome = node.path.isEmpty
        let fallbackTitle = isHome ? config.title(for: language) : Slug.words(of: SectionTree.lastSegment(of: node.path))
        let key = node.index?.key ?? "section:" + node.path
        var page = Page(
                id: nextID, kind: isHome ? .home : .section, language: language,
                contentLanguage: indexSource?.source.language ?? language, path: url, title: fallbackTitle,
                type: node.type, section: Self.topSection(of: node.path), translationKey: key, pageSize: config.paginate)
        if let (source, isFallback) = indexSource { page.apply(source, isFallback: isFallback, now: now) }
        if page.title.isEmpty { page.title = fallbackTitle }
        // A directory shows all its entries on one page (grouped, and filtered in the browser).
        page.pageSize = indexSource?.source.frontMatter.paginate ?? (node.type == "contact" ? Int.max : config.paginate)
        let id = append(page)
        if let source = indexSource?.source { bodies[id] = source }
        return id
    }

    private mutating func addRegularPage(_ group: TranslationGroup, language: LanguageCode, section: PageID, sectionURL: URLPath) {
        guard let (source, isFallback) = group.source(for: language, config: config) else { return }
        let slug = Self.slug(of: source)
        let sectionPage = site[section]
        var page = Page(
            id: nextID, kind: .page, language: language, contentLanguage: source.language,
            path: sectionURL.appending(slug), title: "", type: source.frontMatter.type ?? sectionPage.type,
            section: sectionPage.section, translationKey: group.key, pageSize: config.paginate)
        page.apply(source, isFallback: isFallback, now: now)
        page.parent = section
        page.fields = typedFields(of: source, type: page.type)
        let id = append(page)
        fillMissingTitle(of: id, source: source)
        bodies[id] = source
        site.pages[section.rawValue].children.append(id)
    }

    /// A regular page without a title takes its file name's (and says so once, on its own language's page).
    mutating func fillMissingTitle(of id: PageID, source: PageSource) {
        let page = site[id]
        guard page.title.isEmpty else { return }
        if !page.isFallback, page.language == source.language {
            report(Diagnostics([.warning("this page has no 'title'; its file name is used instead", at: source.location())]), for: source)
        }
        site.pages[id.rawValue].title = Slug.words(of: Self.slug(of: source))
    }

    /// The last segment of a regular page's address: its `slug`, else its file's name.
    static func slug(of source: PageSource) -> String {
        source.frontMatter.slug ?? SectionTree.lastSegment(of: source.file.logicalPath)
    }

    static func topSection(of path: String) -> String {
        String(path.split(separator: "/").first ?? "")
    }
}

extension Page {
    /// Takes the fields every page has from its source's front matter.
    mutating func apply(_ source: PageSource, isFallback: Bool, now: Date) {
        let frontMatter = source.frontMatter
        title = frontMatter.title ?? ""
        summary = frontMatter.summary ?? frontMatter.description ?? ""
        date = frontMatter.date
        lastmod = frontMatter.lastmod
        weight = frontMatter.weight
        layout = frontMatter.layout
        image = frontMatter.image
        params = frontMatter.params
        self.isFallback = isFallback
        contentLanguage = source.language
        isDraft = frontMatter.draft
        isSearchable = frontMatter.search
        isFuture = frontMatter.date.map { $0.instant > now } ?? false
        sourcePath = source.displayPath
        fieldLocations = frontMatter.locations
        fieldLanguages = frontMatter.fieldLanguages
        key = SectionTree.lastSegment(of: source.file.logicalPath)
        if !isFallback { aliases = frontMatter.aliases }
    }
}
