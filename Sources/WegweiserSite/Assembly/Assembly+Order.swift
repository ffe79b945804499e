import Foundation
import WegweiserCore

extension Assembly {
    /// Sorts every list: weight first (pages without one last), then newest first, then title, then path.
    mutating func orderLists() {
        let pages = site.pages
        for index in site.pages.indices {
            site.pages[index].children.sort { Self.listOrder(pages[$0.rawValue], pages[$1.rawValue]) }
            site.pages[index].subsections.sort { Self.listOrder(pages[$0.rawValue], pages[$1.rawValue]) }
        }
    }

    static func listOrder(_ a: Page, _ b: Page) -> Bool {
        let weightA = a.weight ?? Int.max, weightB = b.weight ?? Int.max
        if weightA != weightB { return weightA < weightB }
        let dateA = a.displayDate?.instant ?? .distantPast, dateB = b.displayDate?.instant ?? .distantPast
        if dateA != dateB { return dateA > dateB }
        let titleOrder = a.title.compare(b.title, options: [.caseInsensitive], locale: Locale(identifier: a.language.localeIdentifier))
        if titleOrder != .orderedSame { return titleOrder == .orderedAscending }
        return a.path < b.path
    }
}
