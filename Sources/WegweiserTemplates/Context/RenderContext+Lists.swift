import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// What list pages of events and directories show besides their entries.
extension RenderContextBuilder {
    func listContext(for page: Page, pager: PagerPage) -> [String: Any] {
        guard page.kind == .section else { return [:] }
        switch page.type {
        case "event":
            let items = pager.items.map { site[$0] }
            return [
                "upcoming": TemplateValue.list(items.filter { $0.schedule?.isUpcoming == true }.map { itemValue($0.id) }),
                "past": TemplateValue.list(items.filter { $0.schedule?.isUpcoming != true }.map { itemValue($0.id) }),
            ]
        case "contact":
            return directoryContext(pager.items.map { site[$0] }, language: page.language)
        default:
            return [:]
        }
    }

    /// Entries grouped by category (the view without JavaScript), and the choices of the filters.
    private func directoryContext(_ entries: [Page], language: LanguageCode) -> [String: Any] {
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
        var groupContexts: [[String: Any]] = categories.map { key, label in
            ["key": key, "label": label, "items": TemplateValue.list(groups[key]!.map { itemValue($0.id) })]
        }
        if let other = groups[""] {
            groupContexts.append(["key": "", "label": strings.text("other_entries", in: language), "items": other.map(itemContext)])
        }
        let languageOptions = languages.map(languageValues).sorted { order($0["name"] as! String, $1["name"] as! String) }
        return [
            "groups": groupContexts,
            "filter_categories": categories.map { ["key": $0.0, "label": $0.1] },
            "filter_languages": languageOptions,
            "entry_count": formatter.format(entries.count, in: language),
            "directory_script": site.url(for: URLPath(segments: ["assets", "directory-filter.js"], isDirectory: false)),
        ]
    }

    /// Per entry of a list: what filters and list layouts of contacts and events need.
    func itemTypeContext(_ page: Page) -> [String: Any] {
        switch page.fields {
        case .contact(let contact):
            var context: [String: Any] = [
                "languages": contact.languages.map(\.rawValue).joined(separator: " "),
                "wheelchair": contact.wheelchair?.rawValue ?? "",
            ]
            if let category = contact.category { context["category"] = ["key": category, "label": categoryLabel(category, in: page.language)] }
            if let address = contact.address { context["address"] = address.singleLine }
            return context
        case .event(let event):
            let next = page.schedule?.upcoming.first ?? page.schedule?.lastStart ?? event.start.instant
            return [
                "event": ["when": occurrenceValues(next, event: event, duration: page.schedule?.duration ?? 0, in: page.language),
                          "cancelled": event.cancelled, "is_recurring": event.recurrence != nil],
            ]
        default:
            return [:]
        }
    }
}
