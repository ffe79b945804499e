import Foundation
import Synchronization
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// Builds what templates see: `site`, `page`, `items`, `pager`, `translations`, `alternates`, `i18n`
/// (documented in docs/templates.md), made as `TemplateValue`s, which the renderer reads with a switch.
public struct RenderContextBuilder: Sendable {
    public let site: Site
    public let strings: UIStrings
    public let formatter: LocaleFormatter
    /// schema.org JSON-LD of a page, made by the outputs layer.
    public let structuredData: @Sendable (Page) -> String?
    /// Per language, the site values that every page shares, and the UI strings: converted for the
    /// renderer once, not for every page.
    private let siteValues: [LanguageCode: TemplateMap]
    private let stringValues: [LanguageCode: TemplateValue]
    /// Per language, each taxonomy's title (its list page's), for the terms a page shows.
    private let taxonomyTitles: [LanguageCode: [String: String]]
    /// A page as an entry of a list, made once: a report is an entry of its section, the home page and
    /// each of its terms' pages.
    private let items = Memo<PageID>()
    /// The `site` value per language and navigation entry marked current.
    private let navigations = Memo<NavigationKey>()
    /// Languages by their own names ("العربية"), for every code the contacts and events name.
    let endonyms: [LanguageCode: String]

    /// The languages that have events.
    private let languagesWithEvents: Set<LanguageCode>
    /// Every page's address as a link and as an absolute URL, made once: a page's address is written
    /// on the page, in its lists, its translations' switchers, breadcrumbs and alternates.
    private let addresses: PageAddresses
    /// Whether `page.params` is made: every front matter field of every page, converted, for
    /// themes that read it (`PageRenderer` leaves it out when no template names `params`).
    public var includesPageParams = true
    /// Per language, the pager of a page that is not split.
    private let singlePagers: [LanguageCode: TemplateValue]

    public init(site: Site, strings: UIStrings, structuredData: @escaping @Sendable (Page) -> String? = { _ in nil }) {
        let (withEvents, codes) = Self.languageFacts(of: site.pages.indices.map(PageID.init), in: site)
        self.init(
            site: site, strings: strings, structuredData: structuredData, languagesWithEvents: withEvents,
            endonyms: Dictionary(uniqueKeysWithValues: codes.map { ($0, $0.endonym) }))
    }

    /// The builder for a site whose `changed` pages were made again (`wegweiser serve`): what it
    /// learned from the other pages stays. (A language a contact no longer names keeps its name in
    /// the table; nothing shows it.)
    public func updated(
        for site: Site, changed: [PageID], structuredData: @escaping @Sendable (Page) -> String? = { _ in nil }
    ) -> RenderContextBuilder {
        let (withEvents, codes) = Self.languageFacts(of: changed, in: site)
        var endonyms = self.endonyms
        for code in codes where endonyms[code] == nil { endonyms[code] = code.endonym }
        // An update changes no page's address (one that would makes the whole site again).
        return RenderContextBuilder(
            site: site, strings: strings, structuredData: structuredData, languagesWithEvents: languagesWithEvents.union(withEvents),
            endonyms: endonyms, addresses: addresses)
    }

    private init(
        site: Site, strings: UIStrings, structuredData: @escaping @Sendable (Page) -> String?, languagesWithEvents: Set<LanguageCode>,
        endonyms: [LanguageCode: String], addresses: PageAddresses? = nil
    ) {
        self.site = site
        self.addresses = addresses ?? PageAddresses(site)
        self.strings = strings
        let formatter = LocaleFormatter(config: site.config)
        self.formatter = formatter
        self.singlePagers = Dictionary(uniqueKeysWithValues: site.languages.map { language in
            (language.code, Self.pagerContext(
                PagerPage(number: 1, count: 1, path: .root, items: []), language: language.code, strings: strings, formatter: formatter
            ) { _ in "" })
        })
        self.structuredData = structuredData
        self.languagesWithEvents = languagesWithEvents
        self.endonyms = endonyms
        self.siteValues = Dictionary(uniqueKeysWithValues: site.languages.map { language in
            var values = Self.siteValues(site, language: language.code, hasEvents: languagesWithEvents.contains(language.code))
            if let statement = site.config.accessibility {
                values["accessibility"] = StatementValues(site: site, strings: strings, formatter: formatter, language: language.code)
                    .values(statement)
            }
            return (language.code, values)
        })
        self.taxonomyTitles = site.taxonomyPages.mapValues { ids in
            Dictionary(ids.compactMap { id in site[id].taxonomy.map { ($0, site[id].title) } }) { first, _ in first }
        }
        self.stringValues = Dictionary(uniqueKeysWithValues: site.languages.map { language in
            (language.code, TemplateValue.map(TemplateMap((strings.tables[language.code] ?? [:]).mapValues(TemplateValue.string))))
        })
    }

