import Foundation
import WegweiserCore

extension Assembly {
    /// Sorts every list: weight first (pages without one last), then newest first, then title, then path.
    mutating func orderLists() {
        let keys = site.pages.map(ListKey.init)
        let pages = site.pages
        for index in site.pages.indices {
            if site.pages[index].type == "event" {
                site.pages[index].children.sort { Self.eventOrder(pages[$0.rawValue], pages[$1.rawValue], keys) }
            } else {
                site.pages[index].children.sort { keys[$0.rawValue] < keys[$1.rawValue] }
            }
            site.pages[index].subsections.sort { keys[$0.rawValue] < keys[$1.rawValue] }
        }
    }

    /// Events: upcoming ones first, the next first; then past ones, the latest first.
    static func eventOrder(_ a: Page, _ b: Page, _ keys: [ListKey]) -> Bool {
        switch (a.schedule?.upcoming.first, b.schedule?.upcoming.first) {
        case let (nextA?, nextB?) where nextA != nextB: return nextA < nextB
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil):
            let lastA = a.schedule?.lastStart ?? .distantPast, lastB = b.schedule?.lastStart ?? .distantPast
            if lastA != lastB { return lastA > lastB }
        default: break
        }
        return keys[a.id.rawValue] < keys[b.id.rawValue]
    }

    /// Every home page has a feed; a section has one when a dated page lies below it.
    mutating func findFeedLists() {
        var lists = Set(site.homes.values)
        for page in site.pages where page.kind == .page && !page.isFallback && page.displayDate != nil {
            var parent = page.parent
            while let id = parent, site[id].kind == .section {
                lists.insert(id)
                parent = site[id].parent
            }
        }
        site.feedLists = lists
    }

    /// The order of lists: weight first (pages without one last), then newest first, then title, then path.
    struct ListKey: Comparable {
        let weight: Int
        let date: Date
        let title: String
        let path: String

        init(_ page: Page) {
            weight = page.weight ?? Int.max
            date = page.displayDate?.instant ?? .distantPast
            title = page.title.lowercased()
            path = page.path.description
        }

        static func < (a: ListKey, b: ListKey) -> Bool {
            if a.weight != b.weight { return a.weight < b.weight }
            if a.date != b.date { return a.date > b.date }
            if a.title != b.title { return a.title < b.title }
            return a.path < b.path
        }
    }
}
