import Foundation
import Synchronization
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// Builds what templates see: `site`, `page`, `items`, `pager`, `translations`, `alternates`, `i18n`
/// (documented in docs/templates.md). Values are plain dictionaries and arrays, so Mustache reads
/// them without reflection.
public struct RenderContextBuilder: Sendable {
    public let site: Site
    public let strings: UIStrings
    public let formatter: LocaleFormatter
    /// schema.org JSON-LD of a page, made by the outputs layer.
    public let structuredData: @Sendable (Page) -> String?
    /// Per language, the site values that every page shares, and the UI strings: converted for the
    /// renderer once, not for every page.
    private let siteValues: [LanguageCode: [String: TemplateValue]]
    private let stringValues: [LanguageCode: TemplateValue]
    /// A page as an entry of a list, made once: a report is an entry of its section, the home page and
    /// each of its terms' pages.
    private let items = Memo<PageID>()
    /// The `site` value per language and navigation entry marked current.
    private let navigations = Memo<NavigationKey>()
    /// Languages by their own names ("العربية"), for every code the contacts and events name.
    let endonyms: [LanguageCode: String]

    /// The languages that have events.
    private let languagesWithEvents: Set<LanguageCode>

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
        return RenderContextBuilder(
            site: site, strings: strings, structuredData: structuredData, languagesWithEvents: languagesWithEvents.union(withEvents),
            endonyms: endonyms)
    }

    private init(
        site: Site, strings: UIStrings, structuredData: @escaping @Sendable (Page) -> String?, languagesWithEvents: Set<LanguageCode>,
        endonyms: [LanguageCode: String]
    ) {
        self.site = site
        self.strings = strings
        let formatter = LocaleFormatter(config: site.config)
        self.formatter = formatter
        self.structuredData = structuredData
        self.languagesWithEvents = languagesWithEvents
        self.endonyms = endonyms
        self.siteValues = Dictionary(uniqueKeysWithValues: site.languages.map { language in
            var values = Self.siteValues(site, language: language.code, hasEvents: languagesWithEvents.contains(language.code))
            if let statement = site.config.accessibility {
                values["accessibility"] = StatementValues(site: site, strings: strings, formatter: formatter, language: language.code)
                    .values(statement)
            }
            return (language.code, values.mapValues(TemplateValue.init))
        })
        self.stringValues = Dictionary(uniqueKeysWithValues: site.languages.map { language in
            (language.code, TemplateValue.map((strings.tables[language.code] ?? [:]).mapValues(TemplateValue.string)))
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
    public func context(for page: Page, pager: PagerPage) -> [String: Any] {
        let language = page.language
        var context: [String: Any] = [
            "site": siteContext(for: page),
            "page": pageContext(page),
            "language": languageContext(language),
            "items": TemplateValue.list(pager.items.map(itemValue)),
            "subsections": page.subsections.map { sectionContext(site[$0]) },
            "pager": pagerContext(pager, of: page),
            "translations": switcherContext(for: page),
            // Page 2 of a list has no counterpart in another language's page 1.
            "alternates": pager.number == 1 ? alternates(for: page) : [],
            "canonical": canonicalURL(for: page, pager: pager),
            "i18n": stringValues[language] ?? .map([:]),
            "breadcrumbs": breadcrumbs(for: page),
        ]
        context.merge(listContext(for: page, pager: pager)) { _, new in new }
        return context
    }

    // MARK: Site

    /// The site's values in one language that are the same on every page: built once per language.
    static func siteValues(_ site: Site, language: LanguageCode, hasEvents: Bool) -> [String: Any] {
        var context: [String: Any] = [
            "title": site.config.title(for: language),
            "base_url": site.config.baseURL.absoluteString,
            "root_url": site.url(for: .root),
            "assets_url": site.url(for: URLPath(segments: ["assets"], isDirectory: true)),
            "generator": "Wegweiser",
            "year": String(Calendar(identifier: .gregorian).dateComponents(in: site.config.timeZone, from: site.options.now).year ?? 0),
        ]
        if let home = site.homes[language] {
            context["home_url"] = site.url(for: site[home].path)
            if hasEvents { context["events_ics_url"] = site.url(for: site[home].path.appending(file: "events.ics")) }
            context["pages"] = site[home].children.map { id -> [String: Any] in
                let page = site[id]
                return ["title": page.title, "url": site.url(for: page.path), "lang": page.contentLanguage.rawValue,
                        "dir": site.language(page.contentLanguage).direction.rawValue]
            }
            context["feed_url"] = site.url(for: site[home].path.appending(file: "feed.xml"))
        }
        if let search = site.searchPages[language], let index = site.searchIndexPath(in: language) {
            context["search_url"] = site.url(for: site[search].path)
            context["search_index_url"] = site.url(for: index)
            context["search_engine_url"] = site.url(for: Site.searchEnginePath)
        }
        if let params = site.config.params?.templateValue { context["params"] = params }
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
            .map(["title": .string(section.title), "url": .string(site.url(for: section.path)), "is_current": .bool(section.id == current),
                  "lang": .string(section.contentLanguage.rawValue), "dir": .string(site.language(section.contentLanguage).direction.rawValue)])
        })
        context["taxonomies"] = .list((site.taxonomyPages[language] ?? []).map { id in
            .map(["title": .string(site[id].title), "url": .string(site.url(for: site[id].path)), "is_current": .bool(id == current)])
        })
        return .map(context)
    }

    /// The top-level section or taxonomy page a page belongs to, for marking the navigation.
    private func sectionAncestor(of page: Page) -> PageID? {
        var current: Page? = page
        while let candidate = current, let parent = candidate.parent {
            if site[parent].kind == .home { return candidate.kind.isUtility ? nil : candidate.id }
            current = site[parent]
        }
        return nil
    }

    private func languageContext(_ code: LanguageCode) -> [String: Any] {
        let language = site.language(code)
        return ["code": code.rawValue, "name": language.name, "dir": language.direction.rawValue]
    }

    // MARK: Page

    private func pageContext(_ page: Page) -> [String: Any] {
        let contentLanguage = site.language(page.contentLanguage)
        var context: [String: Any] = [
            "title": page.title,
            "kind": page.kind.rawValue,
            "type": page.type,
            "section": page.section,
            "url": site.url(for: page.path),
            "permalink": site.absoluteURL(for: page.path),
            "lang": page.contentLanguage.rawValue,
            "dir": contentLanguage.direction.rawValue,
            "is_fallback": page.isFallback,
            "summary": page.summary,
            "toc": page.content.tableOfContents.map(tocContext),
            "has_toc": Self.entryCount(page.content.tableOfContents) > 1,
            "is_\(page.kind == .notFound ? "not_found" : page.kind.rawValue)": true,
            "is_list": page.kind.isList,
            "is_draft": page.isDraft,
            "is_future": page.isFuture,
            "terms": termsContext(page),
            "field_lang": fieldLanguages(page),
        ]
        // Absent when empty: Mustache counts every string, even "", as true in {{#page.content}}.
        if !page.content.html.allSatisfy(\.isWhitespace) { context["content"] = page.content.html }
        if let date = page.date { context["date"] = dateContext(date, in: page.language) }
        if let lastmod = page.lastmod { context["lastmod"] = dateContext(lastmod, in: page.language) }
        if let image = page.image { context["image"] = ["src": image.source, "alt": image.alt] }
        if !page.params.isEmpty {
            context["params"] = page.params.compactMapValues(\.templateValue)
        }
        if page.isFallback {
            context["fallback_notice"] = strings.text(
                "fallback_notice", in: page.language,
                ["language": site.language(page.language).name,
                 "source": formatter.languageName(page.contentLanguage, in: page.language)])
        }
        if let status = page.translationStatus {
            context["translation_status"] = status.rawValue
            if status == .outdated, let original = page.original {
                let originalPage = site[original]
                context["is_outdated"] = true
                context["outdated_notice"] = strings.text(
                    "outdated_notice", in: page.language, ["source": formatter.languageName(originalPage.language, in: page.language)])
                context["original_url"] = site.url(for: originalPage.path)
                context["original_lang"] = originalPage.language.rawValue
            }
        }
        if site.hasFeed(page) {
            context["feed_url"] = site.url(for: page.path.appending(file: "feed.xml"))
        }
        context.merge(typedContext(page)) { _, new in new }
        if let json = structuredData(page) { context["json_ld"] = json }
        return context
    }

    private static func entryCount(_ entries: [TableOfContentsEntry]) -> Int {
        entries.reduce(entries.count) { $0 + entryCount($1.children) }
    }

    private func tocContext(_ entry: TableOfContentsEntry) -> [String: Any] {
        ["id": entry.id, "title": entry.title, "children": entry.children.map(tocContext)]
    }

    private func dateContext(_ date: ContentDate, in language: LanguageCode) -> [String: Any] {
        dateValues(date, in: language)
    }

    /// The page's terms by taxonomy; fields the page shows as facts (a contact's category) are left out.
    private func termsContext(_ page: Page) -> [[String: Any]] {
        var byTaxonomy: [String: [[String: Any]]] = [:]
        for term in page.terms {
            var item: [String: Any] = ["name": term.name, "url": site.url(for: site[term.page].path)]
            if let language = term.nameLanguage {
                item["lang"] = language.rawValue
                item["dir"] = language.usualDirection.rawValue
            }
            byTaxonomy[term.taxonomy, default: []].append(item)
        }
        let facts = Set(TypedFieldsDecoder.keys(of: page.type))
        return site.config.taxonomies.filter { !facts.contains($0.field) }.map(\.name).compactMap { taxonomy in
            guard let items = byTaxonomy[taxonomy] else { return nil }
            let title = site.taxonomyPages[page.language]?.map { site[$0] }.first { $0.taxonomy == taxonomy }?.title ?? taxonomy
            return ["taxonomy": taxonomy, "title": title, "items": items]
        }
    }

    /// A page as an entry of a list.
    /// `itemContext`, converted and remembered.
    func itemValue(_ id: PageID) -> TemplateValue {
        items.value(for: id) { TemplateValue(itemContext(site[id])) }
    }

    func itemContext(_ page: Page) -> [String: Any] {
        var context: [String: Any] = [
            "title": page.title,
            "url": site.url(for: page.path),
            "summary": page.summary,
            "type": page.type,
            "kind": page.kind.rawValue,
            "lang": page.contentLanguage.rawValue,
            "dir": site.language(page.contentLanguage).direction.rawValue,
            "is_fallback": page.isFallback,
            "field_lang": fieldLanguages(page),
        ]
        if let date = page.displayDate { context["date"] = dateContext(date, in: page.language) }
        if page.kind == .term { context["count"] = formatter.format(page.children.count, in: page.language) }
        if let image = page.image { context["image"] = ["src": image.source, "alt": image.alt] }
        context.merge(itemTypeContext(page)) { _, new in new }
        return context
    }

    /// `field_lang.services` etc.: the language of a field written in another language than the page
    /// around it (a spreadsheet row's untranslated column), for `lang` and `dir` on that passage.
    func fieldLanguages(_ page: Page) -> [String: Any] {
        var values: [String: Any] = [:]
        for (field, code) in page.fieldLanguages where code != page.contentLanguage {
            values[field] = ["lang": code.rawValue, "dir": site.language(code).direction.rawValue]
        }
        return values
    }

    /// A section as the home page shows it: its title and its first entries.
    private func sectionContext(_ section: Page) -> [String: Any] {
        var context = itemContext(section)
        context["items"] = TemplateValue.list(section.children.prefix(5).map(itemValue))
        context["has_more"] = section.children.count > 5
        return context
    }

    // MARK: Navigation

    private func pagerContext(_ pager: PagerPage, of page: Page) -> [String: Any] {
        var context: [String: Any] = [
            "number": pager.number,
            "count": pager.count,
            "has_pages": pager.count > 1,
            "label": strings.text(
                "page_of", in: page.language,
                ["current": formatter.format(pager.number, in: page.language), "total": formatter.format(pager.count, in: page.language)]),
        ]
        if pager.number > 1 {
            context["prev_url"] = site.url(for: site.pagerPath(of: page, number: pager.number - 1))
            context["first_url"] = site.url(for: page.path)
        }
        if pager.number < pager.count {
            context["next_url"] = site.url(for: site.pagerPath(of: page, number: pager.number + 1))
            context["last_url"] = site.url(for: site.pagerPath(of: page, number: pager.count))
        }
        return context
    }

    /// Every site language, linking to this page's version there, else to that language's home page.
    private func switcherContext(for page: Page) -> [[String: Any]] {
        site.languages.map { language in
            let translation = site.translationID(of: page, in: language.code)
            let target = (translation ?? site.homes[language.code]).map { site[$0].path }
            return [
                "code": language.code.rawValue,
                "name": language.name,
                "dir": language.direction.rawValue,
                "url": site.url(for: target ?? .root),
                "is_current": language.code == page.language,
                "has_page": translation != nil,
            ]
        }
    }

    /// hreflang alternates: real translations only (a fallback page repeats another language's text).
    private func alternates(for page: Page) -> [[String: Any]] {
        guard !page.isFallback, page.kind != .notFound else { return [] }
        let translations = site.translations(of: page).filter { !$0.isFallback }
        guard translations.count > 1 else { return [] }
        var result: [[String: Any]] = translations.map { ["hreflang": $0.language.rawValue, "url": site.absoluteURL(for: $0.path)] }
        if let main = translations.first(where: { $0.language == site.config.defaultLanguage }) {
            result.append(["hreflang": "x-default", "url": site.absoluteURL(for: main.path)])
        }
        return result
    }

    /// A fallback page points search engines at the page whose text it shows.
    private func canonicalURL(for page: Page, pager: PagerPage) -> String {
        if page.isFallback, let original = site.translation(of: page, in: page.contentLanguage) {
            return site.absoluteURL(for: original.path)
        }
        return site.absoluteURL(for: pager.path)
    }

    private func breadcrumbs(for page: Page) -> [[String: Any]] {
        var trail: [Page] = []
        var current = page.parent
        while let id = current {
            trail.insert(site[id], at: 0)
            current = site[id].parent
        }
        return trail.map { crumb in
            let language = crumb.kind == .home ? page.language : crumb.contentLanguage
            return [
                "title": crumb.kind == .home ? strings.text("home", in: page.language) : crumb.title,
                "url": site.url(for: crumb.path), "lang": language.rawValue, "dir": site.language(language).direction.rawValue,
            ]
        }
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