    /// The languages of `pages` that have events, and the languages their contacts and events name.
    private static func languageFacts(of pages: [PageID], in site: Site) -> (withEvents: Set<LanguageCode>, named: Set<LanguageCode>) {
        var withEvents = Set<LanguageCode>()
        var codes = Set<LanguageCode>()
        for id in pages {
            let fields = site[id].fields
            if let event = fields.event {
                withEvents.insert(site[id].language)
                codes.formUnion(event.languages)
            }
            codes.formUnion(fields.contact?.languages ?? [])
        }
        return (withEvents, codes)
    }

    /// The keys the tool itself reads from the UI strings.
    public static let requiredStringKeys = ["fallback_notice", "outdated_notice", "page_of", "not_found_title", "footnote_back", "external_link", "table", "home", "search_title"]

    /// The whole context of one output page.
    public func context(for page: Page, pager: PagerPage) -> TemplateValue {
        let language = page.language
        var context: TemplateMap = [
            "site": siteContext(for: page),
            "page": .map(pageContext(page)),
            "language": languageContext(language),
            "items": .list(pager.items.map(itemValue)),
            "subsections": .list(page.subsections.map { sectionContext(site[$0]) }),
            "pager": pagerContext(pager, of: page),
            "translations": .list(switcherContext(for: page)),
            // Page 2 of a list has no counterpart in another language's page 1.
            "alternates": .list(pager.number == 1 ? alternates(for: page) : []),
            "canonical": .string(canonicalURL(for: page, pager: pager)),
            "i18n": stringValues[language] ?? .map([:]),
            "breadcrumbs": .list(breadcrumbs(for: page)),
        ]
        context.merge(listContext(for: page, pager: pager))
        return .map(context)
    }

    // MARK: Site

    /// The site's values in one language that are the same on every page: built once per language.
    static func siteValues(_ site: Site, language: LanguageCode, hasEvents: Bool) -> TemplateMap {
        var context: TemplateMap = [
            "title": .string(site.config.title(for: language)),
            "base_url": .string(site.config.baseURL.absoluteString),
            "root_url": .string(site.url(for: .root)),
            "assets_url": .string(site.url(for: URLPath(segments: ["assets"], isDirectory: true))),
            "generator": "Wegweiser",
            "year": .string(String(Calendar(identifier: .gregorian).dateComponents(in: site.config.timeZone, from: site.options.now).year ?? 0)),
        ]
        if let home = site.homes[language] {
            context["home_url"] = .string(site.url(for: site[home].path))
            if hasEvents { context["events_ics_url"] = .string(site.url(for: site[home].path.appending(file: "events.ics"))) }
            context["pages"] = .list(site[home].children.map { id in
                let page = site[id]
                return ["title": .string(page.title), "url": .string(site.url(for: page.path)), "lang": .string(page.contentLanguage.rawValue),
                        "dir": .string(site.language(page.contentLanguage).direction.rawValue)]
            })
            context["feed_url"] = .string(site.url(for: site[home].path.appending(file: "feed.xml")))
        }
        if let search = site.searchPages[language], let index = site.searchIndexPath(in: language) {
            context["search_url"] = .string(site.url(for: site[search].path))
            context["search_index_url"] = .string(site.url(for: index))
            context["search_engine_url"] = .string(site.url(for: Site.searchEnginePath))
        }
        if let params = site.config.params.flatMap(TemplateValue.init(_:)) { context["params"] = params }
        return context
    }

