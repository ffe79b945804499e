import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// What list pages of events and directories show besides their entries.
extension RenderContextBuilder {
    func listContext(for page: Page, pager: PagerPage) -> TemplateMap {
        guard page.kind == .section else { return [:] }
        switch page.type {
        case "event":
            let items = pager.items.map { site[$0] }
            return [
                "upcoming": .list(items.filter { $0.schedule?.isUpcoming == true }.map { itemValue($0.id) }),
                "past": .list(items.filter { $0.schedule?.isUpcoming != true }.map { itemValue($0.id) }),
            ]
        case "contact":
            return directoryContext(pager.items.map { site[$0] }, language: page.language)
        default:
            return [:]
        }
    }

    /// Entries grouped by category (the view without JavaScript), and the choices of the filters.
    private func directoryContext(_ entries: [Page], language: LanguageCode) -> TemplateMap {
        var groups: [String: [Page]] = [:]
        var languages = Set<LanguageCode>()
        for entry in entries {
            groups[entry.fields.contact?.category ?? "", default: []].append(entry)
            languages.formUnion(entry.fields.contact?.languages ?? [])
        }
        let locale = Locale(identifier: language.localeIdentifier)
        let order: (String, String) -> Bool = { a, b in
            a.compare(b, options: [.caseInsensitive], locale: locale) == .orderedAscending
        }
        let categories = groups.keys.filter { !$0.isEmpty }.map { ($0, categoryLabel($0, in: language)) }.sorted { order($0.1, $1.1) }
        var groupContexts: [TemplateValue] = categories.map { key, label in
            ["key": .string(key), "label": .string(label), "items": .list(groups[key]!.map { itemValue($0.id) })]
        }
        if let other = groups[""] {
            groupContexts.append([
                "key": "", "label": .string(strings.text("other_entries", in: language)), "items": .list(other.map { itemValue($0.id) }),
            ])
        }
        let languageOptions = languages.map { (name: endonyms[$0] ?? $0.endonym, value: languageValues($0)) }
            .sorted { order($0.name, $1.name) }.map(\.value)
        return [
            "groups": .list(groupContexts),
            "filter_categories": .list(categories.map { ["key": .string($0.0), "label": .string($0.1)] }),
            "filter_languages": .list(languageOptions),
            "entry_count": .string(formatter.format(entries.count, in: language)),
            "directory_script": .string(site.url(for: URLPath(segments: ["assets", "directory-filter.js"], isDirectory: false))),
        ]
    }

    /// Per entry of a list: what filters and list layouts of contacts and events need.
    func itemTypeContext(_ page: Page) -> TemplateMap {
        switch page.fields {
        case .contact(let contact):
            var context: TemplateMap = [
                "languages": .string(contact.languages.map(\.rawValue).joined(separator: " ")),
                "wheelchair": .string(contact.wheelchair?.rawValue ?? ""),
            ]
            if let category = contact.category {
                context["category"] = ["key": .string(category), "label": .string(categoryLabel(category, in: page.language))]
            }
            if let address = contact.address { context["address"] = .string(address.singleLine) }
            return context
        case .event(let event):
            let next = page.schedule?.upcoming.first ?? page.schedule?.lastStart ?? event.start.instant
            return [
                "event": [
                    "when": occurrenceValues(next, event: event, duration: page.schedule?.duration ?? 0, in: page.language),
                    "cancelled": .bool(event.cancelled), "is_recurring": .bool(event.recurrence != nil),
                ],
            ]
        default:
            return [:]
        }
    }
}
