import Foundation
import WegweiserCore

extension Assembly {
    /// Sorts every list: weight first (pages without one last), then newest first, then title, then path.
    /// The keys and the sorted lists are made side by side, then set in page order.
    mutating func orderLists() async {
        let site = self.site
        let indices = Array(0..<site.pages.count)
        let keys = await indices.concurrentMap(jobs: site.options.jobs, chunkSize: 256) { ListKey(site.pages[$0]) }
        let sorted = await indices.concurrentMap(jobs: site.options.jobs, chunkSize: 256) { index in
            Self.sortedList(of: site[PageID(index)]) { keys[$0.rawValue] }
        }
        for (index, lists) in zip(indices, sorted) {
            guard let (children, subsections) = lists else { continue }
            self.site.pages[index].children = children
            self.site.pages[index].subsections = subsections
        }
    }

    /// The pages and subsections one list shows, sorted; events by their schedule. Nil when the page
    /// lists nothing.
    static func sortedList(of page: Page, key: (PageID) -> ListKey) -> (children: [PageID], subsections: [PageID])? {
        guard !page.children.isEmpty || !page.subsections.isEmpty else { return nil }
        var children = page.children
        if page.type == "event" {
            children.sort { key($0).precedesAsEvent(key($1)) }
        } else {
            children.sort { key($0) < key($1) }
        }
        return (children, page.subsections.sorted { key($0) < key($1) })
    }

    /// Puts pages whose order keys changed back in their place in a sorted list: the others keep
    /// their order, so each one's place is found by halving (the order is total: paths differ).
    mutating func reposition(_ moved: Set<PageID>, in list: PageID) {
        let isEvent = site[list].type == "event"
        let precedes: (PageID, PageID) -> Bool = { [site] a, b in
            isEvent ? ListKey(site[a]).precedesAsEvent(ListKey(site[b])) : ListKey(site[a]) < ListKey(site[b])
        }
        var children = site[list].children.filter { !moved.contains($0) }
        for id in site[list].children where moved.contains(id) {
            var low = 0, high = children.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(children[middle], id) { low = middle + 1 } else { high = middle }
            }
            children.insert(id, at: low)
        }
        site.pages[list.rawValue].children = children
    }

    /// Every home page has a feed; a section has one when a dated page lies below it.
    mutating func findFeedLists() {
        var lists = Set(site.homes.values)
        for index in site.pages.indices where site.pages[index].kind == .page && !site.pages[index].isFallback && site.pages[index].displayDate != nil {
            var parent = site.pages[index].parent
            while let id = parent, site[id].kind == .section {
                lists.insert(id)
                parent = site[id].parent
            }
        }
        site.feedLists = lists
    }

    /// The order of lists: weight first (pages without one last), then newest first, then title, then path.
    struct ListKey: Comparable, Sendable {
        let weight: Int
        let date: Date
        let title: String
        let path: String

        /// For events: the next start, if any, and the last one.
        let next: Date?
        let last: Date

        init(_ page: Page) {
            weight = page.weight ?? Int.max
            date = page.displayDate?.instant ?? .distantPast
            title = page.title.lowercased()
            path = page.path.description
            next = page.schedule?.upcoming.first
            last = page.schedule?.lastStart ?? .distantPast
        }

        /// Events: upcoming ones first, the next first; then past ones, the latest first.
        func precedesAsEvent(_ other: ListKey) -> Bool {
            switch (next, other.next) {
            case let (a?, b?) where a != b: return a < b
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil) where last != other.last: return last > other.last
            default: return self < other
            }
        }

        static func < (a: ListKey, b: ListKey) -> Bool {
            if a.weight != b.weight { return a.weight < b.weight }
            if a.date != b.date { return a.date > b.date }
            if a.title != b.title { return a.title < b.title }
            return a.path < b.path
        }
    }
}