    /// The navigation, with the section the page is in marked.
    private func siteContext(for page: Page) -> TemplateValue {
        let language = page.language
        let current = sectionAncestor(of: page)
        return navigations.value(for: NavigationKey(language: language, current: current)) {
            siteContext(in: language, current: current)
        }
    }

    private func siteContext(in language: LanguageCode, current: PageID?) -> TemplateValue {
        var context = siteValues[language] ?? [:]
        context["sections"] = .list(site.topSections(in: language).map { section in
            ["title": .string(section.title), "url": .string(url(of: section.id)), "is_current": .bool(section.id == current),
             "lang": .string(section.contentLanguage.rawValue), "dir": .string(site.language(section.contentLanguage).direction.rawValue)]
        })
        context["taxonomies"] = .list((site.taxonomyPages[language] ?? []).map { id in
            ["title": .string(site[id].title), "url": .string(url(of: id)), "is_current": .bool(id == current)]
        })
        return .map(context)
    }

    /// The top-level section or taxonomy page a page belongs to, for marking the navigation.
    private func sectionAncestor(of page: Page) -> PageID? {
        var candidate = page.id
        while let parent = site[candidate].parent {
            if site[parent].kind == .home { return site[candidate].kind.isUtility ? nil : candidate }
            candidate = parent
        }
        return nil
    }

    private func languageContext(_ code: LanguageCode) -> TemplateValue {
        let language = site.language(code)
        return ["code": .string(code.rawValue), "name": .string(language.name), "dir": .string(language.direction.rawValue)]
    }

    // MARK: Page

    private func pageContext(_ page: Page) -> TemplateMap {
        let contentLanguage = site.language(page.contentLanguage)
        var context: TemplateMap = [
            "title": .string(page.title),
            "kind": .string(page.kind.rawValue),
            "type": .string(page.type),
            "section": .string(page.section),
            "url": .string(url(of: page.id)),
            "permalink": .string(absoluteURL(of: page.id)),
            "lang": .string(page.contentLanguage.rawValue),
            "dir": .string(contentLanguage.direction.rawValue),
            "is_fallback": .bool(page.isFallback),
            "summary": .string(page.summary),
            "toc": .list(page.content.tableOfContents.map(tocContext)),
            "has_toc": .bool(Self.entryCount(page.content.tableOfContents) > 1),
            "is_\(page.kind == .notFound ? "not_found" : page.kind.rawValue)": true,
            "is_list": .bool(page.kind.isList),
            "is_draft": .bool(page.isDraft),
            "is_future": .bool(page.isFuture),
            "terms": .list(termsContext(page)),
            "field_lang": fieldLanguages(page),
        ]
        // Absent when empty: Mustache counts every string, even "", as true in {{#page.content}}.
        if !page.content.html.allSatisfy(\.isWhitespace) { context["content"] = .string(page.content.html) }
        if let date = page.date { context["date"] = dateValues(date, in: page.language) }
        if let lastmod = page.lastmod { context["lastmod"] = dateValues(lastmod, in: page.language) }
        if let image = page.image { context["image"] = ["src": .string(image.source), "alt": .string(image.alt)] }
        if includesPageParams, !page.params.isEmpty {
            context["params"] = .map(TemplateMap(page.params.compactMapValues(TemplateValue.init(_:))))
        }
        if page.isFallback {
            context["fallback_notice"] = .string(strings.text(
                "fallback_notice", in: page.language,
                ["language": site.language(page.language).name,
                 "source": formatter.languageName(page.contentLanguage, in: page.language)]))
        }
        if let status = page.translationStatus {
            context["translation_status"] = .string(status.rawValue)
            if status == .outdated, let original = page.original {
                let originalPage = site[original]
                context["is_outdated"] = true
                context["outdated_notice"] = .string(strings.text(
                    "outdated_notice", in: page.language, ["source": formatter.languageName(originalPage.language, in: page.language)]))
                context["original_url"] = .string(url(of: originalPage.id))
                context["original_lang"] = .string(originalPage.language.rawValue)
            }
        }
        if site.hasFeed(page) {
            context["feed_url"] = .string(site.url(for: page.path.appending(file: "feed.xml")))
        }
        context.merge(typedContext(page))
        if let json = structuredData(page) { context["json_ld"] = .string(json) }
        return context
    }

    private static func entryCount(_ entries: [TableOfContentsEntry]) -> Int {
        entries.reduce(entries.count) { $0 + entryCount($1.children) }
    }

    private func tocContext(_ entry: TableOfContentsEntry) -> TemplateValue {
        ["id": .string(entry.id), "title": .string(entry.title), "children": .list(entry.children.map(tocContext))]
    }

    /// The page's terms by taxonomy; fields the page shows as facts (a contact's category) are left out.
    private func termsContext(_ page: Page) -> [TemplateValue] {
        var byTaxonomy: [String: [TemplateValue]] = [:]
        for term in page.terms {
            var item: TemplateMap = ["name": .string(term.name), "url": .string(url(of: term.page))]
            if let language = term.nameLanguage {
                item["lang"] = .string(language.rawValue)
                item["dir"] = .string(language.usualDirection.rawValue)
            }
            byTaxonomy[term.taxonomy, default: []].append(.map(item))
        }
        let facts = TypedFieldsDecoder.keys(of: page.type)
        return site.config.taxonomies.compactMap { taxonomy -> TemplateValue? in
            guard !facts.contains(taxonomy.field), let items = byTaxonomy[taxonomy.name] else { return nil }
            let title = taxonomyTitles[page.language]?[taxonomy.name] ?? taxonomy.name
            return ["taxonomy": .string(taxonomy.name), "title": .string(title), "items": .list(items)]
        }
    }

    /// A page as an entry of a list.
    /// `itemContext`, converted and remembered.
    func itemValue(_ id: PageID) -> TemplateValue {
        items.value(for: id) { .map(itemContext(site[id])) }
    }

    func itemContext(_ page: Page) -> TemplateMap {
        var context: TemplateMap = [
            "title": .string(page.title),
            "url": .string(url(of: page.id)),
            "summary": .string(page.summary),
            "type": .string(page.type),
            "kind": .string(page.kind.rawValue),
            "lang": .string(page.contentLanguage.rawValue),
            "dir": .string(site.language(page.contentLanguage).direction.rawValue),
            "is_fallback": .bool(page.isFallback),
            "field_lang": fieldLanguages(page),
        ]
        if let date = page.displayDate { context["date"] = dateValues(date, in: page.language) }
        if page.kind == .term { context["count"] = .string(formatter.format(page.children.count, in: page.language)) }
        if let image = page.image { context["image"] = ["src": .string(image.source), "alt": .string(image.alt)] }
        context.merge(itemTypeContext(page))
        return context
    }

    /// `field_lang.services` etc.: the language of a field written in another language than the page
    /// around it (a spreadsheet row's untranslated column), for `lang` and `dir` on that passage.
    func fieldLanguages(_ page: Page) -> TemplateValue {
        var values: TemplateMap = [:]
        for (field, code) in page.fieldLanguages where code != page.contentLanguage {
            values[field] = ["lang": .string(code.rawValue), "dir": .string(site.language(code).direction.rawValue)]
        }
        return .map(values)
    }

    /// A section as the home page shows it: its title and its first entries.
    private func sectionContext(_ section: Page) -> TemplateValue {
        var context = itemContext(section)
        context["items"] = .list(section.children.prefix(5).map(itemValue))
        context["has_more"] = .bool(section.children.count > 5)
        return .map(context)
    }

    // MARK: Navigation

    private func pagerContext(_ pager: PagerPage, of page: Page) -> TemplateValue {
        // Most pages are the only page of their kind: their pager is the same in each language.
        if pager.count == 1, let single = singlePagers[page.language] { return single }
        return Self.pagerContext(pager, language: page.language, strings: strings, formatter: formatter) { number in
            site.url(for: number == 1 ? page.path : site.pagerPath(of: page, number: number))
        }
    }

    private static func pagerContext(
        _ pager: PagerPage, language: LanguageCode, strings: UIStrings, formatter: LocaleFormatter, url: (Int) -> String
    ) -> TemplateValue {
        var context: TemplateMap = [
            "number": .int(pager.number),
            "count": .int(pager.count),
            "has_pages": .bool(pager.count > 1),
            "label": .string(strings.text(
                "page_of", in: language, ["current": formatter.format(pager.number, in: language), "total": formatter.format(pager.count, in: language)])),
        ]
        if pager.number > 1 {
            context["prev_url"] = .string(url(pager.number - 1))
            context["first_url"] = .string(url(1))
        }
        if pager.number < pager.count {
            context["next_url"] = .string(url(pager.number + 1))
            context["last_url"] = .string(url(pager.count))
        }
        return .map(context)
    }

    /// Every site language, linking to this page's version there, else to that language's home page.
    private func switcherContext(for page: Page) -> [TemplateValue] {
        site.languages.map { language in
            let translation = site.translationID(of: page, in: language.code)
            let target = translation ?? site.homes[language.code]
            return [
                "code": .string(language.code.rawValue),
                "name": .string(language.name),
                "dir": .string(language.direction.rawValue),
                "url": .string(target.map(url(of:)) ?? site.url(for: .root)),
                "is_current": .bool(language.code == page.language),
                "has_page": .bool(translation != nil),
            ]
        }
    }

    /// hreflang alternates: real translations only (a fallback page repeats another language's text).
    private func alternates(for page: Page) -> [TemplateValue] {
        guard !page.isFallback, page.kind != .notFound else { return [] }
        let translations = site.translationIDs(of: page).filter { !site[$0].isFallback }
        guard translations.count > 1 else { return [] }
        var result: [TemplateValue] = translations.map {
            ["hreflang": .string(site[$0].language.rawValue), "url": .string(absoluteURL(of: $0))]
        }
        if let main = translations.first(where: { site[$0].language == site.config.defaultLanguage }) {
            result.append(["hreflang": "x-default", "url": .string(absoluteURL(of: main))])
        }
        return result
    }

    /// A fallback page points search engines at the page whose text it shows.
    private func canonicalURL(for page: Page, pager: PagerPage) -> String {
        if page.isFallback, let original = site.translationID(of: page, in: page.contentLanguage) {
            return absoluteURL(of: original)
        }
        return pager.number == 1 ? absoluteURL(of: page.id) : site.absoluteURL(for: pager.path)
    }

    private func breadcrumbs(for page: Page) -> [TemplateValue] {
        var trail: [PageID] = []
        var current = page.parent
        while let id = current {
            trail.append(id)
            current = site[id].parent
        }
        return trail.reversed().map { crumb in
            let isHome = site[crumb].kind == .home
            let language = isHome ? page.language : site[crumb].contentLanguage
            return [
                "title": .string(isHome ? strings.text("home", in: page.language) : site[crumb].title),
                "url": .string(url(of: crumb)), "lang": .string(language.rawValue),
                "dir": .string(site.language(language).direction.rawValue),
            ]
        }
    }
}

extension RenderContextBuilder {
    /// The address of a page, for links: `/de/reports/x/`.
    func url(of id: PageID) -> String { addresses.links[id.rawValue] }

    /// The absolute URL of a page: `https://example.org/de/reports/x/`.
    func absoluteURL(of id: PageID) -> String { addresses.absolute[id.rawValue] }
}

/// Every page's address, made once per site.
private struct PageAddresses: Sendable {
    let links: [String]
    let absolute: [String]

    init(_ site: Site) {
        links = site.pages.indices.map { site.url(for: site.pages[$0].path) }
        absolute = site.pages.indices.map { site.absoluteURL(for: site.pages[$0].path) }
    }
}

/// Template values made once and shared by the rendering tasks.
private final class Memo<Key: Hashable & Sendable>: Sendable {
    private let values = Mutex<[Key: TemplateValue]>([:])

    func value(for key: Key, make: () -> TemplateValue) -> TemplateValue {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = make()
        values.withLock { $0[key] = value }
        return value
    }
}

/// The pages of one language that sit in the same place of the navigation see the same `site`.
private struct NavigationKey: Hashable, Sendable {
    var language: LanguageCode
    var current: PageID?
}
